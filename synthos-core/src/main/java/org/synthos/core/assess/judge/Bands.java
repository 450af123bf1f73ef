package org.synthos.core.assess.judge;

import java.util.Arrays;
import org.synthos.core.assess.NullBand;

/**
 * Null bands from replicate values: mean and mean + 3 standard deviations, NaNs ignored. The one
 * way a replicate-based {@link NullBand} is made.
 *
 * <p>A deficit max(0, g) is a signed gap g truncated at zero. Its replicates pile up at zero, so
 * mean + 3 sd of the truncated values sits near 2.2 sd of g when g is centred, and a clean split
 * crosses it about ten times as often as it crosses 3 sd of g. {@link #ofDeficit} takes the band's
 * edge from the replicates of g itself: max(0, mean_g + 3 sd_g), and its mean from the truncated
 * values, the deficit that sampling noise alone gives.
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

  /**
   * The share of a normal variable beyond its mean + 3 sd, 1 - Phi(3): the tail that every band's
   * edge leaves to sampling noise.
   */
  static final double TAIL = 0.0013498980316300933;

  /**
   * A band from many exact draws of a measure's null law: the mean, and as the edge the draws'
   * empirical quantile at 1 - {@link #TAIL} (the smallest draw that at least that share of the
   * draws do not exceed), the edge a normal law's mean + 3 sd would be. For measures whose null is
   * far from normal, such as a distance |d| folded at zero, where mean + 3 sd of the folded values
   * is about 2.6 sd of d and a clean split crosses it about seven times as often. NaNs ignored.
   */
  public static NullBand ofTail(double[] draws) {
    double[] x = Arrays.stream(draws).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (x.length == 0) {
      return new NullBand(Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(x).sum() / x.length;
    int at = (int) Math.ceil((1 - TAIL) * x.length) - 1;
    return new NullBand(mean, x[Math.max(0, Math.min(x.length - 1, at))], x.length);
  }

  /**
   * The band of the deficit max(0, g) from re-split values of the signed gap g: mean of max(0,
   * g_b), edge max(that mean, mean_g + 3 sd_g); NaNs ignored.
   */
  public static NullBand ofDeficit(double[] gaps) {
    NullBand signed = of(gaps);
    if (Double.isNaN(signed.upper())) {
      return signed;
    }
    double mean = of(truncated(gaps)).mean();
    return new NullBand(mean, Math.max(mean, signed.upper()), signed.replicates());
  }

  /** The deficit max(0, g) of a signed gap g; NaN stays NaN. */
  static double deficit(double gap) {
    return Double.isNaN(gap) ? gap : Math.max(0, gap);
  }

  /** {@link #deficit} of each value. */
  static double[] truncated(double[] gaps) {
    double[] out = new double[gaps.length];
    for (int i = 0; i < gaps.length; i++) {
      out[i] = deficit(gaps[i]);
    }
    return out;
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
