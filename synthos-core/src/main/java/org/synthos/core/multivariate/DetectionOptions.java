package org.synthos.core.multivariate;

import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Settings of the classifier two-sample test.
 *
 * @param folds cross-validation folds (stratified), at least 2
 * @param trees boosting rounds
 * @param maxDepth depth of each tree
 * @param learningRate shrinkage of each tree's leaf values
 * @param bins quantile bins per feature, 2 to 256
 * @param minLeaf least rows in a leaf
 * @param seed the fold-assignment seed
 */
public record DetectionOptions(
    int folds, int trees, int maxDepth, double learningRate, int bins, int minLeaf, long seed) {
  public DetectionOptions {
    if (folds < 2
        || trees < 1
        || maxDepth < 1
        || maxDepth > 12
        || !(learningRate > 0 && learningRate <= 1)
        || bins < 2
        || bins > 256
        || minLeaf < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "invalid detection options: folds >= 2, trees >= 1, maxDepth 1..12, learningRate in"
              + " (0, 1], bins 2..256, minLeaf >= 1 required, got "
              + this);
    }
  }

  /**
   * 3 folds (as SDMetrics and synthcity), 100 trees of depth 3, rate 0.1, 32 bins, leaves >= 20.
   */
  public static DetectionOptions defaults() {
    return new DetectionOptions(3, 100, 3, 0.1, 32, 20, 20240601L);
  }
}
