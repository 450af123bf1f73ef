package org.synthos.core.multivariate;

import java.util.Arrays;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * k-nearest-neighbour precision, recall, density and coverage.
 *
 * <p>With real rows {@code X_1..X_N}, candidate rows {@code Y_1..Y_M}, Euclidean distance {@code d}
 * and {@code r_k(X_i)} the distance from {@code X_i} to its k-th nearest other real row:
 *
 * <ul>
 *   <li>precision = {@code (1/M) sum_j 1[exists i: d(X_i, Y_j) < r_k(X_i)]} (Kynkäänniemi et al.,
 *       "Improved precision and recall metric for assessing generative models", NeurIPS 2019);
 *   <li>recall = {@code (1/N) sum_i 1[exists j: d(X_i, Y_j) < r_k(Y_j)]} (ibid.);
 *   <li>density = {@code (1/(kM)) sum_j sum_i 1[d(X_i, Y_j) < r_k(X_i)]} (Naeem et al., "Reliable
 *       fidelity and diversity metrics for generative models", ICML 2020); about 1 for equal laws,
 *       may exceed 1;
 *   <li>coverage = {@code (1/N) sum_i 1[min_j d(X_i, Y_j) < r_k(X_i)]} (ibid.); about {@code 1 -
 *       2^-k} for equal laws and large equal sizes.
 * </ul>
 *
 * The strict comparisons follow the authors' published code (clovaai/generative-evaluation-prdc).
 * Three blocked passes over all pairs (real-real, candidate-candidate, candidate-real) use no N x M
 * matrix.
 */
public final class Prdc {
  /** The k of Naeem et al.'s recommendation. */
  public static final int DEFAULT_K = 5;

  private Prdc() {}

  /**
   * The four metrics of {@code candidate} against {@code real}, each with a null band from disjoint
   * halves of {@code real}.
   */
  public static PrdcResult compute(
      EncodedSample real, EncodedSample candidate, int k, NullBandOptions options) {
    if (k < 1) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "k must be >= 1, got " + k);
    }
    String reason = Samples.whyNot(real, candidate, k + 1, 2 * (k + 1));
    if (reason != null) {
      return PrdcResult.notApplicable(k, reason);
    }
    double[] v = raw(real, candidate, k);
    int half = NullBands.halfSize(real.rows(), options);
    double[][] reps = v == null ? null : NullBands.replicate(real, options, (a, b) -> raw(a, b, k));
    if (v == null || reps == null) {
      return PrdcResult.notApplicable(
          k,
          "the reference rows have at least "
              + k
              + " identical neighbours each, so every neighbourhood is empty");
    }
    String method = "PRDC between disjoint halves of the reference sample";
    return new PrdcResult(
        k,
        new MultivariateValue.Measured(v[0], NullBands.band(reps[0], 0, 1, half, method)),
        new MultivariateValue.Measured(v[1], NullBands.band(reps[1], 0, 1, half, method)),
        new MultivariateValue.Measured(
            v[2], NullBands.band(reps[2], 0, Double.POSITIVE_INFINITY, half, method)),
        new MultivariateValue.Measured(v[3], NullBands.band(reps[3], 0, 1, half, method)));
  }

  /**
   * {@code [precision, recall, density, coverage]}; both samples need more than k rows. Null when
   * every real radius is 0 (heavily duplicated data), where the strict balls are all empty.
   */
  static double[] raw(EncodedSample real, EncodedSample fake, int k) {
    double[] realRadius = Distances.kthSquared(real, real, k, true);
    if (Arrays.stream(realRadius).allMatch(r -> r == 0)) {
      return null;
    }
    double[] fakeRadius = Distances.kthSquared(fake, fake, k, true);
    int[] inBalls = new int[fake.rows()];
    List<CrossWorker> workers =
        Distances.scan(
            fake, real, () -> new CrossWorker(real.rows(), realRadius, fakeRadius, inBalls));
    boolean[] covered = new boolean[real.rows()];
    boolean[] recalled = new boolean[real.rows()];
    for (CrossWorker w : workers) {
      for (int i = 0; i < real.rows(); i++) {
        covered[i] |= w.covered[i];
        recalled[i] |= w.recalled[i];
      }
    }
    long precise = 0;
    long balls = 0;
    for (int c : inBalls) {
      precise += c > 0 ? 1 : 0;
      balls += c;
    }
    long coveredCount = 0;
    long recalledCount = 0;
    for (int i = 0; i < real.rows(); i++) {
      coveredCount += covered[i] ? 1 : 0;
      recalledCount += recalled[i] ? 1 : 0;
    }
    return new double[] {
      (double) precise / fake.rows(),
      (double) recalledCount / real.rows(),
      (double) balls / ((double) k * fake.rows()),
      (double) coveredCount / real.rows()
    };
  }

  /** Candidate rows are queries; real rows are the reference. */
  private static final class CrossWorker extends Distances.Worker {
    final boolean[] covered;
    final boolean[] recalled;
    final double[] realRadius;
    final double[] fakeRadius;
    final int[] inBalls;

    CrossWorker(int realRows, double[] realRadius, double[] fakeRadius, int[] inBalls) {
      this.covered = new boolean[realRows];
      this.recalled = new boolean[realRows];
      this.realRadius = realRadius;
      this.fakeRadius = fakeRadius;
      this.inBalls = inBalls;
    }

    @Override
    void visit(int q, int refFrom, int n, double[] squared) {
      double own = fakeRadius[q];
      int count = 0;
      for (int j = 0; j < n; j++) {
        double d = squared[j];
        if (d < realRadius[refFrom + j]) {
          count++;
          covered[refFrom + j] = true;
        }
        if (d < own) {
          recalled[refFrom + j] = true;
        }
      }
      inBalls[q] += count;
    }
  }
}
