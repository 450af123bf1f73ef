package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Draws of the hypergeometric law ({@link Hypergeometric#sample}) against its exact frequencies and
 * moments, and the multivariate draw class by class ({@link Hypergeometric#sampleCounts}) against
 * the multivariate hypergeometric means and variances (Johnson, Kotz and Balakrishnan 1997, ch.
 * 39): E X_i = n K_i / N, Var X_i = n (K_i / N)(1 - K_i / N)(N - n) / (N - 1).
 */
class HypergeometricSampleTest {
  @Test
  void univariateDrawsFollowTheExactLaw() {
    int total = 100;
    int marked = 30;
    int n = 40;
    int draws = 200_000;
    long[] freq = new long[n + 1];
    SplittableRandom random = new SplittableRandom(1);
    for (int d = 0; d < draws; d++) {
      freq[Hypergeometric.sample(total, marked, n, random)]++;
    }
    // Frequencies against the exact CDF: the lower quantiles of the same law.
    long below = 0;
    for (int x = 0; x <= n; x++) {
      below += freq[x];
      double q = (double) below / draws;
      if (q > 0.01 && q < 0.99) {
        // The empirical CDF at x lies within 4 SE of the exact one: x is the exact q-quantile
        // of a q a little lower, and not of one a little higher.
        double se = Math.sqrt(q * (1 - q) / draws);
        assertThat(Hypergeometric.lowerQuantile(total, marked, n, q - 4 * se))
            .isLessThanOrEqualTo(x);
        assertThat(Hypergeometric.lowerQuantile(total, marked, n, Math.min(1, q + 4 * se)))
            .isGreaterThanOrEqualTo(x);
      }
    }
  }

  @Test
  void degenerateAndBoundaryDraws() {
    SplittableRandom random = new SplittableRandom(2);
    assertThat(Hypergeometric.sample(10, 0, 5, random)).isZero();
    assertThat(Hypergeometric.sample(10, 10, 5, random)).isEqualTo(5);
    assertThat(Hypergeometric.sample(10, 7, 10, random)).isEqualTo(7);
    for (int d = 0; d < 1000; d++) {
      // At least 8 + 6 - 10 = 4 marked rows among 6 drawn, at most 6.
      assertThat(Hypergeometric.sample(10, 8, 6, random)).isBetween(4, 6);
    }
  }

  @Test
  void multivariateDrawsHaveTheMultivariateMoments() {
    int[] pooled = {500, 300, 150, 50};
    int total = 1000;
    int n = 400;
    int draws = 20_000;
    double[] sum = new double[pooled.length];
    double[] sumSq = new double[pooled.length];
    SplittableRandom random = new SplittableRandom(3);
    for (int d = 0; d < draws; d++) {
      int[] x = Hypergeometric.sampleCounts(pooled, n, random);
      int drawn = 0;
      for (int i = 0; i < x.length; i++) {
        assertThat(x[i]).isBetween(0, pooled[i]);
        drawn += x[i];
        sum[i] += x[i];
        sumSq[i] += (double) x[i] * x[i];
      }
      assertThat(drawn).isEqualTo(n);
    }
    for (int i = 0; i < pooled.length; i++) {
      double p = (double) pooled[i] / total;
      double mean = n * p;
      double var = n * p * (1 - p) * (total - n) / (total - 1.0);
      double m = sum[i] / draws;
      double v = sumSq[i] / draws - m * m;
      assertThat(m).isCloseTo(mean, offset(4 * Math.sqrt(var / draws)));
      // The variance's SE is about var * sqrt(2 / draws) = var / 100.
      assertThat(v).isCloseTo(var, offset(0.05 * var));
    }
  }
}
