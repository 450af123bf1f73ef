package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.metric.Golden;

/**
 * The KLL sketch against numpy ({@code tools/golden/quantiles.py}): exact while it holds every
 * value, within its normalized rank error once compacted.
 */
@Tag("golden")
class QuantileGoldenTest {
  @Test
  void quantilesAndRanksMatchNumpy() {
    for (Map<String, Object> c : Golden.cases("quantiles")) {
      String name = (String) c.get("name");
      double[] values = Golden.doubles(c, "values");
      QuantileState q = Sketches.of(values, (int) Golden.number(c, "k"));
      double[] ranks = Golden.doubles(c, "ranks");
      double[] expected = Golden.doubles(c, "quantiles");
      double[] probes = Golden.doubles(c, "probes");
      double[] cdf = Golden.doubles(c, "cdf");
      assertThat(q.count()).as(name).isEqualTo(values.length);
      if (name.endsWith("uncompacted")) {
        assertThat(q.isExact()).as(name).isTrue();
        assertThat(q.quantiles(ranks)).as(name).containsExactly(expected);
        assertThat(Arrays.copyOf(q.cdf(probes), probes.length)).as(name).containsExactly(cdf);
        continue;
      }
      assertThat(q.isExact()).as(name).isFalse();
      double eps = q.normalizedRankError();
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double[] got = q.quantiles(ranks);
      for (int i = 0; i < ranks.length; i++) {
        // the returned value's exact rank interval [F(x-), F(x)] must reach within eps of r
        double below = countBelow(sorted, got[i], false) / (double) sorted.length;
        double atOrBelow = countBelow(sorted, got[i], true) / (double) sorted.length;
        assertThat(atOrBelow).as("%s: F(q(%s))", name, ranks[i]).isGreaterThan(ranks[i] - eps);
        assertThat(below).as("%s: F(q(%s)-)", name, ranks[i]).isLessThan(ranks[i] + eps);
      }
      assertThat(got[0]).as(name).isEqualTo(expected[0]);
      assertThat(got[ranks.length - 1]).as(name).isEqualTo(expected[ranks.length - 1]);
      for (int i = 0; i < probes.length; i++) {
        assertThat(Math.abs(q.rank(probes[i]) - cdf[i])).as("%s: rank", name).isLessThan(eps);
      }
    }
  }

  private static int countBelow(double[] sorted, double x, boolean inclusive) {
    int n = 0;
    while (n < sorted.length && (sorted[n] < x || (inclusive && sorted[n] == x))) {
      n++;
    }
    return n;
  }
}
