package org.synthos.core.multivariate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Classifier two-sample test (Lopez-Paz and Oquab, "Revisiting classifier two-sample tests", ICLR
 * 2017), the "detection" metric of SDMetrics and synthcity.
 *
 * <p>Reference rows are labelled 0 and candidate rows 1; rows are assigned to {@code K} stratified
 * folds by a seeded shuffle of each class. For each fold, a {@link GradientBoostedTrees} classifier
 * trained on the other folds scores the fold's rows, and the fold's ROC AUC is computed
 * (Mann-Whitney, ties averaged). The metric is the mean fold AUC: 0.5 means the classifier cannot
 * tell the samples apart, 1 that it always can. (SDMetrics reports {@code 1 - (2 max(AUC, 0.5) -
 * 1)} from the same AUC.)
 *
 * <p>Standard error under the null (analytic): the held-out AUC of any classifier is then a
 * Mann-Whitney statistic with mean 1/2 and variance {@code (n_0 + n_1 + 1) / (12 n_0 n_1)} for fold
 * class sizes {@code n_0, n_1} (Hanley and McNeil, Radiology 1982); the mean over folds, treating
 * folds as independent, has standard error {@code sqrt(sum of the variances) / K}. The caller turns
 * it into a band.
 */
public final class DetectionTest {
  private DetectionTest() {}

  /**
   * The test's outcome.
   *
   * @param auc the mean held-out ROC AUC over the folds (0.5: indistinguishable); NaN when a side
   *     has fewer than two rows per fold or there is no feature
   * @param standardError the standard error of {@code auc} under the null, around 0.5
   * @param foldAucs the AUC of each fold; empty when not applicable
   */
  public record Detection(double auc, double standardError, double[] foldAucs) {
    static final Detection NOT_APPLICABLE = new Detection(Double.NaN, Double.NaN, new double[0]);

    @Override
    public boolean equals(Object o) {
      return o instanceof Detection d
          && Double.compare(d.auc, auc) == 0
          && Double.compare(d.standardError, standardError) == 0
          && Arrays.equals(d.foldAucs, foldAucs);
    }

    @Override
    public int hashCode() {
      return Double.hashCode(auc) * 31 + Arrays.hashCode(foldAucs);
    }

    @Override
    public String toString() {
      return "Detection[auc="
          + auc
          + ", se="
          + standardError
          + ", folds="
          + Arrays.toString(foldAucs)
          + "]";
    }
  }

  /** Reference rows are class 0, candidate rows class 1; both must have the same features. */
  public static Detection run(
      EncodedSample reference, EncodedSample candidate, DetectionOptions options) {
    int folds = options.folds();
    if (reference.dims() == 0
        || reference.dims() != candidate.dims()
        || reference.rows() < 2 * folds
        || candidate.rows() < 2 * folds) {
      return Detection.NOT_APPLICABLE;
    }
    EncodedSample all = stack(reference, candidate);
    boolean[] label = new boolean[all.rows()];
    for (int i = reference.rows(); i < all.rows(); i++) {
      label[i] = true;
    }
    int[] fold = new int[all.rows()];
    SplittableRandom random = new SplittableRandom(options.seed());
    assignFolds(fold, 0, reference.rows(), folds, random);
    assignFolds(fold, reference.rows(), all.rows(), folds, random);

    double[] foldAuc = new double[folds];
    double[] foldVariance = new double[folds];
    // Folds train and score independently; each lands in its own slot, so the result does not
    // depend on scheduling.
    IntStream.range(0, folds)
        .parallel()
        .forEach(
            f -> {
              int testCount = 0;
              for (int v : fold) {
                testCount += v == f ? 1 : 0;
              }
              int[] train = new int[all.rows() - testCount];
              int[] test = new int[testCount];
              int a = 0;
              int b = 0;
              for (int i = 0; i < all.rows(); i++) {
                if (fold[i] == f) {
                  test[b++] = i;
                } else {
                  train[a++] = i;
                }
              }
              GradientBoostedTrees model = GradientBoostedTrees.fit(all, label, train, options);
              double[] scores = new double[testCount];
              boolean[] positive = new boolean[testCount];
              long n1 = 0;
              for (int k = 0; k < testCount; k++) {
                scores[k] = model.score(all, test[k]);
                positive[k] = label[test[k]];
                n1 += positive[k] ? 1 : 0;
              }
              long n0 = testCount - n1;
              foldAuc[f] = RocAuc.of(scores, positive);
              foldVariance[f] = (n0 + n1 + 1.0) / (12.0 * n0 * n1);
            });
    double variance = 0;
    for (double v : foldVariance) {
      variance += v;
    }
    double mean = 0;
    for (double v : foldAuc) {
      mean += v;
    }
    return new Detection(mean / folds, Math.sqrt(variance) / folds, foldAuc);
  }

  /** Shuffles positions {@code [from, to)} (Fisher-Yates) and deals them round-robin into folds. */
  private static void assignFolds(int[] fold, int from, int to, int folds, SplittableRandom r) {
    int n = to - from;
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom shuffle = new SplittableRandom(r.nextLong());
    for (int i = n - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    for (int k = 0; k < n; k++) {
      fold[from + p[k]] = k % folds;
    }
  }

  private static EncodedSample stack(EncodedSample a, EncodedSample b) {
    double[] v = new double[a.values().length + b.values().length];
    System.arraycopy(a.values(), 0, v, 0, a.values().length);
    System.arraycopy(b.values(), 0, v, a.values().length, b.values().length);
    return new EncodedSample(a.rows() + b.rows(), a.dims(), v);
  }
}
