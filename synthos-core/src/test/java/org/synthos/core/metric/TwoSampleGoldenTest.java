package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.state.QuantileState;

/** Against {@code tools/golden/two_sample.py} (scipy.stats). */
@Tag("golden")
class TwoSampleGoldenTest {
  static final List<Map<String, Object>> CASES = Golden.cases("two_sample");

  @Test
  void ksStatisticMatchesScipyKs2samp() {
    // tools/golden/two_sample.py: scipy.stats.ks_2samp(a, b).statistic
    for (Map<String, Object> c : CASES) {
      double expected = Golden.number(Golden.map(c, "expected"), "ks");
      double actual = TwoSample.ks(Golden.doubles(c, "a"), Golden.doubles(c, "b")).orElseThrow();
      assertThat(actual).as((String) c.get("name")).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void wassersteinMatchesScipy() {
    // tools/golden/two_sample.py: scipy.stats.wasserstein_distance(a, b), and / numpy.std(a)
    for (Map<String, Object> c : CASES) {
      Map<String, Object> e = Golden.map(c, "expected");
      double expected = Golden.number(e, "wasserstein");
      double actual =
          TwoSample.wasserstein(Golden.doubles(c, "a"), Golden.doubles(c, "b")).orElseThrow();
      assertThat(actual)
          .as((String) c.get("name"))
          .isCloseTo(expected, within(1e-9 * (1 + expected)));
      if (e.containsKey("wasserstein_normalized")) {
        double norm = Golden.number(e, "wasserstein_normalized");
        assertThat(
                TwoSample.normalizedWasserstein(Golden.doubles(c, "a"), Golden.doubles(c, "b"))
                    .orElseThrow())
            .as((String) c.get("name"))
            .isCloseTo(norm, within(1e-9 * (1 + norm)));
      }
    }
  }

  @Test
  void spearmanMatchesScipy() {
    // tools/golden/two_sample.py: scipy.stats.spearmanr(a, b).statistic
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      Map<String, Object> e = Golden.map(c, "expected");
      if (e.containsKey("spearman")) {
        double actual =
            Information.spearman(Golden.doubles(c, "a"), Golden.doubles(c, "b")).orElseThrow();
        assertThat(actual)
            .as((String) c.get("name"))
            .isCloseTo(Golden.number(e, "spearman"), within(1e-12));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void ksFromSketchesIsWithinItsErrorBoundOfScipy() {
    for (Map<String, Object> c : CASES) {
      double expected = Golden.number(Golden.map(c, "expected"), "ks");
      QuantileState a = Sketches.of(Golden.doubles(c, "a"), 64);
      QuantileState b = Sketches.of(Golden.doubles(c, "b"), 64);
      MetricValue.Value v = (MetricValue.Value) TwoSample.ks(a, b);
      assertThat(v.value())
          .as((String) c.get("name"))
          .isCloseTo(expected, within(v.error() + 1e-12));
    }
  }
}
