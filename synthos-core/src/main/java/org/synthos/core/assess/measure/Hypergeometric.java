package org.synthos.core.assess.measure;

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
    double[] logFactorial = new double[total + 1];
    for (int i = 2; i <= total; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
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

  private static double logChoose(double[] logFactorial, int a, int b) {
    return logFactorial[a] - logFactorial[b] - logFactorial[a - b];
  }
}
