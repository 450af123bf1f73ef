package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's statistics against scipy 1.x (Debian python3-scipy): the Clopper-Pearson bounds
 * are {@code scipy.stats.beta.ppf(0.025, x, n - x + 1)} and {@code beta.ppf(0.975, x + 1, n - x)},
 * the incomplete beta is {@code scipy.special.betainc(a, b, x)}.
 */
@Tag("golden")
class StatsTest {
  @Test
  void clopperPearsonMatchesScipyBetaQuantiles() {
    assertInterval(Stats.clopperPearson(0, 20, 0.95), 0, 0.1684334709830853);
    assertInterval(
        Stats.clopperPearson(1, 160, 0.95), 0.00015822378119882157, 0.034329329684141444);
    assertInterval(Stats.clopperPearson(3, 160, 0.95), 0.0038835184430150173, 0.053815611547692876);
    assertInterval(Stats.clopperPearson(20, 20, 0.95), 0.8315665290169146, 1);
    assertInterval(Stats.clopperPearson(5, 12, 0.95), 0.15165222980843013, 0.7233303143178942);
  }

  @Test
  void regularizedBetaMatchesScipyBetainc() {
    assertThat(Stats.regularizedBeta(0.3, 2.5, 3.5)).isCloseTo(0.2967529892956661, within(1e-12));
    assertThat(Stats.regularizedBeta(0.9, 20, 7)).isCloseTo(0.9881312809164946, within(1e-12));
  }

  @Test
  void aucIsTheMannWhitneyProbabilityWithHalfTies() {
    assertThat(Stats.auc(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
    assertThat(Stats.auc(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(0.0);
    // pairs (d, c): (2,1) win, (2,2) tie, (2,3) loss, (4,*) three wins -> 4.5 / 6
    assertThat(Stats.auc(new double[] {1, 2, 3}, new double[] {2, 4})).isEqualTo(0.75);
    assertThat(Stats.auc(new double[0], new double[] {1})).isNaN();
  }

  @Test
  void bestThresholdMaximisesYoudensJ() {
    Stats.Threshold t =
        Stats.bestThreshold(new double[] {0.1, 0.2, 0.3, 0.6}, new double[] {0.5, 0.7, 0.8});
    assertThat(t.threshold()).isEqualTo(0.5);
    assertThat(t.truePositiveRate()).isEqualTo(1.0);
    assertThat(t.falsePositiveRate()).isEqualTo(0.25);
  }

  private static void assertInterval(Stats.Proportion p, double lower, double upper) {
    assertThat(p.lower()).isCloseTo(lower, within(1e-10));
    assertThat(p.upper()).isCloseTo(upper, within(1e-10));
  }
}
