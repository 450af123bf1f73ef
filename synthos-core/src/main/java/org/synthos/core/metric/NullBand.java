package org.synthos.core.metric;

import java.util.Objects;

/**
 * What sampling noise alone would make a metric read: the value expected, and the limit noise
 * passes only with probability {@code 1 - level}, when both datasets are independent samples of
 * these sizes from the reference population.
 *
 * @param expected the metric's expected value under the null
 * @param limit the {@code level} quantile of the metric under the null in its "worse" direction: an
 *     upper quantile for distances, a lower one for similarities
 * @param level the probability of the one-sided band, e.g. 0.95
 * @param higherIsWorse true for distances (worse means above {@code limit}), false for similarities
 *     (worse means below it)
 * @param method how the band was obtained, in words a report can show
 */
public record NullBand(
    double expected, double limit, double level, boolean higherIsWorse, String method) {
  public NullBand {
    Objects.requireNonNull(method, "method is null");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    if (!Double.isFinite(expected) || !Double.isFinite(limit)) {
      throw new IllegalArgumentException("null band must be finite: " + expected + ", " + limit);
    }
  }

  /** Whether {@code value} is worse than sampling noise would plausibly make it. */
  public boolean worseThanNoise(double value) {
    return higherIsWorse ? value > limit : value < limit;
  }

  /** The band of {@code 1 - scale * d} for a distance d with this band (for complements). */
  NullBand complement(double scale) {
    return new NullBand(1 - scale * expected, 1 - scale * limit, level, !higherIsWorse, method);
  }
}
