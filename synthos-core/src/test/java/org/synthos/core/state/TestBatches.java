package org.synthos.core.state;

import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/**
 * Builds columns and batches for tests; {@code null} (or NaN for nullDoubles) marks a null cell.
 */
public final class TestBatches {
  private TestBatches() {}

  public static Column.Doubles doubles(double... values) {
    return new Column.Doubles(
        values.clone(), values.length, Mask.none(values.length), Mask.none(values.length));
  }

  public static Column.Doubles doubles(Double[] values) {
    double[] v = new double[values.length];
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < v.length; i++) {
      nulls[i] = values[i] == null;
      v[i] = nulls[i] ? 0 : values[i];
    }
    return new Column.Doubles(v, v.length, Mask.of(nulls), Mask.none(v.length));
  }

  public static Column.Longs longs(Long[] values) {
    long[] v = new long[values.length];
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < v.length; i++) {
      nulls[i] = values[i] == null;
      v[i] = nulls[i] ? 0 : values[i];
    }
    return new Column.Longs(v, v.length, Mask.of(nulls), Mask.none(v.length));
  }

  public static Column.Longs longs(long... values) {
    return new Column.Longs(
        values.clone(), values.length, Mask.none(values.length), Mask.none(values.length));
  }

  public static Column.Strings strings(String... values) {
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null;
    }
    return new Column.Strings(
        values.clone(), values.length, Mask.of(nulls), Mask.none(values.length));
  }

  /** Strings where {@code invalid[i]} marks cells that failed to parse (null and invalid). */
  public static Column.Strings stringsWithInvalid(String[] values, boolean[] invalid) {
    boolean[] nulls = new boolean[values.length];
    String[] v = values.clone();
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null || invalid[i];
      if (invalid[i]) {
        v[i] = null;
      }
    }
    return new Column.Strings(v, v.length, Mask.of(nulls), Mask.of(invalid));
  }

  public static Column.Booleans booleans(Boolean... values) {
    boolean[] v = new boolean[values.length];
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < v.length; i++) {
      nulls[i] = values[i] == null;
      v[i] = !nulls[i] && values[i];
    }
    return new Column.Booleans(v, v.length, Mask.of(nulls), Mask.none(v.length));
  }

  public static ColumnBatch batch(Schema schema, long firstRow, Column... columns) {
    return new ColumnBatch(
        schema, List.of(columns), firstRow, columns.length == 0 ? 0 : columns[0].size());
  }
}
