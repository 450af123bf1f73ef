package org.synthos.core.state;

import java.util.Optional;
import java.util.function.BinaryOperator;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;

/**
 * Every state kept for one column. Which states are present depends only on the column type:
 *
 * <ul>
 *   <li>all types: counts and a distinct-count sketch;
 *   <li>integer, float and datetime: moments and quantiles (datetimes as microseconds);
 *   <li>datetime: range and granularity;
 *   <li>boolean, categorical and text: category frequencies;
 *   <li>text and identifier: length and token statistics.
 * </ul>
 *
 * Merge is component-wise, so it inherits each component's laws; {@link #empty} is the identity.
 */
public record ColumnStates(
    Field field,
    CountsState counts,
    DistinctState distinct,
    Optional<MomentsState> moments,
    Optional<QuantileState> quantiles,
    Optional<FrequencyState> frequencies,
    Optional<TextState> text,
    Optional<DatetimeState> datetime) {

  /** The identity for {@code field} under {@code config}. */
  public static ColumnStates empty(Field field, StateConfig config) {
    ColumnType t = field.type();
    return new ColumnStates(
        field,
        CountsState.EMPTY,
        DistinctState.empty(config.hllLgK()),
        when(t.isNumeric(), MomentsState.EMPTY),
        when(t.isNumeric(), QuantileState.empty(config.kllK())),
        when(
            hasFrequencies(t),
            FrequencyState.empty(config.categoryCap(), config.frequentItemsLgMapSize())),
        when(hasText(t), TextState.EMPTY),
        when(t == ColumnType.DATETIME, DatetimeState.EMPTY));
  }

  static boolean hasFrequencies(ColumnType t) {
    return t == ColumnType.BOOLEAN || t == ColumnType.CATEGORICAL || t == ColumnType.TEXT;
  }

  static boolean hasText(ColumnType t) {
    return t == ColumnType.TEXT || t == ColumnType.IDENTIFIER;
  }

  private static <T> Optional<T> when(boolean present, T value) {
    return present ? Optional.of(value) : Optional.empty();
  }

  /** Component-wise merge; both sides must describe the same field. */
  public ColumnStates merge(ColumnStates o) {
    if (!field.equals(o.field)) {
      throw new IllegalArgumentException("cannot merge states of " + field + " and " + o.field);
    }
    return new ColumnStates(
        field,
        counts.merge(o.counts),
        distinct.merge(o.distinct),
        both(moments, o.moments, MomentsState::merge),
        both(quantiles, o.quantiles, QuantileState::merge),
        both(frequencies, o.frequencies, FrequencyState::merge),
        both(text, o.text, TextState::merge),
        both(datetime, o.datetime, DatetimeState::merge));
  }

  private static <T> Optional<T> both(Optional<T> a, Optional<T> b, BinaryOperator<T> merge) {
    if (a.isPresent() != b.isPresent()) {
      throw new IllegalArgumentException("states of the same field differ in shape");
    }
    return a.map(x -> merge.apply(x, b.get()));
  }
}
