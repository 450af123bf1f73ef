package org.synthos.bench.calibration;

/** The statistics of the benchmark tables: exact binomial intervals, ROC AUC, best threshold. */
final class Stats {
  private Stats() {}

  /** A proportion with its two-sided interval. */
  record Proportion(int successes, int trials, double rate, double lower, double upper) {}

  /**
   * The Clopper-Pearson (1934) exact interval at {@code level}: lower = B^-1(a/2; x, n - x + 1),
   * upper = B^-1(1 - a/2; x + 1, n - x), B the beta distribution, a = 1 - level.
   */
  static Proportion clopperPearson(int x, int n, double level) {
    if (n <= 0) {
      throw new IllegalArgumentException("no trials");
    }
    double alpha = 1 - level;
    double lower = x == 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1.0);
    double upper = x == n ? 1 : betaQuantile(1 - alpha / 2, x + 1.0, n - x);
    return new Proportion(x, n, x / (double) n, lower, upper);
  }

  /** The beta quantile by bisection on the regularised incomplete beta (to 1e-12). */
  static double betaQuantile(double p, double a, double b) {
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
      double mid = (lo + hi) / 2;
      if (regularizedBeta(mid, a, b) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * I_x(a, b) by the continued fraction of Numerical Recipes (3rd ed., 6.4), evaluated by modified
   * Lentz, using the symmetry I_x(a, b) = 1 - I_(1-x)(b, a) where it converges faster.
   */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaFraction(x, a, b) / a;
    }
    return 1 - front * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  /** ln Gamma(x) for x > 0, Lanczos (g = 7, n = 9), relative error about 1e-15. */
  static double logGamma(double x) {
    double[] g = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695780195716e-6,
      1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double y = x - 1;
    double s = g[0];
    for (int i = 1; i < g.length; i++) {
      s += g[i] / (y + i);
    }
    double t = y + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
  }

  /**
   * ROC AUC of a score where higher means "defective": the Mann-Whitney probability that a
   * defective case outscores a clean one, ties counting one half.
   */
  static double auc(double[] clean, double[] defective) {
    if (clean.length == 0 || defective.length == 0) {
      return Double.NaN;
    }
    double wins = 0;
    for (double d : defective) {
      for (double c : clean) {
        wins += d > c ? 1 : d == c ? 0.5 : 0;
      }
    }
    return wins / ((double) clean.length * defective.length);
  }

  /** A cut-off "score >= threshold flags" with its rates on the cases it was chosen on. */
  record Threshold(double threshold, double truePositiveRate, double falsePositiveRate) {}

  /** The cut-off that maximises Youden's J = TPR - FPR (ties: the lower FPR). */
  static Threshold bestThreshold(double[] clean, double[] defective) {
    double[] candidates = new double[clean.length + defective.length];
    System.arraycopy(clean, 0, candidates, 0, clean.length);
    System.arraycopy(defective, 0, candidates, clean.length, defective.length);
    java.util.Arrays.sort(candidates);
    Threshold best = null;
    for (double t : candidates) {
      double tpr = share(defective, t);
      double fpr = share(clean, t);
      if (best == null
          || tpr - fpr > best.truePositiveRate() - best.falsePositiveRate()
          || (tpr - fpr == best.truePositiveRate() - best.falsePositiveRate()
              && fpr < best.falsePositiveRate())) {
        best = new Threshold(t, tpr, fpr);
      }
    }
    return best;
  }

  /** The share of scores at or above {@code threshold}. */
  static double share(double[] scores, double threshold) {
    int k = 0;
    for (double s : scores) {
      if (s >= threshold) {
        k++;
      }
    }
    return scores.length == 0 ? Double.NaN : k / (double) scores.length;
  }
}
