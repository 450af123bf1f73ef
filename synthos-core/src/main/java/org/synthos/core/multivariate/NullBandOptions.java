package org.synthos.core.multivariate;

import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * How resampled null bands are drawn: {@code replicates} times, the reference sample is shuffled
 * with a seeded generator and cut into two disjoint halves of at most {@code maxRowsPerHalf} rows,
 * and the metric is computed between the halves. The band is the replicates' mean plus or minus two
 * standard deviations (at least their range), clipped to the metric's range.
 *
 * @param replicates number of half splits, at least 2
 * @param maxRowsPerHalf cap on the rows of each half, bounding the band's cost
 * @param seed the shuffling seed
 */
public record NullBandOptions(int replicates, int maxRowsPerHalf, long seed) {
  public NullBandOptions {
    if (replicates < 2 || maxRowsPerHalf < 2) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "null bands need replicates >= 2 and maxRowsPerHalf >= 2, got "
              + replicates
              + " and "
              + maxRowsPerHalf);
    }
  }

  /** 3 replicates of halves of at most 10,000 rows, seed 20240601. */
  public static NullBandOptions defaults() {
    return new NullBandOptions(3, 10_000, 20240601L);
  }
}
