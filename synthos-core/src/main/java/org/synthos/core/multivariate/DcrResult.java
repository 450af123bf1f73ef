package org.synthos.core.multivariate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Distance-to-closest-record findings.
 *
 * @param shareCloserThanHoldout share of candidate rows closer to the training reference than the
 *     holdout's 5th-percentile DCR, with its null band
 * @param details the distances behind it; empty when the metric is not applicable
 */
public record DcrResult(MultivariateValue shareCloserThanHoldout, Optional<Details> details) {
  /**
   * @param holdoutPercentile5 the holdout's 5th-percentile DCR to the training part
   * @param holdoutShareBelow the holdout's own share strictly below that distance
   * @param medianCandidateDcr median DCR of candidate rows
   * @param medianHoldoutDcr median DCR of holdout rows
   * @param exactCopies candidate rows at distance 0 from a training row
   * @param trainRows rows in the training part
   * @param holdoutRows rows in the holdout
   * @param closestRows global row indexes of the candidate rows nearest to the reference
   * @param closestDcr their DCRs
   */
  public record Details(
      double holdoutPercentile5,
      double holdoutShareBelow,
      double medianCandidateDcr,
      double medianHoldoutDcr,
      long exactCopies,
      int trainRows,
      int holdoutRows,
      long[] closestRows,
      double[] closestDcr) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Details d
          && Double.compare(d.holdoutPercentile5, holdoutPercentile5) == 0
          && Double.compare(d.holdoutShareBelow, holdoutShareBelow) == 0
          && Double.compare(d.medianCandidateDcr, medianCandidateDcr) == 0
          && Double.compare(d.medianHoldoutDcr, medianHoldoutDcr) == 0
          && d.exactCopies == exactCopies
          && d.trainRows == trainRows
          && d.holdoutRows == holdoutRows
          && Arrays.equals(d.closestRows, closestRows)
          && Arrays.equals(d.closestDcr, closestDcr);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(closestRows) * 31 + Long.hashCode(exactCopies);
    }

    @Override
    public String toString() {
      return "Details[q05="
          + holdoutPercentile5
          + ", medianCandidate="
          + medianCandidateDcr
          + ", medianHoldout="
          + medianHoldoutDcr
          + ", exactCopies="
          + exactCopies
          + "]";
    }
  }
}
