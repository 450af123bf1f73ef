package org.synthos.core.multivariate;

import java.util.Arrays;

/**
 * Alpha-precision and beta-recall (Alaa, van Breugel, Saveliev and van der Schaar, "How faithful is
 * your synthetic data? Sample-level metrics for evaluating and auditing generative models", ICML
 * 2022).
 *
 * <p>Estimator: the deterministic "naive" variant of the authors' reference implementation
 * (synthcity {@code AlphaPrecision}, {@code _naive}): no one-class network, balls around the real
 * centroid {@code c} in the encoded, standardised feature space. With {@code alpha_a = a / (A - 1)}
 * for {@code a = 0..A-1}, {@code A = 30}:
 *
 * <ul>
 *   <li>{@code R_a} = the alpha_a-quantile (linear interpolation) of {@code ||X_i - c||}; {@code
 *       P_a = (1/M) sum_j 1[||Y_j - c|| <= R_a]};
 *   <li>with {@code Y(i)} the candidate row nearest to {@code X_i}, {@code c'} the candidate
 *       centroid and {@code S_a} the alpha_a-quantile of {@code ||Y(i) - c'||}: {@code C_a = (1/N)
 *       sum_i 1[d(X_i, Y(i)) <= d(X_i, NN_real(X_i))] 1[||Y(i) - c'|| <= S_a]};
 *   <li>alpha-precision = {@code 1 - sum_a |alpha_a - P_a| / sum_a alpha_a}, beta-recall the same
 *       with {@code C_a}, a discretisation of {@code 1 - 2 integral |P_alpha - alpha| d alpha}.
 * </ul>
 *
 * Both are 1 for a perfect match and fall as the candidate's mass leaves the real support
 * (precision) or misses parts of it (recall). Values can be negative for severe mismatch.
 */
public final class AlphaPrecision {
  static final int STEPS = 30;

  private AlphaPrecision() {}

  public static AlphaPrecisionResult compute(
      EncodedSample real, EncodedSample candidate, NullBandOptions options) {
    String reason = Samples.whyNot(real, candidate, 2, 4);
    if (reason != null) {
      MultivariateValue na = MultivariateValue.notApplicable(reason);
      return new AlphaPrecisionResult(na, na);
    }
    double[] v = raw(real, candidate);
    int half = NullBands.halfSize(real.rows(), options);
    double[][] reps = NullBands.replicate(real, options, AlphaPrecision::raw);
    String method = "alpha-precision and beta-recall between disjoint halves of the reference";
    return new AlphaPrecisionResult(
        new MultivariateValue.Measured(
            v[0], NullBands.band(reps[0], Double.NEGATIVE_INFINITY, 1, half, method)),
        new MultivariateValue.Measured(
            v[1], NullBands.band(reps[1], Double.NEGATIVE_INFINITY, 1, half, method)));
  }

  /** {@code [alphaPrecision, betaRecall]}. */
  static double[] raw(EncodedSample real, EncodedSample fake) {
    int dims = real.dims();
    double[] center = centroid(real);
    double[] realNorm = norms(real, center, null);
    Arrays.sort(realNorm);
    double[] fakeNorm = norms(fake, center, null);

    double[] realToReal = Distances.kthSquared(real, real, 1, true);
    double[] realToFake = new double[real.rows()];
    int[] nearestFake = new int[real.rows()];
    Distances.nearest(real, fake, realToFake, nearestFake);
    double[] fakeCenter = centroid(fake);
    double[] closestNorm = new double[real.rows()];
    for (int i = 0; i < real.rows(); i++) {
      int j = nearestFake[i];
      double s = 0;
      for (int t = 0; t < dims; t++) {
        double diff = fake.values()[j * dims + t] - fakeCenter[t];
        s += diff * diff;
      }
      closestNorm[i] = Math.sqrt(s);
    }
    double[] closestSorted = closestNorm.clone();
    Arrays.sort(closestSorted);

    double alphaSum = 0;
    double precisionGap = 0;
    double recallGap = 0;
    for (int a = 0; a < STEPS; a++) {
      double alpha = (double) a / (STEPS - 1);
      alphaSum += alpha;
      double radius = NullBands.quantileSorted(realNorm, alpha);
      long inside = 0;
      for (double f : fakeNorm) {
        inside += f <= radius ? 1 : 0;
      }
      precisionGap += Math.abs(alpha - (double) inside / fake.rows());
      double closestRadius = NullBands.quantileSorted(closestSorted, alpha);
      long covered = 0;
      for (int i = 0; i < real.rows(); i++) {
        if (Math.sqrt(realToFake[i]) <= Math.sqrt(realToReal[i])
            && closestNorm[i] <= closestRadius) {
          covered++;
        }
      }
      recallGap += Math.abs(alpha - (double) covered / real.rows());
    }
    return new double[] {1 - precisionGap / alphaSum, 1 - recallGap / alphaSum};
  }

  static double[] centroid(EncodedSample s) {
    int dims = s.dims();
    double[] c = new double[dims];
    for (int r = 0; r < s.rows(); r++) {
      for (int t = 0; t < dims; t++) {
        c[t] += s.values()[r * dims + t];
      }
    }
    for (int t = 0; t < dims; t++) {
      c[t] /= s.rows();
    }
    return c;
  }

  /** Euclidean norms of rows minus {@code center}. */
  static double[] norms(EncodedSample s, double[] center, double[] out) {
    int dims = s.dims();
    double[] n = out == null ? new double[s.rows()] : out;
    for (int r = 0; r < s.rows(); r++) {
      double sum = 0;
      for (int t = 0; t < dims; t++) {
        double diff = s.values()[r * dims + t] - center[t];
        sum += diff * diff;
      }
      n[r] = Math.sqrt(sum);
    }
    return n;
  }
}
