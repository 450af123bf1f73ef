package org.synthos.core.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/**
 * The mutable, single-threaded fold of batches into {@link PairStates}.
 *
 * <p>Numeric columns (integer, float, datetime) are paired for co-moments; categorical and boolean
 * columns for contingency tables; each numeric with each categorical for the correlation ratio.
 * Only the first {@code maxNumericColumns} numeric and {@code maxCategoricalColumns} categorical
 * columns take part, which bounds the work per row at O(p^2). Each categorical column is
 * dictionary-encoded once per batch (missing is code 0), so the per-pair loops touch only primitive
 * arrays; a column with more than {@link StateConfig#pairCategoryCap()} categories stops being
 * encoded and its pairs overflow.
 */
public final class PairAccumulator {
  private static final int NULL_CODE = 0;
  private static final int OVERFLOW_CODE = -1;

  private final int cap;
  private final int[] numeric;
  private final int[] categorical;
  private final List<HashMap<String, Integer>> dictionaries = new ArrayList<>();
  private final List<List<String>> labels = new ArrayList<>();
  private final boolean[] overflowed;
  private final CoMomentsState[] coMoments;
  private final long[][][] tables;
  private final long[] rowsByTable;
  private final double[][][] groups; // [pair][stat: n, mean, m2][code]

