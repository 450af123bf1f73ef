package org.synthos.core.assess;

import java.util.List;

/**
 * What the proxy-model cascade found: per target, the models trained on the candidate and tested on
 * held-out reference rows (TSTR) beside the same models trained on reference rows (TRTR), their
 * learning curves and the performance they predict at a larger size. The learnability dimension's
 * evidence carries the scores; this carries the curves behind them (docs/report-schema.md).
 *
 * @param targets the targets judged, in the order chosen
 * @param notApplicable why no target was judged, or null
 * @param budgetMillis the time the cascade was allowed
 * @param predictAt the training size predictions are made for
 * @param device where the models trained: "cpu", or the devices of the tiers joined ("cpu; mlp on
 *     gpu(0)"); each curve says its own
 */
public record Learnability(
    List<Target> targets, String notApplicable, long budgetMillis, long predictAt, String device) {

  public Learnability {
    targets = List.copyOf(targets);
  }

  /** Nothing was learned, and why. */
  public static Learnability notApplicable(String reason, long budgetMillis, long predictAt) {
    return new Learnability(List.of(), reason, budgetMillis, predictAt, "cpu");
  }

  /**
   * One target column.
   *
   * @param chosenBy "--target", or the automatic rule's reason for choosing it
   * @param skipped why this target was not judged, or null
   * @param trainRows the equal training size of the TSTR and TRTR comparison
   * @param testRows held-out reference rows every model is tested on
   * @param metric the primary metric ("roc_auc" or "r2"), larger better
   * @param tstr the metric of the model trained on the candidate
   * @param trtr the metric of the same model trained on as many reference rows
   * @param tstrTrain the candidate-trained model's metric on its own training rows: with {@code
   *     tstr}, its generalisation gap
   * @param trtrTrain the real-trained model's metric on its own training rows
   */
  public record Target(
      String column,
      LearningTask task,
      String chosenBy,
      String skipped,
      int trainRows,
      int testRows,
      String metric,
      double tstr,
      double trtr,
      double tstrTrain,
      double trtrTrain,
      List<Curve> curves) {
    public Target {
      curves = List.copyOf(curves);
    }
  }

  /**
   * One tier's learning curve: the held-out loss at each training size.
   *
   * @param trtrLoss the loss of the same tier trained on reference rows, NaN where not trained
   * @param fit the fitted curve and its prediction, or null when too few sizes were trained
   * @param skipped why the tier was not trained (the time budget), or null
   * @param device where the tier's models trained ("cpu", "gpu(0)")
   */
  public record Curve(
      String tier,
      String model,
      String lossName,
      int[] sizes,
      double[] tstrLoss,
      double[] trtrLoss,
      CurveFit fit,
      String skipped,
      String device) {}

  /**
   * A learning curve fitted to the TSTR losses and what it predicts.
   *
   * @param family the family kept ("pow3" or "mmf4"), the one that predicted the largest size from
   *     the smaller ones better
   * @param referenceSize n_ref of the formula: the largest size trained
   * @param predicted the loss predicted at {@code predictAt} rows, with its bootstrap 90% interval
   * @param heldOutObserved the loss measured at the largest size
   * @param heldOutPredicted the same loss predicted from the smaller sizes alone, with its 90%
   *     interval
   * @param heldOutErrors each family's absolute error on that held-out point, "family=error" pairs
   * @param reliable false when the curve is ill-behaved (the loss rises with more data beyond its
   *     noise) or no family fits; the prediction should then not be used
   * @param flattened true when doubling the largest size is predicted to lower the loss by under 1%
   * @param gainAtDouble the predicted relative loss reduction from n_ref to 2 n_ref
   * @param curveSizes training sizes from the smallest trained to {@code predictAt}, evenly spaced
   *     in log scale, where the fitted curve is tabulated
   * @param curveLoss the fitted loss at each of {@code curveSizes}
   */
  public record CurveFit(
      String family,
      String formula,
      double[] params,
      int referenceSize,
      long predictAt,
      double predicted,
      double lower,
      double upper,
      double heldOutObserved,
      double heldOutPredicted,
      double heldOutLower,
      double heldOutUpper,
      boolean heldOutWithin,
      String heldOutErrors,
      boolean reliable,
      String unreliable,
      boolean flattened,
      double gainAtDouble,
      double[] curveSizes,
      double[] curveLoss) {}
}
