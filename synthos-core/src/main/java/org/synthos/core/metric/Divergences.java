package org.synthos.core.metric;

import java.util.Optional;

/**
 * Distances between two binned distributions given as masses on the same bins ({@link BinnedPair}).
 * Each raw function takes mass vectors p (reference) and q (candidate) that sum to 1; each {@code
 * BinnedPair} overload adds a null band for the pair's sample sizes.
 */
public final class Divergences {
  private Divergences() {}

  /** Total variation distance TVD = 1/2 sum_i |p_i - q_i|, in [0, 1]. */
  public static double totalVariation(double[] p, double[] q) {
    check(p, q);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.abs(p[i] - q[i]);
    }
    return Math.min(1, s / 2);
  }

  /**
   * Jensen-Shannon <em>distance</em> in base 2: sqrt(JSD) with JSD = (KL(p||m) + KL(q||m)) / 2, m =
   * (p + q)/2, logarithms base 2, so the value lies in [0, 1]. Equals {@code
   * scipy.spatial.distance.jensenshannon(p, q, base=2)} (inputs normalized to sum 1 first, as scipy
   * does). The divergence is the square; Evidently's default (natural log) is this times sqrt(ln
   * 2). The sum is clipped at 0 before the root (scipy#20083).
   */
  public static double jensenShannon(double[] p, double[] q) {
    check(p, q);
    double sp = sum(p);
    double sq = sum(q);
    double jsd = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / sp;
      double b = q[i] / sq;
      double m = (a + b) / 2;
      if (a > 0) {
        jsd += a * Math.log(a / m);
      }
      if (b > 0) {
        jsd += b * Math.log(b / m);
      }
    }
    jsd = jsd / 2 / Math.log(2);
    return Math.sqrt(Math.max(0, Math.min(1, jsd)));
  }

  /**
   * Hellinger distance H = sqrt(1/2 sum_i (sqrt p_i - sqrt q_i)^2), in [0, 1] (Evidently's {@code
   * hellinger} stattest; whylogs uses the same).
   */
  public static double hellinger(double[] p, double[] q) {
    check(p, q);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
      s += d * d;
    }
    return Math.sqrt(Math.min(1, s / 2));
  }

  /**
   * Population stability index, Evidently's definition: PSI = sum_i (p_i - q_i) ln(p_i / q_i),
   * after replacing zero masses on each side by (smallest non-zero mass of that side) / 1e6 when
   * that smallest mass is at most 1e-4, else by 1e-4 ({@code psi_stat_test}). Common reading: below
   * 0.1 no significant shift, above 0.25 a major one.
   */
  public static double psi(double[] p, double[] q) {
    check(p, q);
    double[] a = replaceZeros(p);
    double[] b = replaceZeros(q);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * Math.log(a[i] / b[i]);
    }
    return s;
  }

  private static double[] replaceZeros(double[] p) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : p) {
      if (v != 0 && v < min) {
        min = v;
      }
    }
    double fill = min <= 1e-4 ? min / 1e6 : 1e-4;
    double[] out = p.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        out[i] = fill;
      }
    }
    return out;
  }

  /**
   * TVD with its analytic null band ({@link NullBands#tvd}). When the masses come from sketches the
   * error is the worst case min(1, bins x rank error): every bin mass is a difference of two
   * cumulative ranks, each within the sketches' rank error.
   */
  public static MetricValue totalVariation(BinnedPair b, double level) {
    double[] p = b.reference();
    return new MetricValue.Value(
        totalVariation(p, b.candidate()),
        Math.min(1, p.length * b.rankError()),
        Optional.of(NullBands.tvd(p, b.referenceCount(), b.candidateCount(), level)));
  }

  /** Jensen-Shannon distance (base 2) with a resampled null band. */
  public static MetricValue jensenShannon(BinnedPair b, double level, long seed) {
    return resampledBand(b, Divergences::jensenShannon, level, seed);
  }

  /** Hellinger distance with a resampled null band. */
  public static MetricValue hellinger(BinnedPair b, double level, long seed) {
    return resampledBand(b, Divergences::hellinger, level, seed);
  }

  /** PSI with a resampled null band. */
  public static MetricValue psi(BinnedPair b, double level, long seed) {
    return resampledBand(b, Divergences::psi, level, seed);
  }

  private static MetricValue resampledBand(
      BinnedPair b,
      java.util.function.BiFunction<double[], double[], Double> f,
      double level,
      long seed) {
    double[] p = b.reference();
    NullBand band =
        NullBands.resampled(
            f,
            p,
            b.referenceCount(),
            b.candidateCount(),
            true,
            level,
            NullBands.DEFAULT_REPLICATES,
            seed);
    // No closed-form error bound for these from sketch masses: say so with +inf.
    double error = b.rankError() > 0 ? Double.POSITIVE_INFINITY : 0;
    return new MetricValue.Value(f.apply(p, b.candidate()), error, Optional.of(band));
  }

  private static void check(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("bin counts differ: " + p.length + " and " + q.length);
    }
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
