package org.synthos.core.metric;

import java.util.Arrays;
import java.util.Optional;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;

/**
 * Two-sample distances between numeric distributions: Kolmogorov-Smirnov and Wasserstein-1, exact
 * on samples and approximate from KLL sketches. NaN and infinite values are dropped first (as
 * SDMetrics drops NaN).
 */
public final class TwoSample {
  private TwoSample() {}

  /**
   * The two-sample KS statistic D = sup_x |F_a(x) - F_b(x)| over the empirical CDFs, exactly as
   * {@code scipy.stats.ks_2samp(a, b).statistic}; ties are handled by evaluating both CDFs after
   * every copy of a value. O((n + m) log(n + m)).
   */
  public static MetricValue ks(double[] a, double[] b) {
    double[] x = finiteSorted(a);
    double[] y = finiteSorted(b);
    if (x.length == 0 || y.length == 0) {
      return MetricValue.notApplicable("KS needs at least one finite value on each side");
    }
    return MetricValue.of(
        ksSorted(x, y), NullBands.ks(x.length, y.length, NullBands.DEFAULT_LEVEL));
  }

  static double ksSorted(double[] x, double[] y) {
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
    }
    return d;
  }

  /**
   * KS statistic from two KLL sketches: the largest gap between their CDFs at every retained item
   * of either sketch (the points where either step function can jump). Error: each CDF is within
   * its sketch's normalized rank error with 99% probability, so |D - D_exact| is at most the sum of
   * the two rank errors (0 for a sketch that still holds all its values).
   */
  public static MetricValue ks(QuantileState reference, QuantileState candidate) {
    if (reference.isEmpty() || candidate.isEmpty()) {
      return MetricValue.notApplicable("KS needs at least one finite value on each side");
    }
    double[] points = retained(reference, candidate);
    double[] fr = reference.cdf(points);
    double[] fs = candidate.cdf(points);
    double d = 0;
    for (int i = 0; i < points.length; i++) {
      d = Math.max(d, Math.abs(fr[i] - fs[i]));
    }
    return new MetricValue.Value(
        d,
        rankError(reference) + rankError(candidate),
        Optional.of(NullBands.ks(reference.count(), candidate.count(), NullBands.DEFAULT_LEVEL)));
  }

  private static double rankError(QuantileState q) {
    return q.isExact() ? 0 : q.normalizedRankError();
  }

  /** Sorted distinct retained items of both sketches (strictly increasing, as getCDF needs). */
  private static double[] retained(QuantileState a, QuantileState b) {
    double[] va = a.retainedValues();
    double[] vb = b.retainedValues();
    double[] all = new double[va.length + vb.length];
    System.arraycopy(va, 0, all, 0, va.length);
    System.arraycopy(vb, 0, all, va.length, vb.length);
    Arrays.sort(all);
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (n == 0 || all[i] != all[n - 1]) {
        all[n++] = all[i];
      }
    }
    return Arrays.copyOf(all, n);
  }

  /**
   * Wasserstein-1 distance W1 = integral |F_a(x) - F_b(x)| dx between the empirical distributions,
   * exactly as {@code scipy.stats.wasserstein_distance(a, b)}.
   */
  public static MetricValue wasserstein(double[] a, double[] b) {
    double[] x = finiteSorted(a);
    double[] y = finiteSorted(b);
    if (x.length == 0 || y.length == 0) {
      return MetricValue.notApplicable("Wasserstein needs at least one finite value on each side");
    }
    return MetricValue.of(wassersteinSorted(x, y));
  }

  static double wassersteinSorted(double[] x, double[] y) {
    int i = 0;
    int j = 0;
    double prev = Math.min(x[0], y[0]);
    double w = 0;
    while (i < x.length || j < y.length) {
      double v;
      if (j >= y.length || (i < x.length && x[i] <= y[j])) {
        v = x[i];
      } else {
        v = y[j];
      }
      w += Math.abs(i / (double) x.length - j / (double) y.length) * (v - prev);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      prev = v;
    }
    return w;
  }

  /**
   * W1 divided by the reference's population standard deviation (ddof = 0), as Evidently's {@code
   * wasserstein} stattest, so the value reads in reference standard deviations (Evidently flags
   * drift at 0.1). Not applicable for a constant reference, where Evidently would divide by its
   * floor 0.001 instead.
   */
  public static MetricValue normalizedWasserstein(double[] reference, double[] candidate) {
    double[] x = finiteSorted(reference);
    double[] y = finiteSorted(candidate);
    if (x.length == 0 || y.length == 0) {
      return MetricValue.notApplicable("Wasserstein needs at least one finite value on each side");
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(ss / x.length);
    if (!(std > 0)) {
      return MetricValue.notApplicable("the reference column is constant, so it has no spread");
    }
    return MetricValue.of(wassersteinSorted(x, y) / std);
  }

  /**
   * W1 from two KLL sketches divided by the reference's population standard deviation (from its
   * moments): the integral of |F_r - F_s| over the merged retained items, both CDFs read from the
   * sketches. Error: at most (sum of both rank errors) x (candidate range union), reported as such.
   */
  public static MetricValue normalizedWasserstein(
      MomentsState referenceMoments, QuantileState reference, QuantileState candidate) {
    if (reference.isEmpty() || candidate.isEmpty()) {
      return MetricValue.notApplicable("Wasserstein needs at least one finite value on each side");
    }
    double std = referenceMoments.populationStandardDeviation().orElse(0);
    if (!(std > 0)) {
      return MetricValue.notApplicable("the reference column is constant, so it has no spread");
    }
    double[] points = retained(reference, candidate);
    double[] fr = reference.cdf(points);
    double[] fs = candidate.cdf(points);
    double w = 0;
    for (int i = 0; i + 1 < points.length; i++) {
      w += Math.abs(fr[i] - fs[i]) * (points[i + 1] - points[i]);
    }
    double span = points[points.length - 1] - points[0];
    double error = (rankError(reference) + rankError(candidate)) * span / std;
    return new MetricValue.Value(w / std, error, Optional.empty());
  }

  static double[] finiteSorted(double[] v) {
    double[] out = new double[v.length];
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        out[n++] = x;
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }
}
