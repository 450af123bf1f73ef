package org.synthos.core.assess;

/** Null bands from replicate values: mean and mean + 3 standard deviations, NaNs ignored. */
final class Bands {
  static final double SIGMAS = 3;

  private Bands() {}

  static NullBand of(double[] replicates) {
    double sum = 0;
    int n = 0;
    for (double x : replicates) {
      if (!Double.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    if (n == 0) {
      return new NullBand(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    double ss = 0;
    for (double x : replicates) {
      if (!Double.isNaN(x)) {
        ss += (x - mean) * (x - mean);
      }
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return new NullBand(mean, mean + SIGMAS * sd, n);
  }
}
