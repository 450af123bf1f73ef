package org.synthos.core.rows;

import java.util.Comparator;

/**
 * Two rows whose shingle sets are similar.
 *
 * @param firstRow the lower global zero-based row index
 * @param secondRow the higher one
 * @param estimatedJaccard the MinHash estimate of their Jaccard similarity
 */
public record NearDuplicatePair(long firstRow, long secondRow, double estimatedJaccard) {
  static final Comparator<NearDuplicatePair> MOST_SIMILAR_FIRST =
      Comparator.comparingDouble(NearDuplicatePair::estimatedJaccard)
          .reversed()
          .thenComparingLong(NearDuplicatePair::firstRow)
          .thenComparingLong(NearDuplicatePair::secondRow);

  public NearDuplicatePair {
    if (firstRow > secondRow) {
      long t = firstRow;
      firstRow = secondRow;
      secondRow = t;
    }
  }
}
