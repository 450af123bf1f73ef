package org.synthos.core.multivariate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClassifierDetectionTest {
  private static EncodedSample gaussian(int n, int d, double scale, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] m = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[i][j] = scale * r.nextGaussian() + (j == 0 ? shift : 0);
      }
    }
    return EncodedSample.of(m);
  }

  private static DetectionTest.Detection run(EncodedSample reference, EncodedSample candidate) {
    return DetectionTest.run(reference, candidate, DetectionOptions.defaults());
  }

  @Test
  void sameLawSamplesStayWithinThreeStandardErrorsOfAHalf() {
    DetectionTest.Detection d = run(gaussian(1200, 4, 1, 0, 1), gaussian(600, 4, 1, 0, 2));
    assertThat(Math.abs(d.auc() - 0.5)).isLessThan(3 * d.standardError());
    assertThat(d.standardError()).isBetween(0.005, 0.05);
  }

  @Test
  void aShiftedSampleIsTold() {
    DetectionTest.Detection d = run(gaussian(1200, 4, 1, 0, 1), gaussian(600, 4, 1, 2.0, 2));
    assertThat(d.auc()).isGreaterThan(0.85);
    assertThat(d.foldAucs()).hasSize(3);
  }

  @Test
  void resultsAreDeterministic() {
    EncodedSample real = gaussian(400, 3, 1, 0, 1);
    EncodedSample cand = gaussian(300, 3, 1, 0.3, 2);
    assertThat(run(real, cand)).isEqualTo(run(real, cand));
  }

  @Test
  void tooFewRowsOrNoFeaturesAreNotApplicable() {
    EncodedSample real = gaussian(100, 3, 1, 0, 1);
    assertThat(run(real, gaussian(5, 3, 1, 0, 2)).auc()).isNaN();
    assertThat(run(gaussian(5, 3, 1, 0, 2), real).auc()).isNaN();
    EncodedSample noFeatures = new EncodedSample(50, 0, new double[0]);
    assertThat(run(noFeatures, noFeatures).auc()).isNaN();
    assertThat(run(real, gaussian(100, 2, 1, 0, 2)).foldAucs()).isEmpty();
  }

  @Test
  void constantColumnsGiveAHalf() {
    EncodedSample c = EncodedSample.of(new double[50][3]);
    assertThat(run(c, c).auc()).isEqualTo(0.5);
  }
}
