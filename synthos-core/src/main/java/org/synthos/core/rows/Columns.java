package org.synthos.core.rows;

import java.util.Arrays;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;

/** Content equality and gathering of {@link Column}s, whose records compare arrays by reference. */
final class Columns {
  private Columns() {}

  static boolean equal(Column a, Column b) {
    if (a.getClass() != b.getClass()
        || a.size() != b.size()
        || !a.nulls().equals(b.nulls())
        || !a.invalid().equals(b.invalid())) {
      return false;
    }
    int n = a.size();
    if (a instanceof Column.Longs x) {
      return Arrays.equals(x.values(), 0, n, ((Column.Longs) b).values(), 0, n);
    } else if (a instanceof Column.Doubles x) {
      return Arrays.equals(x.values(), 0, n, ((Column.Doubles) b).values(), 0, n);
    } else if (a instanceof Column.Booleans x) {
      return Arrays.equals(x.values(), 0, n, ((Column.Booleans) b).values(), 0, n);
    }
    return Arrays.equals(((Column.Strings) a).values(), 0, n, ((Column.Strings) b).values(), 0, n);
  }

  static boolean equal(List<Column> a, List<Column> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static int hash(List<Column> columns) {
    int h = 1;
    for (Column c : columns) {
      h = 31 * h + c.size();
      h = 31 * h + c.nulls().hashCode();
    }
    return h;
  }

  /** An empty column of the given physical type. */
  static Column empty(ColumnType.Physical physical) {
    return gather(physical, new Column[0], new int[0], new int[0]);
  }

  /**
   * Builds a column whose cell {@code k} is cell {@code rows[k]} of {@code sources[from[k]]}.
   * Values at null positions are kept as they are, so gathering round-trips exactly.
   */
  static Column gather(ColumnType.Physical physical, Column[] sources, int[] from, int[] rows) {
    int n = rows.length;
    Mask.Builder nulls = Mask.builder(n);
    Mask.Builder invalid = Mask.builder(n);
    for (int k = 0; k < n; k++) {
      Column s = sources[from[k]];
      if (s.nulls().get(rows[k])) {
        nulls.set(k);
      }
      if (s.invalid().get(rows[k])) {
        invalid.set(k);
      }
    }
    Mask nm = nulls.build(n);
    Mask im = invalid.build(n);
    switch (physical) {
      case LONG -> {
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
          v[k] = ((Column.Longs) sources[from[k]]).values()[rows[k]];
        }
        return new Column.Longs(v, n, nm, im);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
          v[k] = ((Column.Doubles) sources[from[k]]).values()[rows[k]];
        }
        return new Column.Doubles(v, n, nm, im);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[n];
        for (int k = 0; k < n; k++) {
          v[k] = ((Column.Booleans) sources[from[k]]).values()[rows[k]];
        }
        return new Column.Booleans(v, n, nm, im);
      }
      default -> {
        String[] v = new String[n];
        for (int k = 0; k < n; k++) {
          v[k] = ((Column.Strings) sources[from[k]]).values()[rows[k]];
        }
        return new Column.Strings(v, n, nm, im);
      }
    }
  }
}
