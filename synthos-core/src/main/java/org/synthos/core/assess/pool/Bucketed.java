package org.synthos.core.assess.pool;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * One compared column of both files as per-bucket histograms over one set of cells: the candidate's
 * buckets {@code 0..count-1}, then the reference's {@code count..2*count-1}. A split of the buckets
 * between the sides (the observed one, or a re-split for a null band) is summed into two histograms
 * from which the marginal measures are computed; no row is read again.
 *
 * <p>Cells: the categories in sorted order, or for numbers ascending values where cell {@code i}
 * counts the values in {@code (grid[i-1], grid[i]]}. The grid is every distinct kept value while
 * there are at most {@value #EXACT_CELLS} of them, and then, when every bucket sample also holds
 * all its values ({@link #exact}), each histogram is the exact empirical distribution. Otherwise
 * the grid is {@value #QUANTILE_CELLS} weighted pooled quantiles of the buckets' distinct kept
 * values, and a value is counted in the cell of the first grid point at or above it, so a statistic
 * is computed on the values rounded up to the grid (a CDF error of at most one cell's mass, about 1
 * / {@value #QUANTILE_CELLS} where values seldom repeat within a bucket). A sampled bucket's kept
 * values each weigh its values per value kept ({@link BucketSample#scale}), so its histogram
 * estimates the bucket's without bias; the samples, and so the cells and weights, depend on the set
 * of rows alone.
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

  public final double[][] weight;
  public final long[] rows;
  public final long[] nulls;

  /** Whether every histogram is exact (categories always; numbers see the class comment). */
  public final boolean exact;

  /** Whether some bucket's histogram is estimated from a sample of its values. */
  public final boolean sampled;

  /** Whether the numeric cells are pooled quantiles, not every distinct value. */
  public final boolean quantiles;

  /** Whether the buckets hold every row of both files, not a sample. */
  public final boolean allRows;

  private Bucketed(
      String name,
      boolean numeric,
      double[] grid,
      int cells,
      int count,
      int[][] cell,
      double[][] weight,
      long[] rows,
      long[] nulls,
      boolean sampled,
      boolean quantiles,
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
    this.exact = !sampled && !quantiles;
    this.sampled = sampled;
    this.quantiles = quantiles;
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
    double[][] weight = new double[2 * k][];
    if (!v.numeric) {
      TreeSet<String> all = new TreeSet<>(c.counts().keySet());
      all.addAll(r.counts().keySet());
      String[] dictionary = all.toArray(new String[0]);
      fill(c.counts(), dictionary, cell, weight, 0, k);
      fill(r.counts(), dictionary, cell, weight, k, k);
      return new Bucketed(
          v.name, false, null, dictionary.length, k, cell, weight, rows, nulls, false, false, true);
    }
    BucketSample[] samples = new BucketSample[2 * k];
    System.arraycopy(c.samples(), 0, samples, 0, k);
    System.arraycopy(r.samples(), 0, samples, k, k);
    boolean sampled = false;
    int total = 0;
    // Each bucket's kept values sorted once: the grid and the histograms walk them in order.
    double[][] sorted = new double[2 * k][];
    for (int j = 0; j < 2 * k; j++) {
      sampled |= !samples[j].exact();
      total += samples[j].size();
      sorted[j] = samples[j].values();
      IndexSort.sortValues(sorted[j]);
    }
    double[] values = new double[total];
    int at = 0;
    for (double[] x : sorted) {
      System.arraycopy(x, 0, values, at, x.length);
      at += x.length;
    }
    IndexSort.sortValues(values);
    double[] grid = distinct(values);
    boolean quantiles = grid.length > EXACT_CELLS;
    if (quantiles) {
      grid = quantileGrid(grid, samples, sorted);
    }
    for (int j = 0; j < 2 * k; j++) {
      histogram(sorted[j], samples[j].scale(), grid, cell, weight, j);
    }
    return new Bucketed(
        v.name, true, grid, grid.length, k, cell, weight, rows, nulls, sampled, quantiles, true);
  }

  /**
   * Bucket {@code j}'s kept values ({@code x}, ascending) as (cell, weight) pairs in cell order: a
   * value's cell is the first grid point at or above it (found by walking the grid beside the
   * values), and a cell's weight is its kept values times the sample's scale (1 while the sample
   * holds every value).
   */
  private static void histogram(
      double[] x, double scale, double[] grid, int[][] cell, double[][] weight, int j) {
    int[] cells = new int[x.length];
    int m = 0;
    for (int i = 0, p = 0; i < x.length; i++) {
      p = ceilingFrom(grid, x[i], p);
      cells[i] = p;
      m += i == 0 || cells[i] != cells[i - 1] ? 1 : 0;
    }
    cell[j] = new int[m];
    weight[j] = new double[m];
    for (int i = 0, g = -1; i < cells.length; i++) {
      if (i == 0 || cells[i] != cells[i - 1]) {
        cell[j][++g] = cells[i];
      }
      weight[j][g]++;
    }
    for (int g = 0; g < m; g++) {
      weight[j][g] *= scale;
    }
  }

  /**
   * The first grid index at or above {@code x} for values met in ascending order: the walk from
   * {@code from}, the previous value's cell, to the first grid point not below {@code x} in {@link
   * Double#compare}'s order (the order of {@link Arrays#sort}), the last when none.
   */
  static int ceilingFrom(double[] grid, double x, int from) {
    int last = grid.length - 1;
    if (from >= last || Double.compare(grid[from], x) >= 0) {
      return Math.min(from, last);
    }
    // Gallop: grid[lo] < x; steps double until grid[hi] >= x or the end, then bisect (lo, hi].
    // A bucket's values skip most of a long pooled grid, so a step-by-step walk costs the grid's
    // length per bucket.
    int lo = from;
    int step = 1;
    int hi = from + 1;
    while (hi < last && Double.compare(grid[hi], x) < 0) {
      lo = hi;
      step <<= 1;
      hi = (int) Math.min(last, (long) lo + step);
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(grid[mid], x) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static void fill(
      SortedMap<String, long[]> counts,
      String[] dictionary,
      int[][] cell,
      double[][] weight,
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
      weight[offset + b] = new double[size[b]];
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
    double[][] weight = new double[2 * count][];
    for (int j = 0; j < 2 * count; j++) {
      cell[j] = new int[size[j]];
      weight[j] = new double[size[j]];
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
        v.name, v.numeric, grid, cells, count, cell, weight, rows, nulls, false, false, allRows);
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
   * The weighted quantiles at ranks i / {@value #QUANTILE_CELLS} of the buckets' distinct kept
   * values, each weighing its sample's scale: the smallest of the ascending distinct values {@code
   * distinct} whose cumulative weight reaches the rank's share of the total, distinct, ending at
   * the largest value. A value repeated within a bucket counts once there (as the grid was first
   * defined, so that reports below the samples' size are unchanged); the cells stay a partition of
   * the values whatever their weights, and each statistic is computed on the full weights.
   */
  private static double[] quantileGrid(
      double[] distinct, BucketSample[] samples, double[][] sorted) {
    double[] w = new double[distinct.length];
    for (int j = 0; j < samples.length; j++) {
      double scale = samples[j].scale();
      double[] x = sorted[j];
      for (int i = 0, p = 0; i < x.length; i++) {
        if (i == 0 || x[i] != x[i - 1]) {
          // x[i] is among the distinct values: the walk stops on it.
          p = ceilingFrom(distinct, x[i], p);
          w[p] += scale;
        }
      }
    }
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double[] grid = new double[QUANTILE_CELLS + 1];
    int m = 0;
    int p = 0;
    double cum = w[0];
    for (int i = 0; i < QUANTILE_CELLS; i++) {
      double rank = (i + 1.0) / QUANTILE_CELLS * total;
      while (p < distinct.length - 1 && cum < rank) {
        cum += w[++p];
      }
      if (m == 0 || grid[m - 1] < distinct[p]) {
        grid[m++] = distinct[p];
      }
    }
    if (grid[m - 1] < distinct[distinct.length - 1]) {
      grid[m++] = distinct[distinct.length - 1];
    }
    return Arrays.copyOf(grid, m);
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
