package org.synthos.core.multivariate;

import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Seeded reference splits and the bands made from them. */
final class NullBands {
  private NullBands() {}

  /** A seeded uniform permutation of {@code 0..n-1} (Fisher-Yates). */
  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Rows per half that {@link #replicate} uses for a reference of {@code n} rows. */
  static int halfSize(int n, NullBandOptions options) {
    return Math.min(n / 2, options.maxRowsPerHalf());
  }

  /**
   * Runs {@code metric(halfA, halfB)} on {@code options.replicates()} seeded splits of {@code
   * reference}; returns {@code values[component][replicate]}.
   */
  static double[][] replicate(
      EncodedSample reference,
      NullBandOptions options,
      BiFunction<EncodedSample, EncodedSample, double[]> metric) {
    int h = halfSize(reference.rows(), options);
    double[][] out = null;
    for (int r = 0; r < options.replicates(); r++) {
      int[] p = permutation(reference.rows(), options.seed() + 0x9e3779b97f4a7c15L * (r + 1));
      int[] a = new int[h];
      int[] b = new int[h];
      System.arraycopy(p, 0, a, 0, h);
      System.arraycopy(p, h, b, 0, h);
      double[] v = metric.apply(reference.select(a), reference.select(b));
      if (v == null) {
        return null;
      }
      if (out == null) {
        out = new double[v.length][options.replicates()];
      }
      for (int c = 0; c < v.length; c++) {
        out[c][r] = v[c];
      }
    }
    return out;
  }

  /** Mean plus or minus two standard deviations, at least the range, clipped to [lo, hi]. */
  static NullBand band(double[] values, double lo, double hi, int sampleSize, String method) {
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      mean += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    mean /= values.length;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (values.length - 1));
    double low = Math.max(lo, Math.min(min, mean - 2 * sd));
    double high = Math.min(hi, Math.max(max, mean + 2 * sd));
    return new NullBand(low, high, mean, values.length, sampleSize, method);
  }

  /** {@code center} plus or minus 1.96 standard errors, clipped to [lo, hi]. */
  static NullBand analytic(
      double center, double standardError, double lo, double hi, int sampleSize, String method) {
    return new NullBand(
        Math.max(lo, center - 1.96 * standardError),
        Math.min(hi, center + 1.96 * standardError),
        center,
        0,
        sampleSize,
        method);
  }

  /** numpy's default ("linear") quantile of sorted values. */
  static double quantileSorted(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
