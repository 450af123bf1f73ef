package org.synthos.io;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/** Builds a batch from plain values per column (null = null cell), for writer tests. */
final class Batches {
  private Batches() {}

  static ColumnBatch of(Schema schema, List<List<Object>> columns, long firstRow) {
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      out.add(column(schema.field(c).type(), columns.get(c)));
    }
    return new ColumnBatch(schema, out, firstRow, rows);
  }

  static Column column(ColumnType type, List<Object> values) {
    int n = values.size();
    boolean[] isNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      isNull[i] = values.get(i) == null;
    }
    Mask nulls = Mask.of(isNull);
    Mask none = Mask.none(n);
    switch (type.physical()) {
      case LONG -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = values.get(i) == null ? 0 : (Long) values.get(i);
        }
        return new Column.Longs(v, n, nulls, none);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = values.get(i) == null ? 0 : (Double) values.get(i);
        }
        return new Column.Doubles(v, n, nulls, none);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = values.get(i) != null && (Boolean) values.get(i);
        }
        return new Column.Booleans(v, n, nulls, none);
      }
      default -> {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
          v[i] = (String) values.get(i);
        }
        return new Column.Strings(v, n, nulls, none);
      }
    }
  }
}
