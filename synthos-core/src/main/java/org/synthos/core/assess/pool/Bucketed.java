package org.synthos.core.assess.pool;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import org.synthos.core.state.QuantileState;

/**
 * One compared column of both files as per-bucket histograms over one set of cells: the candidate's
 * buckets {@code 0..count-1}, then the reference's {@code count..2*count-1}. A split of the buckets
 * between the sides (the observed one, or a re-split for a null band) is summed into two histograms
 * from which the marginal measures are computed; no row is read again.
 *
 * <p>Cells: the categories in sorted order, or for numbers ascending values where cell {@code i}
 * counts the values in {@code (grid[i-1], grid[i]]}. The grid is every distinct value while there
 * are at most {@value #EXACT_CELLS} of them, and then, when every bucket sketch also still holds
 * all its values ({@link #exact}), each histogram is the exact empirical distribution. Otherwise
 * the grid is {@value #QUANTILE_CELLS} pooled quantiles (exact while every sketch holds all its
 * values, so that the grid depends on the values alone, not on how the sketches were merged) and a
 * value is counted in the cell of the first grid point at or above it, so a statistic is computed
 * on the values rounded up to the grid (a CDF error of at most one cell's mass, about 1 / {@value
 * #QUANTILE_CELLS}, plus the sketches' rank error).
 */
public final class Bucketed {
  static final int EXACT_CELLS = 1 << 15;
  static final int QUANTILE_CELLS = 1 << 13;

  public final String name;
  public final boolean numeric;

  /** Numeric cells' upper values ascending; null for categories. */
  public final double[] grid;

  public final int cells;

  /** Buckets per side. */
  public final int count;

  /** Present values per bucket as (cell, weight) pairs. */
  public final int[][] cell;

  public final long[][] weight;
  public final long[] rows;
  public final long[] nulls;

  /** Whether every histogram is exact (categories always; numbers see the class comment). */
  public final boolean exact;

  /** Whether the buckets hold every row of both files, not a sample. */
  public final boolean allRows;

  private Bucketed(
      String name,
      boolean numeric,
      double[] grid,
      int cells,
      int count,
      int[][] cell,
      long[][] weight,
      long[] rows,
      long[] nulls,
      boolean exact,
      boolean allRows) {
    this.name = name;
    this.numeric = numeric;
    this.grid = grid;
    this.cells = cells;
    this.count = count;
    this.cell = cell;
    this.weight = weight;
    this.rows = rows;
    this.nulls = nulls;
    this.exact = exact;
    this.allRows = allRows;
  }

  /** Rows of the candidate's buckets. */
  public long candidateRows() {
    long s = 0;
    for (int b = 0; b < count; b++) {
      s += rows[b];
    }
    return s;
  }

  /** Rows of the reference's buckets. */
  public long referenceRows() {
    long s = 0;
    for (int b = count; b < 2 * count; b++) {
      s += rows[b];
    }
    return s;
  }

  /**
   * Buckets per side for files of {@code nC} and {@code nR} rows: {@value Buckets#COUNT} while a
   * candidate-sized union of pooled buckets holds at least 8 of them and leaves 8, else the power
   * of two that does (at most 2^16), so the re-splits keep the sides' sizes.
   */
  public static int countFor(long nC, long nR) {
    long n = nC + nR;
    long small = Math.max(1, Math.min(nC, nR));
    int k = Buckets.COUNT;
    while (k < (1 << 16) && (double) k * small / n < 8) {
      k *= 2;
    }
    return k;
  }

