package org.synthos.core.state;

import java.util.Arrays;

/**
 * The step-function CDF a KLL sketch represents: distinct retained values ascending, each with the
 * total weight of retained items at or below it. Queries follow DataSketches' sorted view with
 * inclusive search, so a sketch that still holds every value answers exactly as the empirical
 * distribution does (the quantile at rank r is the smallest value whose rank is at least r, numpy's
 * {@code inverted_cdf}). Immutable.
 */
final class SortedQuantiles {
  /** DataSketches rounds natural ranks to 1e-7 for n up to 1e7, so 0.3 * 10 is 3, not 3.0000001. */
  private static final double TAIL_ROUNDING = 1e7;

  private final double[] values;
  private final long[] cumulative;
  private final long n;

  private SortedQuantiles(double[] values, long[] cumulative, long n) {
    this.values = values;
    this.cumulative = cumulative;
    this.n = n;
  }

  /**
   * Collapses equal values of the sorted {@code values[0 .. size)} with item weights {@code
   * weights}, then puts the exact min and max at the ends with weight 1 when compaction dropped
   * them, as DataSketches' {@code IncludeMinMax} does.
   */
  static SortedQuantiles of(
      double[] sorted, long[] weights, int size, long n, double min, double max) {
    double[] v = new double[size + 2];
    long[] c = new long[size + 2];
    int m = 0;
    long running = 0;
    for (int i = 0; i < size; i++) {
      running += weights[i];
      if (m > 0 && v[m - 1] == sorted[i]) {
        c[m - 1] = running;
      } else {
        v[m] = sorted[i];
        c[m++] = running;
      }
    }
    if (m > 0 && v[0] != min) {
      System.arraycopy(v, 0, v, 1, m);
      System.arraycopy(c, 0, c, 1, m);
      v[0] = min;
      c[0] = 1;
      m++;
    }
    if (m > 0 && v[m - 1] != max) {
      v[m] = max;
      c[m] = c[m - 1];
      c[m - 1] -= 1;
      m++;
    }
    return new SortedQuantiles(Arrays.copyOf(v, m), Arrays.copyOf(c, m), n);
  }

  double[] values() {
    return values.clone();
  }

  long[] cumulativeWeights() {
    return cumulative.clone();
  }

  /** Share of the weight at or below {@code x}. */
  double rank(double x) {
    int i = lastAtOrBelow(x);
    return i < 0 ? 0 : cumulative[i] / (double) n;
  }

  /** The smallest retained value whose cumulative weight reaches {@code ceil(rank * n)}. */
  double quantile(double rank) {
    if (!(rank >= 0 && rank <= 1)) {
      throw new IllegalArgumentException("a normalized rank must be in [0, 1], got " + rank);
    }
    double natural = rank * n;
    if (n <= TAIL_ROUNDING) {
      natural = Math.round(natural * TAIL_ROUNDING) / TAIL_ROUNDING;
    }
    long target = (long) Math.ceil(natural);
    int lo = 0;
    int hi = cumulative.length - 1;
    if (cumulative[hi] < target) {
      return values[hi];
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values[lo];
  }

  /**
   * Ranks at the strictly increasing {@code splitPoints}, then 1: m + 1 values, the CDF of the
   * intervals (-inf, s1], (s1, s2], ..., (sm, +inf).
   */
  double[] cdf(double[] splitPoints) {
    for (int i = 0; i < splitPoints.length; i++) {
      if (Double.isNaN(splitPoints[i]) || (i > 0 && !(splitPoints[i] > splitPoints[i - 1]))) {
        throw new IllegalArgumentException("split points must be strictly increasing, not NaN");
      }
    }
    double[] out = new double[splitPoints.length + 1];
    for (int i = 0; i < splitPoints.length; i++) {
      out[i] = rank(splitPoints[i]);
    }
    out[splitPoints.length] = 1;
    return out;
  }

  /** Masses of the intervals (-inf, s1], (s1, s2], ..., (sm, +inf). */
  double[] pmf(double[] splitPoints) {
    double[] c = cdf(splitPoints);
    for (int i = c.length - 1; i > 0; i--) {
      c[i] -= c[i - 1];
    }
    return c;
  }

  private int lastAtOrBelow(double x) {
    int lo = 0;
    int hi = values.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
