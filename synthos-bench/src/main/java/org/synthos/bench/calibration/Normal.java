package org.synthos.bench.calibration;

import org.synthos.core.metric.Special;

/** The standard normal distribution: CDF and quantile function. */
final class Normal {
  private Normal() {}

  /**
   * Phi(x) = erfc(-x / sqrt 2) / 2, with erfc from the Chebyshev fit of Numerical Recipes (3rd ed.,
   * 6.2.2; fractional error below 1.2e-7), ample for a generator's latent scores.
   */
  static double cdf(double x) {
    return 0.5 * erfc(-x / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }

  /** Phi^-1(p) for p in (0, 1) (core's Acklam approximation); the ends map to -inf and +inf. */
  static double quantile(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return Special.normalQuantile(p);
  }

  /** A standard normal draw by Box-Muller from the given generator. */
  static double sample(java.util.SplittableRandom random) {
    double u = random.nextDouble();
    while (u == 0) {
      u = random.nextDouble();
    }
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
