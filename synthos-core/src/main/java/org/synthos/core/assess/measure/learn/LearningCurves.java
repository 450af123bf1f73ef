package org.synthos.core.assess.measure.learn;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.synthos.core.assess.Learnability;

/**
 * Fits a learning curve to the held-out losses of one model trained on nested subsets of growing
 * size, all tested on the same rows, and predicts the loss at a larger size.
 *
 * <ol>
 *   <li>Each family ({@link CurveFamily}) is fitted to every size but the largest and predicts the
 *       largest; the family with the smaller error is kept (LCDB's protocol of judging curve models
 *       by extrapolation, Mohr et al. 2022).
 *   <li>The kept family is fitted to every size and evaluated at the size asked for.
 *   <li>Intervals: the test rows are resampled with replacement ({@value #BOOTSTRAPS} times, the
 *       same rows for every size, as they were tested together), each resample refitted; the 5% and
 *       95% quantiles of the predictions are the 90% interval, for the prediction and for the
 *       held-out check alike.
 *   <li>Ill-behaved curves: when the loss rises from one size to the next by more than twice the
 *       bootstrap standard error of that step (LCDB 1.1 finds about 15% of real curves neither
 *       monotone nor convex), or no family fits, the prediction is marked unreliable rather than
 *       extrapolated with confidence.
 * </ol>
 */
public final class LearningCurves {
  static final int BOOTSTRAPS = 100;
  static final int MIN_SIZES = 4;
  static final double FLAT_GAIN = 0.01;
  static final int CURVE_POINTS = 40;

  private LearningCurves() {}

  /**
   * @param sizes training sizes, increasing
   * @param rowLosses per size, the loss of each test row (the same rows in the same order)
   * @return the fit, or null with fewer than {@value #MIN_SIZES} sizes
   */
  public static Learnability.CurveFit fit(
      int[] sizes, double[][] rowLosses, long predictAt, SplittableRandom random) {
    int k = sizes.length;
    if (k < MIN_SIZES) {
      return null;
    }
    int ref = sizes[k - 1];
    double[] u = new double[k];
    for (int i = 0; i < k; i++) {
      u[i] = (double) sizes[i] / ref;
    }
    double[] loss = new double[k];
    for (int i = 0; i < k; i++) {
      loss[i] = Scores.mean(rowLosses[i]);
    }
    double[] uHead = Arrays.copyOf(u, k - 1);
    double[] lossHead = Arrays.copyOf(loss, k - 1);
    CurveFamily best = null;
    double[] params = null;
    double[] heldParams = null;
    double bestError = Double.POSITIVE_INFINITY;
    StringBuilder errors = new StringBuilder();
    for (CurveFamily f : CurveFamily.values()) {
      double[] head = f.fit(uHead, lossHead);
      double[] all = head == null ? null : f.fit(u, loss);
      if (all == null) {
        continue;
      }
      double error = Math.abs(f.at(head, 1) - loss[k - 1]);
      errors
          .append(errors.length() == 0 ? "" : ", ")
          .append(f.key())
          .append('=')
          .append(fmt(error));
      if (error < bestError) {
        bestError = error;
        best = f;
        params = all;
        heldParams = head;
      }
    }
    double scaledAt = (double) predictAt / ref;
    if (best == null) {
      return new Learnability.CurveFit(
          null,
          null,
          null,
          ref,
          predictAt,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          loss[k - 1],
          Double.NaN,
          Double.NaN,
          Double.NaN,
          false,
          errors.toString(),
          false,
          "no curve family fits these losses",
          false,
          Double.NaN,
          new double[0],
          new double[0]);
    }
    int tests = rowLosses[0].length;
    double[] predictions = new double[BOOTSTRAPS];
    double[] heldOut = new double[BOOTSTRAPS];
    double[][] steps = new double[k - 1][BOOTSTRAPS];
    double[] resampled = new double[k];
    for (int b = 0; b < BOOTSTRAPS; b++) {
      Arrays.fill(resampled, 0);
      for (int t = 0; t < tests; t++) {
        int row = random.nextInt(tests);
        for (int i = 0; i < k; i++) {
          resampled[i] += rowLosses[i][row];
        }
      }
      for (int i = 0; i < k; i++) {
        resampled[i] /= tests;
      }
      for (int i = 0; i + 1 < k; i++) {
        steps[i][b] = resampled[i + 1] - resampled[i];
      }
      // Each resample starts from the fit to the observed losses, a few steps from its optimum.
      double[] pb = best.fit(u, resampled, params);
      predictions[b] = pb == null ? Double.NaN : best.at(pb, scaledAt);
      double[] hb = best.fit(uHead, Arrays.copyOf(resampled, k - 1), heldParams);
      heldOut[b] = hb == null ? Double.NaN : best.at(hb, 1);
    }
    String unreliable = null;
    for (int i = 0; i + 1 < k && unreliable == null; i++) {
      double rise = loss[i + 1] - loss[i];
      if (rise > 0 && rise > 2 * sd(steps[i])) {
        unreliable =
            String.format(
                Locale.ROOT,
                "the loss rises from %d to %d rows (%s to %s), beyond its noise: the curve is not"
                    + " monotone",
                sizes[i],
                sizes[i + 1],
                fmt(loss[i]),
                fmt(loss[i + 1]));
      }
    }
    double heldPredicted = best.at(heldParams, 1);
    double heldLower = quantile(heldOut, 0.05);
    double heldUpper = quantile(heldOut, 0.95);
    double atRef = best.at(params, 1);
    double gain = atRef > 0 ? (atRef - best.at(params, 2)) / atRef : Double.NaN;
    double[] curveSizes = new double[CURVE_POINTS + 1];
    double[] curveLoss = new double[CURVE_POINTS + 1];
    double from = Math.log(sizes[0]);
    double to = Math.log(Math.max(predictAt, ref));
    for (int i = 0; i <= CURVE_POINTS; i++) {
      curveSizes[i] = Math.exp(from + i * (to - from) / CURVE_POINTS);
      curveLoss[i] = best.at(params, curveSizes[i] / ref);
    }
    return new Learnability.CurveFit(
        best.key(),
        best.formula(),
        params,
        ref,
        predictAt,
        best.at(params, scaledAt),
        quantile(predictions, 0.05),
        quantile(predictions, 0.95),
        loss[k - 1],
        heldPredicted,
        heldLower,
        heldUpper,
        loss[k - 1] >= heldLower && loss[k - 1] <= heldUpper,
        errors.toString(),
        unreliable == null,
        unreliable,
        gain < FLAT_GAIN,
        gain,
        curveSizes,
        curveLoss);
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.4g", x);
  }

  private static double sd(double[] v) {
    double mean = Scores.mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
  }

  /** The linearly interpolated quantile of the finite values (numpy's default); NaN if none. */
  static double quantile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }
}
