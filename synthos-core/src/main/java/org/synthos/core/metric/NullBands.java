package org.synthos.core.metric;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Null bands: what two independent samples of sizes n and m from the reference population would
 * score. Analytic where a formula exists, otherwise seeded multinomial resampling from the
 * reference's binned masses.
 */
public final class NullBands {
  /** Default one-sided level of every band. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** Default number of resampling draws. */
  public static final int DEFAULT_REPLICATES = 200;

  private NullBands() {}

  /**
   * Two-sample KS statistic under the null, asymptotically: sqrt(nm/(n+m)) D follows the Kolmogorov
   * distribution, whose mean is sqrt(pi/2) ln 2 and whose upper alpha quantile is about
   * sqrt(-ln(alpha/2)/2) (Smirnov 1948; the bound deequ also uses). Ties in the data only lower D,
   * so the band is conservative for discrete columns.
   */
  public static NullBand ks(long n, long m, double level) {
    double scale = Math.sqrt((n + m) / ((double) n * m));
    double alpha = 1 - level;
    return new NullBand(
        Math.sqrt(Math.PI / 2) * Math.log(2) * scale,
        Math.sqrt(-Math.log(alpha / 2) / 2) * scale,
        level,
        true,
        "asymptotic Kolmogorov distribution");
  }

  /**
   * Total variation distance under the null, by the normal approximation of each bin's difference:
   * p_i - q_i ~ N(0, s_i^2) with s_i^2 = p_i (1 - p_i) (1/n + 1/m), so E|p_i - q_i| = s_i
   * sqrt(2/pi) and E[TVD] = sum_i s_i / sqrt(2 pi), the expected-L1 ceiling of mostly.ai qa ({@code
   * calculate_expected_l1_multinomial}). The limit adds the one-sided normal quantile times the
   * standard deviation of the sum, treating bins as independent (slightly conservative, since
   * multinomial bins are negatively correlated).
   */
  public static NullBand tvd(double[] referenceMasses, long n, long m, double level) {
    double inv = 1.0 / n + 1.0 / m;
    double mean = 0;
    double var = 0;
    for (double p : referenceMasses) {
      double s2 = p * (1 - p) * inv;
      mean += Math.sqrt(s2) * Math.sqrt(2 / Math.PI);
      var += s2 * (1 - 2 / Math.PI);
    }
    return new NullBand(
        mean / 2,
        (mean + Special.normalQuantile(level) * Math.sqrt(var)) / 2,
        level,
        true,
        "analytic multinomial normal approximation");
  }

  /**
   * The band of {@code metric(p̂, q̂)} where p̂ and q̂ are the bin frequencies of independent
   * multinomial samples of sizes n and m from {@code referenceMasses}; the mean and the {@code
   * level} quantile over {@code replicates} seeded draws.
   */
  public static NullBand resampled(
      BiFunction<double[], double[], Double> metric,
      double[] referenceMasses,
      long n,
      long m,
      boolean higherIsWorse,
      double level,
      int replicates,
      long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] values = new double[replicates];
    double sum = 0;
    for (int r = 0; r < replicates; r++) {
      double[] p = multinomialFrequencies(rnd, n, referenceMasses);
      double[] q = multinomialFrequencies(rnd, m, referenceMasses);
      values[r] = metric.apply(p, q);
      sum += values[r];
    }
    Arrays.sort(values);
    double q = higherIsWorse ? level : 1 - level;
    int idx = (int) Math.min(replicates - 1, Math.max(0, Math.ceil(q * replicates) - 1));
    return new NullBand(
        sum / replicates,
        values[idx],
        level,
        higherIsWorse,
        "seeded multinomial resampling (" + replicates + " draws, seed " + seed + ")");
  }

  /** Frequencies of a multinomial sample, drawn as conditional binomials bin by bin. */
  static double[] multinomialFrequencies(SplittableRandom rnd, long n, double[] masses) {
    double[] out = new double[masses.length];
    long left = n;
    double massLeft = 1;
    for (int i = 0; i < masses.length && left > 0; i++) {
      long k;
      if (i == masses.length - 1 || masses[i] >= massLeft) {
        k = left;
      } else {
        k = binomial(rnd, left, Math.max(0, masses[i] / massLeft));
      }
      out[i] = k / (double) n;
      left -= k;
      massLeft -= masses[i];
    }
    return out;
  }

  /**
   * A binomial draw: the geometric waiting-time method when the mean is small (exact), the normal
   * approximation with continuity rounding otherwise (error O(1/sqrt(np(1-p))), below 1% of a
   * standard deviation at the switch-over mean 50).
   */
  static long binomial(SplittableRandom rnd, long n, double p) {
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(rnd, n, 1 - p);
    }
    double mean = n * p;
    if (mean < 50) {
      double logQ = Math.log1p(-p);
      long x = 0;
      double sum = 0;
      while (true) {
        sum += Math.floor(Math.log(1 - rnd.nextDouble()) / logQ) + 1;
        if (sum > n) {
          return x;
        }
        x++;
      }
    }
    double z = Special.normalSample(rnd);
    long k = Math.round(mean + z * Math.sqrt(mean * (1 - p)));
    return Math.max(0, Math.min(n, k));
  }
}
