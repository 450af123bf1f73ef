package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synthos.core.assess.measure.Mahalanobis;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.Multivariate;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.metric.Golden;
import org.synthos.core.multivariate.GoldenFixture;

/**
 * The verdict's nearest-neighbour and distance measures against the fixtures of {@code
 * tools/golden/}, whose definitions {@code tools/golden/verdict.py} transcribes: precision, recall,
 * density and coverage with the clovaai PRDC formulas at k = 5 (Naeem et al. 2020), the kNN
 * detection AUC ({@code sklearn.metrics.roc_auc_score}), the close-copy share and the DCR deficit,
 * all on the engine's pooled z-score encoding ({@code mv_prdc.py}, {@code mv_dcr.py}); the copy
 * share of exact copies; squared Mahalanobis distances ({@code scipy.spatial.distance.mahalanobis},
 * {@code mv_dcr.py} and {@code verdict_measures.py}).
 */
@Tag("golden")
class NeighbourMeasuresGoldenTest {
  /** The measures' names in the fixtures, in the order of {@link Multivariate#evaluate}. */
  private static final String[] MEASURES = {
    "precision_gap",
    "recall_gap",
    "density_deficit",
    "coverage_gap",
    "auc_excess",
    "close_share",
    "dcr_deficit"
  };

  // Engine access: the only places that name the verdict path's internals.

  /** Candidate and reference matrices pooled into numeric columns x0, x1, ... */
  private static Pool pool(double[][] candidate, double[][] reference) {
    return VerdictMeasuresGoldenTest.pool(columns(candidate), columns(reference));
  }

  /** The seven measures for the observed labelling, every row in the sample. */
  private static double[] neighbourMeasures(Pool d) {
    Multivariate mv = Multivariate.build(d, Integer.MAX_VALUE, new SplittableRandom(1));
    double[] all = mv.measure(mv.observedLabels());
    assertThat(all).hasSize(MEASURES.length);
    assertThat(Multivariate.K).isEqualTo(5);
    return all;
  }

  private static double copyShare(Pool d) {
    byte[] label = new byte[d.n];
    java.util.Arrays.fill(label, 0, d.nC, (byte) 1);
    return Measures.copyShare(d.exactGroup, label);
  }

  /** Squared distances of the pooled rows, candidate rows first. */
  private static double[] squaredMahalanobis(Pool d) {
    return Mahalanobis.squaredDistances(d);
  }

  // Fixture reading.

  private static Batches columns(double[][] m) {
    Batches b = new Batches();
    for (int c = 0; c < m[0].length; c++) {
      Double[] col = new Double[m.length];
      for (int i = 0; i < m.length; i++) {
        col[i] = m[i][c];
      }
      b.doubles("x" + c, col);
    }
    return b;
  }

  private static void checkNeighbourMeasures(GoldenFixture f, Pool d, String fixture) {
    double[] got = neighbourMeasures(d);
    for (int k = 0; k < MEASURES.length; k++) {
      assertThat(got[k])
          .as("%s: %s", fixture, MEASURES[k])
          .isCloseTo(f.value(MEASURES[k]), within(1e-12));
    }
  }

  // Tests.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mv_prdc_shrunk.txt",
        "mv_prdc_shifted.txt",
        "mv_alpha_same.txt",
        "mv_alpha_shrunk.txt"
      })
  void neighbourMeasuresMatchThePrdcFormulasAndRocAuc(String fixture) {
    GoldenFixture f = GoldenFixture.load(fixture);
    checkNeighbourMeasures(f, pool(f.matrix("fake"), f.matrix("real")), fixture);
  }

  @Test
  void copiesOfReferenceRowsAreCloseCopiesAndExactCopies() {
    GoldenFixture f = GoldenFixture.load("mv_dcr.txt");
    Pool d = pool(f.matrix("candidate"), f.matrix("train"));
    checkNeighbourMeasures(f, d, "mv_dcr.txt");
    assertThat(copyShare(d)).isCloseTo(f.value("copy_share"), within(1e-12));
  }

  @Test
  void mahalanobisDistancesMatchScipy() {
    GoldenFixture f = GoldenFixture.load("mv_dcr.txt");
    checkDistances(
        squaredMahalanobis(pool(f.matrix("candidate"), f.matrix("train"))),
        f.vector("squared_mahalanobis"),
        "mv_dcr.txt");
    for (Map<String, Object> c :
        VerdictMeasuresGoldenTest.cases("verdict_measures", "mahalanobis")) {
      checkDistances(
          squaredMahalanobis(VerdictMeasuresGoldenTest.pool(c)),
          Golden.doubles(Golden.map(c, "expected"), "squared_distances"),
          (String) c.get("name"));
    }
  }

  private static void checkDistances(double[] got, double[] expected, String what) {
    assertThat(got).as(what).hasSize(expected.length);
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i])
          .as("%s: row %d", what, i)
          .isCloseTo(expected[i], within(1e-9 * (1 + expected[i])));
    }
  }
}
