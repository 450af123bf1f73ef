package org.synthos.core.assess.inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/** Mutable copy of a dataset's cells, which the defects edit in place. */
final class Cells {
  final Schema schema;
  long[][] longs;
  double[][] doubles;
  boolean[][] booleans;
  String[][] strings;
  boolean[][] nulls;
  int size;

  Cells(Schema schema, int capacity) {
    this.schema = schema;
    int f = schema.size();
    longs = new long[f][];
    doubles = new double[f][];
    booleans = new boolean[f][];
    strings = new String[f][];
    nulls = new boolean[f][];
    for (int c = 0; c < f; c++) {
      switch (schema.field(c).type().physical()) {
        case LONG -> longs[c] = new long[capacity];
        case DOUBLE -> doubles[c] = new double[capacity];
        case BOOLEAN -> booleans[c] = new boolean[capacity];
        case STRING -> strings[c] = new String[capacity];
      }
      nulls[c] = new boolean[capacity];
    }
  }

  int width() {
    return schema.size();
  }

  ColumnType type(int c) {
    return schema.field(c).type();
  }

  boolean isNumeric(int c) {
    return longs[c] != null || doubles[c] != null;
  }

  boolean isCategorical(int c) {
    return type(c) == ColumnType.CATEGORICAL;
  }

  void append(ColumnBatch batch) {
    int m = batch.rowCount();
    int f = width();
    for (int c = 0; c < f; c++) {
      Column col = batch.column(c);
      nulls[c] = Arrays.copyOf(nulls[c], size + m);
      for (int r = 0; r < m; r++) {
        nulls[c][size + r] = col.isNull(r);
      }
      if (col instanceof Column.Longs l) {
        longs[c] = Arrays.copyOf(longs[c], size + m);
        System.arraycopy(l.values(), 0, longs[c], size, m);
      } else if (col instanceof Column.Doubles d) {
        doubles[c] = Arrays.copyOf(doubles[c], size + m);
        System.arraycopy(d.values(), 0, doubles[c], size, m);
      } else if (col instanceof Column.Booleans b) {
        booleans[c] = Arrays.copyOf(booleans[c], size + m);
        System.arraycopy(b.values(), 0, booleans[c], size, m);
      } else {
        strings[c] = Arrays.copyOf(strings[c], size + m);
        System.arraycopy(((Column.Strings) col).values(), 0, strings[c], size, m);
      }
    }
    size += m;
  }

  double numeric(int c, int i) {
    return longs[c] != null ? longs[c][i] : doubles[c][i];
  }

  void setNumeric(int c, int i, double x) {
    if (longs[c] != null) {
      longs[c][i] = Math.round(x);
    } else {
      doubles[c][i] = x;
    }
  }

  double[] presentValues(int c) {
    double[] out = new double[size];
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (!nulls[c][i] && !Double.isNaN(numeric(c, i))) {
        out[k++] = numeric(c, i);
      }
    }
    return Arrays.copyOf(out, k);
  }

  double sd(int c) {
    double[] v = presentValues(c);
    if (v.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(v).average().orElse(0);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  void mapNumeric(int c, DoubleUnaryOperator f, TreeSet<Long> affected) {
    for (int i = 0; i < size; i++) {
      if (nulls[c][i]) {
        continue;
      }
      double before = numeric(c, i);
      setNumeric(c, i, f.applyAsDouble(before));
      if (numeric(c, i) != before) {
        affected.add(i + 1L);
      }
    }
  }

  Map<String, Integer> counts(int c) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < size; i++) {
      if (!nulls[c][i]) {
        m.merge(strings[c][i], 1, Integer::sum);
      }
    }
    return m;
  }

  String mode(int c) {
    Map<String, Integer> m = counts(c);
    String best = null;
    int bestCount = -1;
    for (String k : new TreeSet<>(m.keySet())) {
      if (m.get(k) > bestCount) {
        best = k;
        bestCount = m.get(k);
      }
    }
    return best;
  }

  void copyRow(Cells from, int s, int t) {
    for (int c = 0; c < width(); c++) {
      nulls[c][t] = from.nulls[c][s];
      if (longs[c] != null) {
        longs[c][t] = from.longs[c][s];
      } else if (doubles[c] != null) {
        doubles[c][t] = from.doubles[c][s];
      } else if (booleans[c] != null) {
        booleans[c][t] = from.booleans[c][s];
      } else {
        strings[c][t] = from.strings[c][s];
      }
    }
  }

  /** Row {@code t}'s cell of column {@code c} receives row {@code s}'s. */
  void copyCell(int c, int s, int t) {
    nulls[c][t] = nulls[c][s];
    if (longs[c] != null) {
      longs[c][t] = longs[c][s];
    } else if (doubles[c] != null) {
      doubles[c][t] = doubles[c][s];
    } else if (booleans[c] != null) {
      booleans[c][t] = booleans[c][s];
    } else {
      strings[c][t] = strings[c][s];
    }
  }

  /** Whether rows a and b hold the same cell in column c (both null, or equal values). */
  boolean sameCell(int c, int a, int b) {
    if (nulls[c][a] || nulls[c][b]) {
      return nulls[c][a] == nulls[c][b];
    }
    if (longs[c] != null) {
      return longs[c][a] == longs[c][b];
    } else if (doubles[c] != null) {
      return Double.compare(doubles[c][a], doubles[c][b]) == 0;
    } else if (booleans[c] != null) {
      return booleans[c][a] == booleans[c][b];
    }
    return java.util.Objects.equals(strings[c][a], strings[c][b]);
  }

  /** Row {@code rows[k]} receives the old value of row {@code perm[k]}. */
  void permute(int c, int[] rows, int[] perm) {
    boolean[] oldNulls = nulls[c].clone();
    long[] oldLongs = longs[c] == null ? null : longs[c].clone();
    double[] oldDoubles = doubles[c] == null ? null : doubles[c].clone();
    boolean[] oldBooleans = booleans[c] == null ? null : booleans[c].clone();
    String[] oldStrings = strings[c] == null ? null : strings[c].clone();
    for (int k = 0; k < rows.length; k++) {
      int t = rows[k];
      int s = perm[k];
      nulls[c][t] = oldNulls[s];
      if (oldLongs != null) {
        longs[c][t] = oldLongs[s];
      } else if (oldDoubles != null) {
        doubles[c][t] = oldDoubles[s];
      } else if (oldBooleans != null) {
        booleans[c][t] = oldBooleans[s];
      } else {
        strings[c][t] = oldStrings[s];
      }
    }
  }

  ColumnBatch toBatch() {
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < width(); c++) {
      Mask nm = Mask.of(Arrays.copyOf(nulls[c], size));
      Mask none = Mask.none(size);
      if (longs[c] != null) {
        cols.add(new Column.Longs(Arrays.copyOf(longs[c], size), size, nm, none));
      } else if (doubles[c] != null) {
        cols.add(new Column.Doubles(Arrays.copyOf(doubles[c], size), size, nm, none));
      } else if (booleans[c] != null) {
        cols.add(new Column.Booleans(Arrays.copyOf(booleans[c], size), size, nm, none));
      } else {
        cols.add(new Column.Strings(Arrays.copyOf(strings[c], size), size, nm, none));
      }
    }
    return new ColumnBatch(schema, cols, 0, size);
  }
}
