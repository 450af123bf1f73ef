package org.synthos.core.assess.measure;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * The hypergeometric law of a random split: drawing {@code n} of {@code total} rows of which {@code
 * marked} are marked, X = marked rows drawn. When the marked set does not depend on the split (rows
 * beyond pooled quantiles, rows of pooled-rare categories), X is exactly hypergeometric under the
 * null, which small counts make strongly skewed; its exact quantile replaces the mean + 3 sd
 * approximation there.
 *
 * <p>A random split seen through one categorical column's counts is multivariate hypergeometric:
 * the candidate's counts of the k classes (nulls as one more class) when n of the pooled rows are
 * drawn. It factors into univariate draws, class by class, each from the rows not yet assigned to a
 * class: X_1 ~ H(N, K_1, n), X_2 | X_1 ~ H(N - K_1, K_2, n - X_1), and so on, the last class taking
 * what is left (Johnson, Kotz and Balakrishnan, "Discrete Multivariate Distributions", 1997, ch.
 * 39). Each univariate draw is an inversion of the exact law searched outward from its mode, O(sd)
 * steps (Devroye, "Non-Uniform Random Variate Generation", 1986, ch. III.2), so a statistic of the
 * counts gets thousands of exact re-splits for less than one re-split of rows.
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
    double target = q * (1 - 1e-12);
    if (target <= 0) {
      return lo;
    }
    LogFactorial logFactorial = LogFactorial.upTo(total);
    double logDenominator = logChoose(logFactorial, total, n);
    double cumulative = 0;
    for (int x = firstPositive(logFactorial, total, marked, n, lo, hi, logDenominator);
        x <= hi;
        x++) {
      cumulative += probability(logFactorial, total, marked, n, x, logDenominator);
      if (cumulative >= target) {
        return x;
      }
    }
    return hi;
  }

  private static double probability(
      LogFactorial logFactorial, int total, int marked, int n, int x, double logDenominator) {
    return Math.exp(
        logChoose(logFactorial, marked, x)
            + logChoose(logFactorial, total - marked, n - x)
            - logDenominator);
  }

  /**
   * The first x from {@code lo} whose probability is not 0.0 in doubles. Below the mode the law
   * rises (it is log-concave), so the terms before that x are exact zeros (exp underflows below
   * about e^-745, some 38 sd from the mean): the cumulative sum that skips them is the same to the
   * bit, while a large file's sum no longer walks tens of thousands of zero terms.
   */
  private static int firstPositive(
      LogFactorial logFactorial, int total, int marked, int n, int lo, int hi, double logDen) {
    int mode = (int) Math.min(hi, ((long) n + 1) * ((long) marked + 1) / ((long) total + 2));
    if (mode <= lo || probability(logFactorial, total, marked, n, lo, logDen) > 0) {
      return lo;
    }
    int a = lo;
    int b = mode;
    // Invariant: the term at a is 0.0, the term at b is not (the mode's term is at least 1 / (sd
    // sqrt(2 pi)) of a law on at most 2^31 values, far from underflow).
    while (b - a > 1) {
      int mid = (a + b) >>> 1;
      if (probability(logFactorial, total, marked, n, mid, logDen) > 0) {
        b = mid;
      } else {
        a = mid;
      }
    }
    return b;
  }

  /**
   * One candidate's class counts under a random split: {@code n} rows drawn without replacement
   * from rows of which {@code pooled[i]} are of class i (multivariate hypergeometric).
   */
  public static int[] sampleCounts(int[] pooled, int n, SplittableRandom random) {
    int left = 0;
    for (int k : pooled) {
      left += k;
    }
    if (n < 0 || n > left) {
      throw new IllegalArgumentException("cannot draw " + n + " of " + left + " rows");
    }
    int[] out = new int[pooled.length];
    int drawn = n;
    for (int i = 0; i < pooled.length && drawn > 0; i++) {
      out[i] = i == pooled.length - 1 ? drawn : sample(left, pooled[i], drawn, random);
      left -= pooled[i];
      drawn -= out[i];
    }
    return out;
  }

  /** X ~ H(total, marked, n): marked rows among n drawn without replacement from total. */
  public static int sample(int total, int marked, int n, SplittableRandom random) {
    int lo = Math.max(0, n + marked - total);
    int hi = Math.min(n, marked);
    if (lo == hi) {
      return lo;
    }
    int mode = (int) Math.floor((n + 1.0) * (marked + 1.0) / (total + 2.0));
    mode = Math.max(lo, Math.min(hi, mode));
    double pMode =
        Math.exp(
            logChoose(marked, mode) + logChoose(total - marked, n - mode) - logChoose(total, n));
    double u = random.nextDouble() - pMode;
    if (u < 0) {
      return mode;
    }
    int up = mode;
    int down = mode;
    double pUp = pMode;
    double pDown = pMode;
    while (up < hi || down > lo) {
      if (up < hi) {
        // P(x + 1) / P(x) = (K - x)(n - x) / ((x + 1)(N - K - n + x + 1))
        pUp *= (double) (marked - up) * (n - up) / ((up + 1.0) * (total - marked - n + up + 1.0));
        up++;
        u -= pUp;
        if (u < 0) {
          return up;
        }
      }
      if (down > lo) {
        pDown *=
            down
                * (total - marked - n + (double) down)
                / ((marked - down + 1.0) * (n - down + 1.0));
        down--;
        u -= pDown;
        if (u < 0) {
          return down;
        }
      }
    }
    // The probabilities summed an ulp short of 1: the mode is as good a value as any.
    return mode;
  }

  private static double logChoose(int a, int b) {
    return Gamma.logGamma(a + 1.0) - Gamma.logGamma(b + 1.0) - Gamma.logGamma(a - b + 1.0);
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
