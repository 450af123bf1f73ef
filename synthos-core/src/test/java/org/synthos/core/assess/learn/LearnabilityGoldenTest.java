package org.synthos.core.assess.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.LearningTask;
import org.synthos.core.assess.measure.learn.CurveFamily;
import org.synthos.core.assess.measure.learn.Scores;
import org.synthos.core.metric.Golden;

/**
 * The learnability dimension's statistics against {@code tools/golden/learnability.py}:
 * scikit-learn's metrics on fixed predictions and scipy's {@code curve_fit} of both curve families.
 */
@Tag("golden")
class LearnabilityGoldenTest {
  private static final List<Map<String, Object>> CASES = Golden.cases("learnability");

  @Test
  void metricsMatchScikitLearn() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      String kind = (String) c.get("kind");
      if (kind.equals("curve")) {
        continue;
      }
      float[] labels = floats(Golden.doubles(c, "labels"));
      float[][] p = predictions(c, kind);
      Map<String, Object> expected = Golden.map(c, "expected");
      if (kind.equals("classification")) {
        assertThat(Scores.auc(p, labels))
            .isCloseTo(Golden.number(expected, "roc_auc"), within(1e-9));
        assertThat(Scores.accuracy(p, labels))
            .isCloseTo(Golden.number(expected, "accuracy"), within(1e-12));
        assertThat(Scores.logLoss(p, labels))
            .isCloseTo(Golden.number(expected, "log_loss"), within(1e-6));
        assertThat(Scores.primary(LearningTask.CLASSIFICATION, p, labels))
            .isEqualTo(Scores.auc(p, labels));
      } else {
        assertThat(Scores.r2(p, labels)).isCloseTo(Golden.number(expected, "r2"), within(1e-6));
        assertThat(Scores.rmse(p, labels)).isCloseTo(Golden.number(expected, "rmse"), within(1e-6));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void curveFitsMatchScipy() {
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("kind").equals("curve")) {
        continue;
      }
      int[] sizes = Golden.ints(c, "sizes");
      double[] losses = Golden.doubles(c, "losses");
      double[] u = new double[sizes.length];
      for (int i = 0; i < u.length; i++) {
        u[i] = (double) sizes[i] / sizes[sizes.length - 1];
      }
      Map<String, Object> expected = Golden.map(c, "expected");
      for (CurveFamily f : CurveFamily.values()) {
        String key = f.key();
        if (!expected.containsKey(key)) {
          continue;
        }
        double[] fitted = f.fit(u, losses);
        assertThat(fitted).as(key + " of " + c.get("name")).isNotNull();
        // Least squares optima agree where the fit is well determined: compare the curve where it
        // is used (at ten times the largest size), and the parameters loosely.
        assertThat(f.at(fitted, 10))
            .as(key + " at 10 of " + c.get("name"))
            .isCloseTo(Golden.number(expected, key + "_at_10"), within(1e-4));
        double[] scipy = Golden.doubles(expected, key);
        for (int i = 0; i < scipy.length; i++) {
          assertThat(fitted[i]).isCloseTo(scipy[i], within(1e-3 * Math.max(1, Math.abs(scipy[i]))));
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3);
  }

  @SuppressWarnings("unchecked")
  private static float[][] predictions(Map<String, Object> c, String kind) {
    List<Object> rows = (List<Object>) c.get("predictions");
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      Object row = rows.get(i);
      if (kind.equals("classification")) {
        List<Object> cells = (List<Object>) row;
        out[i] = new float[cells.size()];
        for (int k = 0; k < cells.size(); k++) {
          out[i][k] = ((Number) cells.get(k)).floatValue();
        }
      } else {
        out[i] = new float[] {((Number) row).floatValue()};
      }
    }
    return out;
  }

  private static float[] floats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
