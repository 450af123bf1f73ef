package org.synthos.core.assess.judge;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Multivariate;
import org.synthos.core.multivariate.DetectionOptions;
import org.synthos.core.multivariate.DetectionTest;
import org.synthos.core.multivariate.EncodedSample;

/**
 * Whole rows on a sample: nearest-neighbour precision, recall, density and coverage (Naeem et al.
 * 2020), a k-NN two-sample detection AUC, close copies and distance to closest record of reference
 * rows, and a gradient-boosted classifier two-sample test.
 */
final class NeighbourJudge {
  private NeighbourJudge() {}

  /**
   * The candidate rows of the sample and which of them lie off the reference's manifold or close to
   * a reference row; null when no sample could be encoded.
   */
  static Findings.Neighbours judge(Judging j) {
    Multivariate mv =
        Multivariate.build(j.data, j.options.multivariateRows(), j.plan.neighbourRandom);
    if (mv == null) {
      return null;
    }
    // The classifier works on the same encoded sample and adds its evidence last; it runs beside
    // the neighbour measures, so that neither leaves a core idle while the other finishes.
    ForkJoinTask<DetectionTest.Detection> classifier =
        ForkJoinPool.commonPool().submit(() -> classifierDetection(j, mv));
    boolean[] offManifold = new boolean[mv.m];
    boolean[] closeCopies = new boolean[mv.m];
    double[] observed = mv.evaluate(mv.observedLabels(), offManifold, closeCopies);
    int b = Math.min(j.options.replicates(), 10);
    double[][] nulls = new double[Multivariate.MEASURES][b];
    int mr = mv.m - mv.mc;
    double closeScale = (double) mr / Math.max(1, mr - mr / 2);
    // The labellings are drawn in order from the one stream, then measured at once, each into its
    // own slot.
    byte[][] labels = new byte[2 * b][];
    for (int r = 0; r < b; r++) {
      labels[2 * r] = mv.shuffledLabels(j.plan.neighbourRandom);
      labels[2 * r + 1] = mv.referenceSplit(j.plan.neighbourRandom);
    }
    double[][] measured = new double[2 * b][];
    IntStream.range(0, 2 * b).parallel().forEach(t -> measured[t] = mv.measure(labels[t]));
    for (int r = 0; r < b; r++) {
      double[] x = measured[2 * r];
      double[] y = measured[2 * r + 1];
      for (int k = 0; k < Multivariate.MEASURES; k++) {
        nulls[k][r] = x[k];
      }
      nulls[Multivariate.CLOSE_SHARE][r] = closeScale * y[Multivariate.CLOSE_SHARE];
      nulls[Multivariate.DCR_DEFICIT][r] = y[Multivariate.DCR_DEFICIT];
    }
    String sample =
        String.format(
            Locale.ROOT,
            " (%d + %d sampled rows, %d encoded dimensions)",
            mv.mc,
            mv.m - mv.mc,
            mv.dimensions);
    add(
        j,
        Measure.PRECISION_GAP,
        observed,
        nulls,
        Multivariate.PRECISION_GAP,
        "1 - precision: candidate rows outside every reference 5-NN ball" + sample);
    add(
        j,
        Measure.DENSITY_DEFICIT,
        observed,
        nulls,
        Multivariate.DENSITY_DEFICIT,
        "max(0, 1 - density) after Naeem et al. 2020" + sample);
    add(
        j,
        Measure.DETECTION_AUC_EXCESS,
        observed,
        nulls,
        Multivariate.AUC_EXCESS,
        "AUC - 0.5 of a 10-NN two-sample classifier" + sample);
    add(
        j,
        Measure.RECALL_GAP,
        observed,
        nulls,
        Multivariate.RECALL_GAP,
        "1 - recall: reference rows outside every candidate 5-NN ball" + sample);
    add(
        j,
        Measure.COVERAGE_GAP,
        observed,
        nulls,
        Multivariate.COVERAGE_GAP,
        "1 - coverage after Naeem et al. 2020" + sample);
    add(
        j,
        Measure.CLOSE_COPY_SHARE,
        observed,
        nulls,
        Multivariate.CLOSE_SHARE,
        "share of candidate rows within a tenth of their closest reference row's own"
            + " nearest-neighbour distance"
            + sample);
    add(
        j,
        Measure.DCR_DEFICIT,
        observed,
        nulls,
        Multivariate.DCR_DEFICIT,
        "max(0, 1 - median of DCR / the closest reference row's own nearest-reference distance)"
            + sample);
    addClassifier(j, classifier.join());
    return new Findings.Neighbours(
        Arrays.copyOf(mv.rows, mv.mc),
        Arrays.copyOf(offManifold, mv.mc),
        Arrays.copyOf(closeCopies, mv.mc));
  }

  /**
   * The classifier two-sample test of {@code org.synthos.core.multivariate.DetectionTest}
   * (gradient-boosted trees, 3 stratified folds; Lopez-Paz and Oquab 2017, the SDMetrics and
   * synthcity "detection" metric) on the same encoded sample. Its band is 0.5 + 3 standard errors
   * of the AUC under the null (Hanley and McNeil 1982), like the other bands' mean + 3 sd.
   */
  private static DetectionTest.Detection classifierDetection(Judging j, Multivariate mv) {
    double[][] ref = Arrays.copyOfRange(mv.matrix, mv.mc, mv.m);
    double[][] cand = Arrays.copyOfRange(mv.matrix, 0, mv.mc);
    DetectionOptions defaults = DetectionOptions.defaults();
    DetectionOptions o =
        new DetectionOptions(
            defaults.folds(),
            defaults.trees(),
            defaults.maxDepth(),
            defaults.learningRate(),
            defaults.bins(),
            defaults.minLeaf(),
            j.options.seed());
    return DetectionTest.run(EncodedSample.of(ref), EncodedSample.of(cand), o);
  }

  private static void addClassifier(Judging j, DetectionTest.Detection d) {
    if (!Double.isNaN(d.auc())) {
      NullBand band = new NullBand(0.5, 0.5 + 3 * d.standardError(), 0);
      j.add(
          Evidence.of(
              Measure.CLASSIFIER_AUC,
              Subject.DATASET,
              d.auc(),
              band,
              "mean held-out ROC AUC of gradient-boosted trees telling candidate from reference"
                  + " rows (3 folds; 0.5 = indistinguishable)"));
    }
  }

  private static void add(
      Judging j, Measure measure, double[] observed, double[][] nulls, int k, String detail) {
    if (Double.isNaN(observed[k])) {
      return;
    }
    NullBand band = Bands.of(nulls[k]);
    if (Double.isNaN(band.upper())) {
      return;
    }
    j.add(Evidence.of(measure, Subject.DATASET, observed[k], band, detail));
  }
}
