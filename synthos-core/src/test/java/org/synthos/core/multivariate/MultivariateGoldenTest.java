package org.synthos.core.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("golden")
class MultivariateGoldenTest {
  private static final double EXACT = 1e-12;

  // tools/golden/mv_prdc.py: clovaai prdc formulas on sklearn pairwise_distances
  @ParameterizedTest
  @ValueSource(strings = {"mv_prdc_shrunk.txt", "mv_prdc_shifted.txt"})
  void prdcMatchesTheReferenceFormulas(String fixture) {
    GoldenFixture f = GoldenFixture.load(fixture);
    int k = (int) f.value("k");
    double[] v = Prdc.raw(f.sample("real"), f.sample("fake"), k);
    assertThat(v[0]).isCloseTo(f.value("precision"), within(EXACT));
    assertThat(v[1]).isCloseTo(f.value("recall"), within(EXACT));
    assertThat(v[2]).isCloseTo(f.value("density"), within(EXACT));
    assertThat(v[3]).isCloseTo(f.value("coverage"), within(EXACT));
  }

  // tools/golden/mv_alpha.py: synthcity AlphaPrecision naive estimator with sklearn
  // NearestNeighbors
  @ParameterizedTest
  @ValueSource(strings = {"mv_alpha_same.txt", "mv_alpha_shrunk.txt"})
  void alphaPrecisionMatchesTheReferenceEstimator(String fixture) {
    GoldenFixture f = GoldenFixture.load(fixture);
    double[] v = AlphaPrecision.raw(f.sample("real"), f.sample("fake"));
    assertThat(v[0]).isCloseTo(f.value("alpha_precision"), within(1e-9));
    assertThat(v[1]).isCloseTo(f.value("beta_recall"), within(1e-9));
  }

  // tools/golden/mv_dcr.py: sklearn NearestNeighbors distances, numpy quantile and median
  @Test
  void dcrMatchesNearestNeighbourDistances() {
    GoldenFixture f = GoldenFixture.load("mv_dcr.txt");
    EncodedSample candidate = f.sample("candidate");
    double[] dcr = DistanceToClosestRecord.distances(candidate, f.sample("train"));
    double[] expected = f.vector("candidate_dcr");
    for (int i = 0; i < dcr.length; i++) {
      assertThat(dcr[i]).as("row %d", i).isCloseTo(expected[i], within(1e-9));
    }
    DcrResult r =
        DistanceToClosestRecord.fromSplit(f.sample("train"), f.sample("holdout"), candidate, 5);
    assertThat(((MultivariateValue.Measured) r.shareCloserThanHoldout()).value())
        .isCloseTo(f.value("candidate_share_below"), within(EXACT));
    DcrResult.Details d = r.details().orElseThrow();
    assertThat(d.holdoutPercentile5()).isCloseTo(f.value("holdout_p5"), within(1e-9));
    assertThat(d.holdoutShareBelow()).isCloseTo(f.value("holdout_share_below"), within(EXACT));
    assertThat(d.medianCandidateDcr()).isCloseTo(f.value("median_candidate_dcr"), within(1e-9));
    assertThat(d.medianHoldoutDcr()).isCloseTo(f.value("median_holdout_dcr"), within(1e-9));
    assertThat(d.exactCopies()).isEqualTo((long) f.value("exact_copies"));
    // The 20 exact copies are candidate rows 10..29 and come first, by row index.
    assertThat(d.closestRows()).containsExactly(10, 11, 12, 13, 14);
  }

  // tools/golden/mv_detection.py: sklearn.metrics.roc_auc_score on scores with many ties
  @Test
  void aucMatchesScikitLearnWithTies() {
    GoldenFixture f = GoldenFixture.load("mv_auc.txt");
    double[] labels = f.vector("labels");
    boolean[] positive = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      positive[i] = labels[i] == 1;
    }
    assertThat(RocAuc.of(f.vector("scores"), positive)).isCloseTo(f.value("auc"), within(EXACT));
  }

  // tools/golden/mv_detection.py: HistGradientBoostingClassifier, StratifiedKFold(3); different
  // models and folds, so the values agree within cross-validation noise only.
  @ParameterizedTest
  @ValueSource(strings = {"mv_detection_same.txt", "mv_detection_shifted.txt"})
  void detectionAucAgreesWithScikitLearnWithinNoise(String fixture) {
    GoldenFixture f = GoldenFixture.load(fixture);
    DetectionResult r =
        DetectionTest.compute(f.sample("real"), f.sample("fake"), DetectionOptions.defaults());
    double auc = ((MultivariateValue.Measured) r.auc()).value();
    assertThat(auc).isCloseTo(f.value("auc"), within(0.04));
  }
}
