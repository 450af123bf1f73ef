package org.synthos.core.assess.measure;

import org.apache.commons.math3.special.Gamma;

/**
 * The hypergeometric law of a random split: drawing {@code n} of {@code total} rows of which {@code
 * marked} are marked, X = marked rows drawn. When the marked set does not depend on the split (rows
 * beyond pooled quantiles, rows of pooled-rare categories), X is exactly hypergeometric under the
 * null, which small counts make strongly skewed; its exact quantile replaces the mean + 3 sd
 * approximation there.
 */
public final class Hypergeometric {
  private Hypergeometric() {}

  /**
   * The smallest x with P(X <= x) >= q. The cumulative sum of exponentials can fall an ulp short of
   * an exact tie (P(X <= x) = q exactly), so q is met within a relative 1e-12, as scipy's ppf does.
   */
  public static int lowerQuantile(int total, int marked, int n, double q) {
    int lo = Math.max(0, n + marked - total);
    int hi = Math.min(n, marked);
    LogFactorial logFactorial = LogFactorial.upTo(total);
    double logDenominator = logChoose(logFactorial, total, n);
    double cumulative = 0;
    for (int x = lo; x <= hi; x++) {
      cumulative +=
          Math.exp(
              logChoose(logFactorial, marked, x)
                  + logChoose(logFactorial, total - marked, n - x)
                  - logDenominator);
      if (cumulative >= q * (1 - 1e-12)) {
        return x;
      }
    }
    return hi;
  }

  private static double logChoose(LogFactorial logFactorial, int a, int b) {
    return logFactorial.of(a) - logFactorial.of(b) - logFactorial.of(a - b);
  }

  /**
   * ln(k!) for k up to a bound: a table of running sums while that takes at most {@value #TABLE}
   * entries (8 MiB), else the log-gamma function. Totals are rows of both files, so a table would
   * take 160 MB at ten million rows a side, per column judged at once.
   */
  private interface LogFactorial {
    int TABLE = 1 << 20;

    double of(int k);

    static LogFactorial upTo(int total) {
      if (total > TABLE) {
        return k -> Gamma.logGamma(k + 1.0);
      }
      double[] table = new double[total + 1];
      for (int i = 2; i <= total; i++) {
        table[i] = table[i - 1] + Math.log(i);
      }
      return k -> table[k];
    }
  }
}
