package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.metric.Golden;

/** Against {@code tools/golden/moments.py} (numpy, scipy.stats). */
@Tag("golden")
class MomentsGoldenTest {
  @Test
  void momentsMatchNumpyAndScipy() {
    for (Map<String, Object> c : Golden.cases("moments")) {
      String name = (String) c.get("name");
      double[] v = Golden.doubles(c, "values");
      Map<String, Object> e = Golden.map(c, "expected");
      MomentsState m = Sketches.moments(v);
      double mean = Golden.number(e, "mean");
      assertThat(m.meanValue().getAsDouble())
          .as(name)
          .isCloseTo(mean, within(1e-12 * Math.abs(mean) + 1e-12));
      double var = Golden.number(e, "var");
      assertThat(m.sampleVariance().getAsDouble()).as(name).isCloseTo(var, within(1e-9 * var));
      // scipy.stats.skew(bias=True), scipy.stats.kurtosis(fisher=True, bias=True). Tolerance 1e-6:
      // in the offset case (1e9 + N(0, 1)) the data hold deviations only to ~1e-7 (ulp of 1e9) and
      // the two implementations round the mean differently.
      assertThat(m.skewness().getAsDouble())
          .as(name)
          .isCloseTo(Golden.number(e, "skew"), within(1e-6));
      assertThat(m.excessKurtosis().getAsDouble())
          .as(name)
          .isCloseTo(Golden.number(e, "kurtosis"), within(1e-6));
    }
  }

  @Test
  void quantilesOfAnUncompactedSketchMatchNumpyInvertedCdf() {
    for (Map<String, Object> c : Golden.cases("moments")) {
      double[] v = Golden.doubles(c, "values");
      Map<String, Object> e = Golden.map(c, "expected");
      QuantileState q = Sketches.of(v, 200);
      assertThat(q.count()).isLessThanOrEqualTo(q.k());
      double[] ranks = Golden.doubles(e, "ranks");
      double[] expected = Golden.doubles(e, "quantiles");
      for (int i = 0; i < ranks.length; i++) {
        // numpy.quantile(v, r, method="inverted_cdf")
        assertThat(q.quantile(ranks[i]).getAsDouble())
            .as(c.get("name") + " at " + ranks[i])
            .isEqualTo(expected[i]);
      }
    }
  }
}
