package org.synthos.core.multivariate;

/**
 * Transitional: the band of {@link DetectionTest#compute}'s AUC; goes with that method, leaving
 * {@code org.synthos.core.assess.NullBand} the one null-band type.
 *
 * @param low the band's lower end
 * @param high the band's upper end
 * @param expected the value expected under the null (mean of replicates, or the analytic mean)
 * @param replicates resampling replicates used; 0 for an analytic band
 * @param sampleSize rows per side in the null comparison
 * @param method how the band was obtained, in a few words
 */
public record NullBand(
    double low, double high, double expected, int replicates, int sampleSize, String method) {
  public NullBand {
    if (!(low <= expected && expected <= high)) {
      throw new IllegalArgumentException(
          "null band must satisfy low <= expected <= high: " + low + ", " + expected + ", " + high);
    }
  }

  /** Whether a value lies inside the band. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