  private PairAccumulator(Schema schema, StateConfig config, int maxNumeric, int maxCategorical) {
    this.cap = config.pairCategoryCap();
    List<Integer> num = new ArrayList<>();
    List<Integer> cat = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      ColumnType t = schema.field(i).type();
      if (t.isNumeric() && num.size() < maxNumeric) {
        num.add(i);
      } else if ((t == ColumnType.CATEGORICAL || t == ColumnType.BOOLEAN)
          && cat.size() < maxCategorical) {
        cat.add(i);
      }
    }
    this.numeric = num.stream().mapToInt(Integer::intValue).toArray();
    this.categorical = cat.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < categorical.length; i++) {
      dictionaries.add(new HashMap<>());
      List<String> l = new ArrayList<>();
      l.add(null);
      labels.add(l);
    }
    this.overflowed = new boolean[categorical.length];
    int p = numeric.length;
    this.coMoments = new CoMomentsState[p * (p - 1) / 2];
    Arrays.fill(coMoments, CoMomentsState.EMPTY);
    int q = categorical.length;
    this.tables = new long[q * (q - 1) / 2][][];
    this.rowsByTable = new long[tables.length];
    for (int i = 0; i < tables.length; i++) {
      tables[i] = new long[1][1];
    }
    this.groups = new double[p * q][3][1];
  }

  /**
   * An accumulator over {@code schema}; at most {@code maxNumericColumns} numeric and {@code
   * maxCategoricalColumns} categorical columns are paired, the first ones in schema order.
   */
  public static PairAccumulator of(
      Schema schema, StateConfig config, int maxNumericColumns, int maxCategoricalColumns) {
    return new PairAccumulator(schema, config, maxNumericColumns, maxCategoricalColumns);
  }

  public void update(ColumnBatch batch) {
    int n = batch.rowCount();
    double[][] x = new double[numeric.length][];
    for (int i = 0; i < numeric.length; i++) {
      x[i] = finiteOrNaN(batch.column(numeric[i]), n);
    }
    int[][] codes = new int[categorical.length][];
    for (int j = 0; j < categorical.length; j++) {
      codes[j] = encode(j, batch.column(categorical[j]), n);
    }
    int pair = 0;
    for (int a = 0; a < numeric.length; a++) {
      for (int b = a + 1; b < numeric.length; b++) {
        coMoments[pair] = coMoments[pair].merge(batchCoMoments(x[a], x[b], n));
        pair++;
      }
    }
    pair = 0;
    for (int a = 0; a < categorical.length; a++) {
      for (int b = a + 1; b < categorical.length; b++) {
        rowsByTable[pair] += n;
        if (!overflowed[a] && !overflowed[b]) {
          tables[pair] = count(tables[pair], codes[a], codes[b], n);
        }
        pair++;
      }
    }
    for (int a = 0; a < numeric.length; a++) {
      for (int b = 0; b < categorical.length; b++) {
        if (!overflowed[b]) {
          groups[a * categorical.length + b] =
              group(groups[a * categorical.length + b], x[a], codes[b], n);
        }
      }
    }
  }

  private static double[] finiteOrNaN(Column column, int n) {
    double[] out = new double[n];
    Mask nulls = column.nulls();
    if (column instanceof Column.Doubles d) {
      System.arraycopy(d.values(), 0, out, 0, n);
    } else if (column instanceof Column.Longs l) {
      long[] v = l.values();
      for (int i = 0; i < n; i++) {
        out[i] = v[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(out[i]) || nulls.get(i)) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  private int[] encode(int j, Column column, int n) {
    int[] out = new int[n];
    if (overflowed[j]) {
      Arrays.fill(out, OVERFLOW_CODE);
      return out;
    }
    HashMap<String, Integer> dict = dictionaries.get(j);
    Mask nulls = column.nulls();
    for (int i = 0; i < n; i++) {
      String v;
      if (nulls.get(i)) {
        v = null;
      } else if (column instanceof Column.Strings s) {
        v = s.values()[i];
      } else {
        v = ((Column.Booleans) column).values()[i] ? "true" : "false";
      }
      if (v == null) {
        out[i] = NULL_CODE;
        continue;
      }
      Integer code = dict.get(v);
      if (code == null) {
        if (dict.size() >= cap) {
          overflowed[j] = true;
          dict.clear();
          labels.get(j).clear();
          Arrays.fill(out, OVERFLOW_CODE);
          return out;
        }
        code = labels.get(j).size();
        dict.put(v, code);
        labels.get(j).add(v);
      }
      out[i] = code;
    }
    return out;
  }

  /** Exact two-pass co-moments of one batch over rows where both are finite. */
  static CoMomentsState batchCoMoments(double[] x, double[] y, int n) {
    long count = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        count++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (count == 0) {
      return CoMomentsState.EMPTY;
    }
    double mx = sx / count;
    double my = sy / count;
    double m2x = 0;
    double m2y = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        double dx = x[i] - mx;
        double dy = y[i] - my;
        m2x += dx * dx;
        m2y += dy * dy;
        c += dx * dy;
      }
    }
    return new CoMomentsState(count, mx, my, m2x, m2y, c);
  }

  private static long[][] count(long[][] table, int[] a, int[] b, int n) {
    long[][] t = table;
    for (int i = 0; i < n; i++) {
      int r = a[i];
      int c = b[i];
      if (r >= t.length) {
        t = Arrays.copyOf(t, Math.max(r + 1, t.length * 2));
      }
      if (t[r] == null) {
        t[r] = new long[Math.max(c + 1, 4)];
      } else if (c >= t[r].length) {
        t[r] = Arrays.copyOf(t[r], Math.max(c + 1, t[r].length * 2));
      }
      t[r][c]++;
    }
    return t;
  }

  /** Per-category Welford update of the numeric values; missing categories and NaNs skipped. */
  private static double[][] group(double[][] g, double[] x, int[] codes, int n) {
    double[][] s = g;
    for (int i = 0; i < n; i++) {
      int c = codes[i];
      double v = x[i];
      if (c <= NULL_CODE || Double.isNaN(v)) {
        continue;
      }
      if (c >= s[0].length) {
        int len = Math.max(c + 1, s[0].length * 2);
        s =
            new double[][] {
              Arrays.copyOf(s[0], len), Arrays.copyOf(s[1], len), Arrays.copyOf(s[2], len)
            };
      }
      double cnt = ++s[0][c];
      double d = v - s[1][c];
      s[1][c] += d / cnt;
      s[2][c] += d * (v - s[1][c]);
    }
    return s;
  }

  /** The immutable states of everything added so far. */
  public PairStates snapshot() {
    TreeMap<ColumnPair, CoMomentsState> co = new TreeMap<>();
    int pair = 0;
    for (int a = 0; a < numeric.length; a++) {
      for (int b = a + 1; b < numeric.length; b++) {
        co.put(new ColumnPair(numeric[a], numeric[b]), coMoments[pair++]);
      }
    }
    TreeMap<ColumnPair, ContingencyState> ct = new TreeMap<>();
    pair = 0;
    for (int a = 0; a < categorical.length; a++) {
      for (int b = a + 1; b < categorical.length; b++) {
        ColumnPair key = new ColumnPair(categorical[a], categorical[b]);
        if (overflowed[a] || overflowed[b]) {
          ct.put(key, ContingencyState.overflow(rowsByTable[pair], cap));
        } else {
          TreeMap<ContingencyState.Cell, Long> cells = new TreeMap<>(ContingencyState.CELL_ORDER);
          long[][] t = tables[pair];
          for (int r = 0; r < t.length; r++) {
            if (t[r] == null) {
              continue;
            }
            for (int c = 0; c < t[r].length; c++) {
              if (t[r][c] > 0) {
                cells.put(
                    new ContingencyState.Cell(labels.get(a).get(r), labels.get(b).get(c)), t[r][c]);
              }
            }
          }
          ct.put(key, ContingencyState.of(cells, cap));
        }
        pair++;
      }
    }
    TreeMap<ColumnPair, CorrelationRatioState> eta = new TreeMap<>();
    for (int a = 0; a < numeric.length; a++) {
      for (int b = 0; b < categorical.length; b++) {
        ColumnPair key = new ColumnPair(numeric[a], categorical[b]);
        if (overflowed[b]) {
          eta.put(key, CorrelationRatioState.overflow(cap));
          continue;
        }
        double[][] s = groups[a * categorical.length + b];
        TreeMap<String, GroupMoments> byCategory = new TreeMap<>();
        // every category seen in the column is a group, even one never seen with a number (count
        // 0), so the category cap means the same in one pass and in merges
        for (int c = 1; c < labels.get(b).size(); c++) {
          GroupMoments g =
              c < s[0].length
                  ? new GroupMoments((long) s[0][c], s[1][c], s[2][c])
                  : GroupMoments.EMPTY;
          byCategory.put(labels.get(b).get(c), g);
        }
        eta.put(key, CorrelationRatioState.of(byCategory, cap));
      }
    }
    return new PairStates(co, ct, eta);
  }
}
