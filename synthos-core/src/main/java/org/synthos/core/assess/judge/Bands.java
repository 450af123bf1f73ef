package org.synthos.core.assess.judge;

import org.synthos.core.assess.NullBand;

/**
 * Null bands from replicate values: mean and mean + 3 standard deviations, NaNs ignored. The one
 * way a replicate-based {@link NullBand} is made.
 */
public final class Bands {
  public static final double SIGMAS = 3;

  private Bands() {}

  public static NullBand of(double[] replicates) {
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

  /** (x_b - mean of the others) / sd of the others, NaNs ignored; NaN when undefined. */
  static double leaveOneOutZ(double[] x, int b) {
    if (Double.isNaN(x[b])) {
      return Double.NaN;
    }
    double sum = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != b && !Double.isNaN(x[i])) {
        sum += x[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != b && !Double.isNaN(x[i])) {
        ss += (x[i] - mean) * (x[i] - mean);
      }
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? (x[b] - mean) / sd : Double.NaN;
  }
}
