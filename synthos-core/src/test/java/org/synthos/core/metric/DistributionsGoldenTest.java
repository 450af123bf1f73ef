package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Against {@code tools/golden/distributions.py} (scipy, Evidently's PSI transcribed). */
@Tag("golden")
class DistributionsGoldenTest {
  @Test
  void binnedDistancesAndCategoricalSummariesMatchTheReferences() {
    for (Map<String, Object> c : Golden.cases("distributions")) {
      long[] rc = Golden.longs(c, "reference_counts");
      long[] cc = Golden.longs(c, "candidate_counts");
      double[] p = masses(rc);
      double[] q = masses(cc);
      Map<String, Object> e = Golden.map(c, "expected");
      String name = (String) c.get("name");
      // tools/golden/distributions.py: 0.5 * sum |p - q|
      assertThat(Divergences.totalVariation(p, q))
          .as(name)
          .isCloseTo(Golden.number(e, "tvd"), within(1e-12));
      // scipy.spatial.distance.jensenshannon(p, q, base=2)
      assertThat(Divergences.jensenShannon(p, q))
          .as(name)
          .isCloseTo(Golden.number(e, "jensenshannon"), within(1e-9));
      // sqrt(0.5 * sum (sqrt p - sqrt q)^2)
      assertThat(Divergences.hellinger(p, q))
          .as(name)
          .isCloseTo(Golden.number(e, "hellinger"), within(1e-12));
      // Evidently psi_stat_test
      double psi = Golden.number(e, "psi");
      assertThat(Divergences.psi(p, q)).as(name).isCloseTo(psi, within(1e-9 * (1 + Math.abs(psi))));
      // scipy.stats.entropy(counts, base=2)
      assertThat(Information.entropy(rc).orElseThrow())
          .as(name)
          .isCloseTo(Golden.number(e, "entropy_bits"), within(1e-12));
      assertThat(Information.giniImpurity(rc).orElseThrow())
          .as(name)
          .isCloseTo(Golden.number(e, "gini_impurity"), within(1e-12));
    }
  }

  static double[] masses(long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = counts[i] / total;
    }
    return out;
  }
}
