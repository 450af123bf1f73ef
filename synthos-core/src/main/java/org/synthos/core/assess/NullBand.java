package org.synthos.core.assess;

/**
 * What a measure looks like when the candidate is just another sample of the reference's
 * population: the mean and the upper edge (mean + 3 standard deviations) of the measure over {@code
 * replicates} random re-splits of the pooled rows. Measures are oriented so that larger is worse;
 * only the part of an observed value above {@link #upper()} counts against a score.
 *
 * @param mean mean of the measure over the replicates
 * @param upper mean + 3 standard deviations, an exact quantile, or a policy tolerance where no
 *     reference exists
 * @param replicates number of random re-splits; 0 when the band is exact (hypergeometric) or a
 *     policy tolerance
 */
public record NullBand(double mean, double upper, int replicates) {
  /** A band that is a fixed tolerance rather than a sampling distribution. */
  public static NullBand tolerance(double upper) {
    return new NullBand(0, upper, 0);
  }
}
