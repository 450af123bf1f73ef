package org.synthos.core.state;

import java.util.Optional;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;

/**
 * The mutable, single-threaded fold of one column's batches into {@link ColumnStates}. The set of
 * statistics is resolved once from the column type, never per value; each update walks the batch's
 * primitive array with its null mask.
 */
public final class ColumnAccumulator {
  private final Field field;
  private final StateConfig config;
  private long rows;
  private long nulls;
  private long invalid;
  private final DistinctAccumulator distinct;
  private final MomentsAccumulator moments;
  private final QuantileAccumulator quantiles;
  private final FrequencyAccumulator frequencies;
  private final TextAccumulator text;
  private final DatetimeAccumulator datetime;

  private final boolean countsOnly;

  private ColumnAccumulator(Field field, StateConfig config, long seed, boolean countsOnly) {
    this.field = field;
    this.config = config;
    this.countsOnly = countsOnly;
    ColumnType t = field.type();
    boolean all = !countsOnly;
    this.distinct = all ? new DistinctAccumulator(config.hllLgK()) : null;
    this.moments = all && t.isNumeric() ? new MomentsAccumulator() : null;
    this.quantiles = all && t.isNumeric() ? new QuantileAccumulator(config.kllK(), seed) : null;
    this.frequencies =
        all && ColumnStates.hasFrequencies(t)
            ? new FrequencyAccumulator(config.categoryCap(), config.frequentItemsLgMapSize())
            : null;
    this.text = all && ColumnStates.hasText(t) ? new TextAccumulator() : null;
    this.datetime = all && t == ColumnType.DATETIME ? new DatetimeAccumulator() : null;
  }

  /** An accumulator whose quantile sketch uses seed 0. */
  public static ColumnAccumulator of(Field field, StateConfig config) {
    return new ColumnAccumulator(field, config, 0, false);
  }

  /**
   * An accumulator whose quantile sketch draws its compaction offsets from {@code seed}; give each
   * independently folded part of a dataset its own seed so their sketches' coin flips are
   * independent.
   */
  public static ColumnAccumulator of(Field field, StateConfig config, long seed) {
    return new ColumnAccumulator(field, config, seed, false);
  }

  /**
   * An accumulator of the row, null and invalid counts only; its snapshot holds the identity for
   * every other state.
   */
  public static ColumnAccumulator countsOnly(Field field, StateConfig config) {
    return new ColumnAccumulator(field, config, 0, true);
  }

  /** Adds one batch of this column; the column must match the field's physical type. */
  public void update(Column column) {
    int size = column.size();
    rows += size;
    nulls += column.nulls().cardinality();
    invalid += column.invalid().cardinality();
    if (countsOnly) {
      return;
    }
    if (column instanceof Column.Doubles d) {
      distinct.add(d.values(), size, d.nulls());
      moments.add(d.values(), size, d.nulls());
      quantiles.add(d.values(), size, d.nulls());
    } else if (column instanceof Column.Longs l) {
      distinct.add(l.values(), size, l.nulls());
      moments.add(l.values(), size, l.nulls());
      quantiles.add(l.values(), size, l.nulls());
      if (datetime != null) {
        datetime.add(l.values(), size, l.nulls());
      }
    } else if (column instanceof Column.Booleans b) {
      distinct.add(b.values(), size, b.nulls());
      frequencies.add(b.values(), size, b.nulls());
    } else if (column instanceof Column.Strings s) {
      distinct.add(s.values(), size, s.nulls());
      if (frequencies != null) {
        frequencies.add(s.values(), size, s.nulls());
      }
      if (text != null) {
        text.add(s.values(), size, s.nulls());
      }
    }
  }

  /** The immutable states of everything added so far. */
  public ColumnStates snapshot() {
    ColumnStates empty = ColumnStates.empty(field, config);
    return new ColumnStates(
        field,
        new CountsState(rows, nulls, invalid),
        distinct == null ? empty.distinct() : distinct.snapshot(),
        moments == null ? empty.moments() : Optional.of(moments.snapshot()),
        quantiles == null ? empty.quantiles() : Optional.of(quantiles.snapshot()),
        frequencies == null ? empty.frequencies() : Optional.of(frequencies.snapshot()),
        text == null ? empty.text() : Optional.of(text.snapshot()),
        datetime == null ? empty.datetime() : Optional.of(datetime.snapshot()));
  }
}