  /**
   * From the states of every row of both files, or null when the column's states cannot serve (not
   * kept, overflowed, or numeric on one side only).
   */
  public static Bucketed of(Pool.Var v, Buckets cand, Buckets ref) {
    Buckets.Col c = cand.column(v.name);
    Buckets.Col r = ref.column(v.name);
    if (c == null || r == null || c.overflowed() || r.overflowed()) {
      return null;
    }
    if (c.numeric() != v.numeric || r.numeric() != v.numeric) {
      return null;
    }
    int k = Buckets.COUNT;
    long[] rows = concat(cand.rows(), ref.rows());
    long[] nulls = concat(c.nulls(), r.nulls());
    int[][] cell = new int[2 * k][];
    long[][] weight = new long[2 * k][];
    if (!v.numeric) {
      TreeSet<String> all = new TreeSet<>(c.counts().keySet());
      all.addAll(r.counts().keySet());
      String[] dictionary = all.toArray(new String[0]);
      fill(c.counts(), dictionary, cell, weight, 0, k);
      fill(r.counts(), dictionary, cell, weight, k, k);
      return new Bucketed(
          v.name, false, null, dictionary.length, k, cell, weight, rows, nulls, true, true);
    }
    QuantileState[] sketches = new QuantileState[2 * k];
    System.arraycopy(c.quantiles(), 0, sketches, 0, k);
    System.arraycopy(r.quantiles(), 0, sketches, k, k);
    boolean exact = true;
    int total = 0;
    for (QuantileState q : sketches) {
      exact &= q.isExact();
      total += q.retainedValues().length;
    }
    double[] values = new double[total];
    int at = 0;
    for (QuantileState q : sketches) {
      double[] x = q.retainedValues();
      System.arraycopy(x, 0, values, at, x.length);
      at += x.length;
    }
    Arrays.sort(values);
    double[] grid = distinct(values);
    if (grid.length > EXACT_CELLS) {
      // Sketches holding every value give the exact pooled quantiles, which depend on the values
      // alone: merging the sketches would draw on their generators, whose states depend on how
      // the rows were partitioned and merged.
      grid = exact ? quantileGrid(values) : quantileGrid(sketches);
      exact = false;
    }
    for (int j = 0; j < 2 * k; j++) {
      double[] x = sketches[j].retainedValues();
      long[] cum = sketches[j].cumulativeWeights();
      cell[j] = new int[x.length];
      weight[j] = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        cell[j][i] = ceilingIndex(grid, x[i]);
        weight[j][i] = cum[i] - (i == 0 ? 0 : cum[i - 1]);
      }
    }
    return new Bucketed(v.name, true, grid, grid.length, k, cell, weight, rows, nulls, exact, true);
  }

  private static void fill(
      SortedMap<String, long[]> counts,
      String[] dictionary,
      int[][] cell,
      long[][] weight,
      int offset,
      int k) {
    int[] size = new int[k];
    for (long[] perBucket : counts.values()) {
      for (int b = 0; b < k; b++) {
        size[b] += perBucket[b] > 0 ? 1 : 0;
      }
    }
    for (int b = 0; b < k; b++) {
      cell[offset + b] = new int[size[b]];
      weight[offset + b] = new long[size[b]];
    }
    Arrays.fill(size, 0);
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      int code = Arrays.binarySearch(dictionary, e.getKey());
      for (int b = 0; b < k; b++) {
        long w = e.getValue()[b];
        if (w > 0) {
          cell[offset + b][size[b]] = code;
          weight[offset + b][size[b]++] = w;
        }
      }
    }
  }

  /**
   * From the held rows of the pool, bucketed by the same hash of each row's file index as the pass
   * ({@code seedC} and {@code seedR} the files' seeds), {@code count} buckets per side.
   *
   * @param allRows whether the pool holds every row of both files
   */
  public static Bucketed of(
      Pool.Var v, Pool pool, long seedC, long seedR, int count, boolean allRows) {
    int n = pool.n;
    int[] bucket = new int[n];
    long[] rows = new long[2 * count];
    long[] nulls = new long[2 * count];
    int[] size = new int[2 * count];
    for (int i = 0; i < n; i++) {
      long row = pool.rowNumbers[i] - 1;
      bucket[i] =
          i < pool.nC ? Buckets.of(row, seedC, count) : count + Buckets.of(row, seedR, count);
      rows[bucket[i]]++;
      boolean present = v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
      if (present) {
        size[bucket[i]]++;
      } else {
        nulls[bucket[i]]++;
      }
    }
    int[][] cell = new int[2 * count][];
    long[][] weight = new long[2 * count][];
    for (int j = 0; j < 2 * count; j++) {
      cell[j] = new int[size[j]];
      weight[j] = new long[size[j]];
      Arrays.fill(weight[j], 1);
    }
    Arrays.fill(size, 0);
    double[] grid = null;
    int cells;
    if (v.numeric) {
      double[] sv = v.sortedValues;
      grid = new double[sv.length];
      int m = 0;
      for (int k = 0; k < sv.length; k++) {
        double x = Buckets.clampInfinite(sv[k]);
        if (m == 0 || grid[m - 1] != x) {
          grid[m++] = x;
        }
        int b = bucket[v.sorted[k]];
        cell[b][size[b]++] = m - 1;
      }
      grid = Arrays.copyOf(grid, m);
      cells = m;
    } else {
      for (int i = 0; i < n; i++) {
        if (v.codes[i] >= 0) {
          int b = bucket[i];
          cell[b][size[b]++] = v.codes[i];
        }
      }
      cells = v.categories();
    }
    return new Bucketed(
        v.name, v.numeric, grid, cells, count, cell, weight, rows, nulls, true, allRows);
  }

  /** The distinct values of sorted {@code values}. */
  private static double[] distinct(double[] values) {
    double[] s = values.clone();
    int m = 0;
    for (int i = 0; i < s.length; i++) {
      if (m == 0 || s[m - 1] != s[i]) {
        s[m++] = s[i];
      }
    }
    return Arrays.copyOf(s, m);
  }

  /**
   * The quantiles at ranks i / {@value #QUANTILE_CELLS} of sorted {@code values} (the smallest
   * value whose rank is at least that), distinct, ending at the largest value.
   */
  private static double[] quantileGrid(double[] values) {
    int n = values.length;
    double[] grid = new double[QUANTILE_CELLS];
    int m = 0;
    for (int i = 0; i < QUANTILE_CELLS; i++) {
      long at = (long) Math.ceil((i + 1.0) / QUANTILE_CELLS * n) - 1;
      double x = values[(int) Math.max(0, Math.min(n - 1, at))];
      if (m == 0 || grid[m - 1] < x) {
        grid[m++] = x;
      }
    }
    return Arrays.copyOf(grid, m);
  }

  /**
   * The pooled quantiles at ranks i / {@value #QUANTILE_CELLS} of the merged sketches, distinct,
   * always ending at the largest value.
   */
  private static double[] quantileGrid(QuantileState[] sketches) {
    QuantileState merged = sketches[0];
    for (int j = 1; j < sketches.length; j++) {
      merged = merged.merge(sketches[j]);
    }
    double[] ranks = new double[QUANTILE_CELLS];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = (i + 1.0) / QUANTILE_CELLS;
    }
    double[] q = merged.quantiles(ranks);
    double[] grid = new double[q.length + 1];
    int m = 0;
    for (double x : q) {
      if (m == 0 || grid[m - 1] < x) {
        grid[m++] = x;
      }
    }
    double[] all = merged.retainedValues();
    double max = all[all.length - 1];
    if (grid[m - 1] < max) {
      grid[m++] = max;
    }
    return Arrays.copyOf(grid, m);
  }

  /** The first index whose grid value is at or above {@code x} ({@code x} at most the last). */
  private static int ceilingIndex(double[] grid, double x) {
    int i = Arrays.binarySearch(grid, x);
    return i >= 0 ? i : Math.min(grid.length - 1, -i - 1);
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
