package org.synthos.core.multivariate;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann-Whitney statistic: {@code AUC = (R_1 - n_1(n_1+1)/2) / (n_1
 * n_0)}, with {@code R_1} the sum of the positives' ranks among all scores and tied scores given
 * their average rank (Hanley and McNeil, Radiology 1982). Equal to scikit-learn's {@code
 * roc_auc_score}.
 */
public final class RocAuc {
  private RocAuc() {}

  /** The AUC of {@code scores} for {@code positive} labels; NaN if a class is empty. */
  public static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    long positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    // A score's rank is the average of the one-based positions its value spans when sorted;
    // numeric comparisons make -0.0 and 0.0 one value, as in scikit-learn.
    double rankSum = 0;
    for (int i = 0; i < n; i++) {
      if (!positive[i]) {
        continue;
      }
      int lo = lowerBound(sorted, scores[i]);
      int hi = upperBound(sorted, scores[i]);
      rankSum += (lo + 1 + hi) / 2.0;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The first index of sorted {@code a} whose value is not below {@code v}. */
  public static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
