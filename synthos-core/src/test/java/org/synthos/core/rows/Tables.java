package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/** Builds batches from rows of boxed cells (tests only; null means a null cell). */
public final class Tables {
  public static final Schema MIXED =
      Schema.of(
          new Field("i", ColumnType.INTEGER),
          new Field("f", ColumnType.FLOAT),
          new Field("s", ColumnType.CATEGORICAL),
          new Field("b", ColumnType.BOOLEAN));

  private Tables() {}

  /** One batch of {@code rows} starting at global row {@code firstRow}. */
  public static ColumnBatch batch(Schema schema, List<Object[]> rows, long firstRow) {
    int n = rows.size();
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      boolean[] nulls = new boolean[n];
      for (int r = 0; r < n; r++) {
        nulls[r] = rows.get(r)[c] == null;
      }
      Mask nm = Mask.of(nulls);
      Mask none = Mask.none(n);
      switch (schema.field(c).type().physical()) {
        case LONG -> {
          long[] v = new long[n];
          for (int r = 0; r < n; r++) {
            v[r] = nulls[r] ? 0 : ((Number) rows.get(r)[c]).longValue();
          }
          columns.add(new Column.Longs(v, n, nm, none));
        }
        case DOUBLE -> {
          double[] v = new double[n];
          for (int r = 0; r < n; r++) {
            v[r] = nulls[r] ? 0 : ((Number) rows.get(r)[c]).doubleValue();
          }
          columns.add(new Column.Doubles(v, n, nm, none));
        }
        case BOOLEAN -> {
          boolean[] v = new boolean[n];
          for (int r = 0; r < n; r++) {
            v[r] = !nulls[r] && (Boolean) rows.get(r)[c];
          }
          columns.add(new Column.Booleans(v, n, nm, none));
        }
        case STRING -> {
          String[] v = new String[n];
          for (int r = 0; r < n; r++) {
            v[r] = nulls[r] ? null : (String) rows.get(r)[c];
          }
          columns.add(new Column.Strings(v, n, nm, none));
        }
      }
    }
    return new ColumnBatch(schema, columns, firstRow, n);
  }

  /** Feeds {@code rows[from, to)} to the accumulator in batches of {@code batchSize}. */
  public static <S> S fold(
      RowAccumulator<S> acc, Schema schema, List<Object[]> rows, int from, int to, int batchSize) {
    for (int start = from; start < to; start += batchSize) {
      int end = Math.min(to, start + batchSize);
      acc.update(batch(schema, rows.subList(start, end), start));
    }
    return acc.snapshot();
  }
}
