package org.synthos.core.metric;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.FrequencyState;

/**
 * Entropy, inequality and association of categorical data, and rank correlation of samples.
 *
 * <p>Rank-based and sample-based functions ({@link #spearman}, {@link #mutualInformation(int[],
 * int[])}) take whole arrays: they are meant for a seeded row sample, and on a sample they estimate
 * the population value with the usual sampling error (for Spearman about (1 - rho^2) / sqrt(n)).
 * The table-based functions use exact contingency tables from the profile.
 */
public final class Information {
  private Information() {}

  /**
   * Shannon entropy in bits, H = -sum_i p_i log2 p_i, of the counts' proportions; equals {@code
   * scipy.stats.entropy(counts, base=2)}.
   */
  public static MetricValue entropy(long[] counts) {
    long total = Arrays.stream(counts).sum();
    if (total <= 0) {
      return MetricValue.notApplicable("entropy needs at least one counted value");
    }
    return MetricValue.of(entropyBits(counts, total));
  }

  static double entropyBits(long[] counts, long total) {
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = c / (double) total;
        h -= p * Math.log(p);
      }
    }
    return Math.max(0, h / Math.log(2));
  }

  /**
   * Normalized entropy H / log2(K), K the number of categories with a non-zero count: 1 for a
   * uniform distribution, 0 when one category holds everything. Not applicable with fewer than two
   * categories.
   */
  public static MetricValue normalizedEntropy(long[] counts) {
    long k = Arrays.stream(counts).filter(c -> c > 0).count();
    if (k < 2) {
      return MetricValue.notApplicable("normalized entropy needs at least two categories");
    }
    long total = Arrays.stream(counts).sum();
    return MetricValue.of(Math.min(1, entropyBits(counts, total) / (Math.log(k) / Math.log(2))));
  }

  /** Entropy in bits of an exact frequency state; not applicable when its counts are estimates. */
  public static MetricValue entropy(FrequencyState f) {
    if (f.approximate()) {
      return MetricValue.notApplicable(
          "the column has more than " + f.cap() + " categories, so its counts are estimates");
    }
    return entropy(f.exactCounts().values().stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Gini <em>impurity</em> (Gini-Simpson index) 1 - sum_i p_i^2: the chance that two values drawn
   * with replacement differ. 0 for a single category, (K - 1)/K for K equal ones.
   */
  public static MetricValue giniImpurity(long[] counts) {
    long total = Arrays.stream(counts).sum();
    if (total <= 0) {
      return MetricValue.notApplicable("Gini impurity needs at least one counted value");
    }
    double s = 0;
    for (long c : counts) {
      double p = c / (double) total;
      s += p * p;
    }
    return MetricValue.of(Math.max(0, 1 - s));
  }

  /**
   * Gini <em>coefficient</em> of inequality of non-negative amounts (e.g. category counts): G =
   * sum_i sum_j |x_i - x_j| / (2 n^2 mean), computed from the sorted values as G = 2 sum_i i x_(i)
   * / (n sum x) - (n + 1)/n, i = 1..n. 0 when all amounts are equal, towards 1 when one holds all.
   */
  public static MetricValue giniCoefficient(double[] amounts) {
    if (amounts.length == 0) {
      return MetricValue.notApplicable("Gini coefficient needs at least one amount");
    }
    double[] x = amounts.clone();
    Arrays.sort(x);
    if (x[0] < 0 || !Double.isFinite(x[x.length - 1])) {
      return MetricValue.notApplicable("Gini coefficient needs finite non-negative amounts");
    }
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i];
      weighted += (i + 1) * x[i];
    }
    if (!(sum > 0)) {
      return MetricValue.notApplicable("Gini coefficient needs a positive total");
    }
    int n = x.length;
    return MetricValue.of(2 * weighted / (n * sum) - (n + 1.0) / n);
  }

  /**
   * Mutual information in nats of two label arrays, I = sum_ab p(a,b) ln(p(a,b) / (p(a) p(b))),
   * equal to {@code sklearn.metrics.mutual_info_score(x, y)}.
   */
  public static MetricValue mutualInformation(int[] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("label arrays differ in length");
    }
    if (x.length == 0) {
      return MetricValue.notApplicable("mutual information needs at least one row");
    }
    Map<Long, long[]> joint = new HashMap<>();
    Map<Integer, long[]> mx = new HashMap<>();
    Map<Integer, long[]> my = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      joint.computeIfAbsent(((long) x[i] << 32) ^ (y[i] & 0xffffffffL), k -> new long[1])[0]++;
      mx.computeIfAbsent(x[i], k -> new long[1])[0]++;
      my.computeIfAbsent(y[i], k -> new long[1])[0]++;
    }
    double n = x.length;
    double mi = 0;
    for (Map.Entry<Long, long[]> e : joint.entrySet()) {
      int a = (int) (e.getKey() >> 32);
      int b = (int) (long) e.getKey();
      double pab = e.getValue()[0] / n;
      mi += pab * Math.log(pab * n * n / ((double) mx.get(a)[0] * my.get(b)[0]));
    }
    return MetricValue.of(Math.max(0, mi));
  }

  /**
   * Mutual information in nats of an exact contingency table (missing values as their own
   * category); not applicable if the table overflowed its category cap.
   */
  public static MetricValue mutualInformation(ContingencyState table) {
    if (table.overflowed()) {
      return MetricValue.notApplicable(overflowReason(table));
    }
    if (table.total() == 0) {
      return MetricValue.notApplicable("mutual information needs at least one row");
    }
    Map<String, Long> left = new HashMap<>();
    Map<String, Long> right = new HashMap<>();
    table
        .cells()
        .forEach(
            (c, n) -> {
              left.merge(key(c.left()), n, Long::sum);
              right.merge(key(c.right()), n, Long::sum);
            });
    double n = table.total();
    double mi = 0;
    for (var e : table.cells().entrySet()) {
      double pab = e.getValue() / n;
      double pa = left.get(key(e.getKey().left())) / n;
      double pb = right.get(key(e.getKey().right())) / n;
      mi += pab * Math.log(pab / (pa * pb));
    }
    return MetricValue.of(Math.max(0, mi));
  }

  /** Map key for a category where null (missing) must not collide with the string "null". */
  private static String key(String category) {
    return String.valueOf(category) + (category == null ? "\0" : "");
  }

  static String overflowReason(ContingencyState table) {
    return "a column of the pair has more than "
        + table.categoryCap()
        + " categories, so its contingency table was not kept";
  }

  /**
   * Cramér's V = sqrt(chi2 / (n (min(r, c) - 1))) of a contingency table without bias correction,
   * equal to {@code scipy.stats.contingency.association(table, method="cramer")}; missing values
   * count as a category. Not applicable for a table with a single row or column.
   */
  public static MetricValue cramersV(ContingencyState table) {
    if (table.overflowed()) {
      return MetricValue.notApplicable(overflowReason(table));
    }
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Integer> cols = new HashMap<>();
    table
        .cells()
        .keySet()
        .forEach(
            c -> {
              rows.putIfAbsent(key(c.left()), rows.size());
              cols.putIfAbsent(key(c.right()), cols.size());
            });
    long[][] t = new long[rows.size()][cols.size()];
    table.cells().forEach((c, n) -> t[rows.get(key(c.left()))][cols.get(key(c.right()))] = n);
    return cramersV(t);
  }

  /** Cramér's V of a dense table of counts; see {@link #cramersV(ContingencyState)}. */
  public static MetricValue cramersV(long[][] table) {
    int r = table.length;
    int c = r == 0 ? 0 : table[0].length;
    if (r < 2 || c < 2) {
      return MetricValue.notApplicable("Cramér's V needs at least two categories on each side");
    }
    double[] rowSum = new double[r];
    double[] colSum = new double[c];
    double n = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        rowSum[i] += table[i][j];
        colSum[j] += table[i][j];
        n += table[i][j];
      }
    }
    double chi2 = 0;
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        double e = rowSum[i] * colSum[j] / n;
        if (e > 0) {
          double d = table[i][j] - e;
          chi2 += d * d / e;
        }
      }
    }
    return MetricValue.of(Math.sqrt(Math.min(1, chi2 / (n * (Math.min(r, c) - 1)))));
  }

  /**
   * Spearman's rank correlation: Pearson's r of the average ranks (ties share their mean rank),
   * equal to {@code scipy.stats.spearmanr(x, y).statistic}. Rows where either value is NaN are
   * dropped. Not applicable below two rows or for a constant side.
   */
  public static MetricValue spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("arrays differ in length");
    }
    int n = 0;
    double[] a = new double[x.length];
    double[] b = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        a[n] = x[i];
        b[n] = y[i];
        n++;
      }
    }
    if (n < 2) {
      return MetricValue.notApplicable("Spearman's rho needs at least two complete rows");
    }
    double[] ra = ranks(Arrays.copyOf(a, n));
    double[] rb = ranks(Arrays.copyOf(b, n));
    return pearson(ra, rb)
        .<MetricValue>map(MetricValue::of)
        .orElseGet(() -> MetricValue.notApplicable("a column is constant, so rho is undefined"));
  }

  /**
   * Spearman's rho of every pair of {@code columns} (each an array of one column's values over the
   * same rows, NaN for missing), as {@link #spearman}: {@code result[i][j]} for i != j; the
   * diagonal is 1 for a column with at least two distinct values. Meant for a seeded row sample,
   * whose sampling error is about (1 - rho^2) / sqrt(rows).
   */
  public static MetricValue[][] spearmanMatrix(double[][] columns) {
    int p = columns.length;
    MetricValue[][] out = new MetricValue[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        MetricValue v = spearman(columns[i], columns[j]);
        out[i][j] = v;
        out[j][i] = v;
      }
    }
    return out;
  }

  /** Average ranks, 1-based, ties sharing the mean of their positions. */
  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }

  /** Two-pass Pearson r; empty if either side is constant. */
  static java.util.Optional<Double> pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (!(sxx > 0) || !(syy > 0)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))));
  }
}
