package org.synthos.core.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classifier two-sample test against scikit-learn ({@code tools/golden/mv_detection.py}): its
 * ROC AUC exactly, its cross-validated detection AUC within cross-validation noise.
 */
@Tag("golden")
class MultivariateGoldenTest {
  private static final double EXACT = 1e-12;

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
    double auc =
        DetectionTest.run(f.sample("real"), f.sample("fake"), DetectionOptions.defaults()).auc();
    assertThat(auc).isCloseTo(f.value("auc"), within(0.04));
  }
}
