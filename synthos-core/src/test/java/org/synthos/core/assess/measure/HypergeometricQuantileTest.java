package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Hypergeometric#lowerQuantile} skips the exact-zero terms below the law's bulk: it must
 * give the quantile of the sum over every term from the support's lowest value, which the direct
 * sum here computes the slow way, with the same log-factorials (a table up to 2^20, log-gamma
 * beyond).
 */
@Tag("unit")
class HypergeometricQuantileTest {
  @Test
  void skippingTheUnderflowingTermsGivesTheQuantileOfTheFullSum() {
    SplittableRandom random = new SplittableRandom(7);
    int skipped = 0;
    for (int t = 0; t < 320; t++) {
      int total = t < 300 ? 2 + random.nextInt(5_000) : 1_100_000 + random.nextInt(900_000);
      int marked = random.nextInt(total + 1);
      int n = random.nextInt(total + 1);
      double q = t % 4 == 0 ? random.nextDouble() : 0.00135 / (1 + random.nextInt(20));
      int lo = Math.max(0, n + marked - total);
      int expected = direct(total, marked, n, q);
      assertThat(Hypergeometric.lowerQuantile(total, marked, n, q))
          .as("total %d, marked %d, n %d, q %s", total, marked, n, q)
          .isEqualTo(expected);
      skipped += expected - lo > 10_000 ? 1 : 0;
    }
    // The large cases walk far from the support's lowest value: the skip is exercised.
    assertThat(skipped).isGreaterThan(5);
    assertThat(Hypergeometric.lowerQuantile(100, 30, 40, 0)).isZero();
    assertThat(Hypergeometric.lowerQuantile(100, 90, 40, 0)).isEqualTo(30);
  }

  /** The quantile by the cumulative sum of every term from the lowest value of the support. */
  private static int direct(int total, int marked, int n, double q) {
    int lo = Math.max(0, n + marked - total);
    int hi = Math.min(n, marked);
    double[] table = null;
    if (total <= 1 << 20) {
      table = new double[total + 1];
      for (int i = 2; i <= total; i++) {
        table[i] = table[i - 1] + Math.log(i);
      }
    }
    double den = logChoose(table, total, n);
    double cumulative = 0;
    for (int x = lo; x <= hi; x++) {
      cumulative +=
          Math.exp(logChoose(table, marked, x) + logChoose(table, total - marked, n - x) - den);
      if (cumulative >= q * (1 - 1e-12)) {
        return x;
      }
    }
    return hi;
  }

  private static double logChoose(double[] table, int a, int b) {
    return logFactorial(table, a) - logFactorial(table, b) - logFactorial(table, a - b);
  }

  private static double logFactorial(double[] table, int k) {
    return table == null ? Gamma.logGamma(k + 1.0) : table[k];
  }
}
