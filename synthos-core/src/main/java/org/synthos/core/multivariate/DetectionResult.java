package org.synthos.core.multivariate;

import java.util.Arrays;

/**
 * Transitional: the former result of {@link DetectionTest#compute}, kept until {@code Scorer} calls
 * {@link DetectionTest#run}.
 *
 * @param auc the mean cross-validated detection ROC AUC (0.5: indistinguishable)
 * @param foldAucs the AUC of each fold; empty when not applicable
 */
public record DetectionResult(MultivariateValue auc, double[] foldAucs) {
  @Override
  public boolean equals(Object o) {
    return o instanceof DetectionResult d
        && d.auc.equals(auc)
        && Arrays.equals(d.foldAucs, foldAucs);
  }

  @Override
  public int hashCode() {
    return auc.hashCode() * 31 + Arrays.hashCode(foldAucs);
  }

  @Override
  public String toString() {
    return "DetectionResult[auc=" + auc + ", folds=" + Arrays.toString(foldAucs) + "]";
  }
}
