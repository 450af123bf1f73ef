package org.synthos.core.multivariate;

import java.util.SplittableRandom;

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
 * <p>Null band (analytic): under the null the held-out AUC of any classifier is a Mann-Whitney
 * statistic with mean 1/2 and variance {@code (n_0 + n_1 + 1) / (12 n_0 n_1)} for fold class sizes
 * {@code n_0, n_1} (Hanley and McNeil, Radiology 1982); the band is 1/2 plus or minus 1.96 standard
 * errors of the mean over folds, treating folds as independent.
 */
public final class DetectionTest {
  private DetectionTest() {}

  public static DetectionResult compute(
      EncodedSample reference, EncodedSample candidate, DetectionOptions options) {
    int folds = options.folds();
    String reason = Samples.whyNot(reference, candidate, 2 * folds, 2 * folds);
    if (reason != null) {
      return new DetectionResult(MultivariateValue.notApplicable(reason), new double[0]);
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
    double variance = 0;
    for (int f = 0; f < folds; f++) {
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
      variance += (n0 + n1 + 1.0) / (12.0 * n0 * n1);
    }
    double mean = 0;
    for (double v : foldAuc) {
      mean += v;
    }
    mean /= folds;
    NullBand band =
        NullBands.analytic(
            0.5,
            Math.sqrt(variance) / folds,
            0,
            1,
            Math.min(reference.rows(), candidate.rows()),
            "Mann-Whitney null variance of the fold AUCs");
    return new DetectionResult(new MultivariateValue.Measured(mean, band), foldAuc);
  }

  /** Shuffles positions {@code [from, to)} and deals them round-robin into folds. */
  private static void assignFolds(int[] fold, int from, int to, int folds, SplittableRandom r) {
    int[] p = NullBands.permutation(to - from, r.nextLong());
    for (int k = 0; k < p.length; k++) {
      fold[from + p[k]] = k % folds;
    }
  }

  private static EncodedSample stack(EncodedSample a, EncodedSample b) {
    double[] v = new double[a.values().length + b.values().length];
    System.arraycopy(a.values(), 0, v, 0, a.values().length);
    System.arraycopy(b.values(), 0, v, a.values().length, b.values().length);
    long[] index = new long[a.rows() + b.rows()];
    System.arraycopy(a.rowIndex(), 0, index, 0, a.rows());
    System.arraycopy(b.rowIndex(), 0, index, a.rows(), b.rows());
    return new EncodedSample(a.rows() + b.rows(), a.dims(), v, a.features(), index);
  }
}
