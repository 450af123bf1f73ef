package org.synthos.core.multivariate;

import java.util.Arrays;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Distance to closest record (DCR) of candidate rows to reference rows, against a real holdout
 * baseline.
 *
 * <p>The reference sample is split (seeded) into a training part {@code T} and a holdout {@code H}.
 * For a row {@code y}, {@code DCR(y) = min_{t in T} ||y - t||} (Euclidean, encoded space). The
 * holdout gives what fresh rows of the reference law look like: its DCRs to {@code T} are the
 * baseline, and {@code q05} is their 5th percentile (linear interpolation). The metric is the share
 * of candidate rows with {@code DCR < q05}: about the holdout's own share (close to 0.05) for a
 * generator that does not copy, well above it for one that memorises training rows (Yale et al.,
 * "Generation and evaluation of privacy preserving synthetic health data", Neurocomputing 2020; the
 * holdout comparison follows Platzer and Reutterer, "Holdout-based empirical assessment of
 * mixed-type synthetic data", Frontiers in Big Data 2021).
 *
 * <p>Null band (analytic): with {@code p} the holdout's share below {@code q05}, {@code m}
 * candidate rows and {@code h} holdout rows, the share of a candidate drawn from the reference law
 * has standard error about {@code sqrt(p(1-p)(1/m + 1/h))} (binomial count plus the estimation
 * noise of the threshold); the band is {@code p} plus or minus 1.96 standard errors.
 */
public final class DistanceToClosestRecord {
  /** The holdout percentile that defines "too close". */
  public static final double PERCENTILE = 0.05;

  /** Holdout rows needed for a meaningful 5th percentile. */
  public static final int MIN_HOLDOUT_ROWS = 20;

  private DistanceToClosestRecord() {}

  /**
   * @param holdoutShare the share of the reference sample held out, in (0, 1)
   * @param seed the split seed
   * @param maxListedRows how many of the closest candidate rows to list
   */
  public static DcrResult compute(
      EncodedSample reference,
      EncodedSample candidate,
      double holdoutShare,
      long seed,
      int maxListedRows) {
    if (!(holdoutShare > 0 && holdoutShare < 1) || maxListedRows < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "holdoutShare must be in (0, 1) and maxListedRows >= 0, got "
              + holdoutShare
              + " and "
              + maxListedRows);
    }
    int holdoutRows = (int) Math.round(reference.rows() * holdoutShare);
    int trainRows = reference.rows() - holdoutRows;
    String reason = Samples.whyNot(reference, candidate, 1, 2);
    if (reason == null && (holdoutRows < MIN_HOLDOUT_ROWS || trainRows < 1)) {
      reason =
          "needs at least "
              + MIN_HOLDOUT_ROWS
              + " holdout rows and one training row in the reference sample, got "
              + holdoutRows
              + " and "
              + trainRows;
    }
    if (reason != null) {
      return new DcrResult(MultivariateValue.notApplicable(reason), Optional.empty());
    }
    int[] p = NullBands.permutation(reference.rows(), seed);
    EncodedSample holdout = reference.select(Arrays.copyOfRange(p, 0, holdoutRows));
    EncodedSample train = reference.select(Arrays.copyOfRange(p, holdoutRows, p.length));
    return fromSplit(train, holdout, candidate, maxListedRows);
  }

  /** The metric for a given split of the reference into {@code train} and {@code holdout}. */
  static DcrResult fromSplit(
      EncodedSample train, EncodedSample holdout, EncodedSample candidate, int maxListedRows) {
    int holdoutRows = holdout.rows();
    int trainRows = train.rows();
    double[] holdoutDcr = distances(holdout, train);
    double[] candidateDcr = distances(candidate, train);
    double[] sortedHoldout = holdoutDcr.clone();
    Arrays.sort(sortedHoldout);
    double threshold = NullBands.quantileSorted(sortedHoldout, PERCENTILE);
    double baselineShare = shareBelow(holdoutDcr, threshold);
    double share = shareBelow(candidateDcr, threshold);
    long exact = 0;
    for (double d : candidateDcr) {
      exact += d == 0 ? 1 : 0;
    }
    double[] sortedCandidate = candidateDcr.clone();
    Arrays.sort(sortedCandidate);

    // The closest candidate rows, nearest first, ties by row index: a bounded insertion.
    int listed = Math.min(maxListedRows, candidate.rows());
    long[] rows = new long[listed];
    double[] rowDcr = new double[listed];
    int filled = 0;
    for (int i = 0; i < candidate.rows(); i++) {
      double d = candidateDcr[i];
      long r = candidate.rowIndex()[i];
      if (filled == listed
          && (listed == 0
              || d > rowDcr[listed - 1]
              || (d == rowDcr[listed - 1] && r > rows[listed - 1]))) {
        continue;
      }
      int k = filled < listed ? filled++ : listed - 1;
      while (k > 0 && (rowDcr[k - 1] > d || (rowDcr[k - 1] == d && rows[k - 1] > r))) {
        rowDcr[k] = rowDcr[k - 1];
        rows[k] = rows[k - 1];
        k--;
      }
      rowDcr[k] = d;
      rows[k] = r;
    }
    double se =
        Math.sqrt(
            baselineShare * (1 - baselineShare) * (1.0 / candidate.rows() + 1.0 / holdoutRows));
    NullBand band =
        NullBands.analytic(
            baselineShare,
            se,
            0,
            1,
            holdoutRows,
            "binomial band around the holdout's share below its 5th percentile");
    return new DcrResult(
        new MultivariateValue.Measured(share, band),
        Optional.of(
            new DcrResult.Details(
                threshold,
                baselineShare,
                NullBands.quantileSorted(sortedCandidate, 0.5),
                NullBands.quantileSorted(sortedHoldout, 0.5),
                exact,
                trainRows,
                holdoutRows,
                rows,
                rowDcr)));
  }

  /** Euclidean distance of every query row to its nearest reference row. */
  static double[] distances(EncodedSample query, EncodedSample ref) {
    double[] d = new double[query.rows()];
    Distances.nearest(query, ref, d, new int[query.rows()]);
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.sqrt(d[i]);
    }
    return d;
  }

  private static double shareBelow(double[] values, double threshold) {
    long below = 0;
    for (double v : values) {
      below += v < threshold ? 1 : 0;
    }
    return (double) below / values.length;
  }
}
