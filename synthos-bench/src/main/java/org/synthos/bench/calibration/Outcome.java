package org.synthos.bench.calibration;

import java.util.List;
import java.util.Map;

/**
 * One validation of the benchmark.
 *
 * @param dataset the dataset's short name
 * @param family the family key ({@code clean}, a defect key or {@code recursive_generation})
 * @param severity the severity (generations for recursive generation; 0 for clean)
 * @param moderate whether this is the family's moderate severity
 * @param seed seeds the split, the injection and the validation
 * @param changedRows candidate rows the defect changed; 0 for clean, and for a defect that found
 *     nothing to change in this dataset (such runs are left out of the detection figures)
 * @param rejected whether Synthos rejected the candidate
 * @param risk the verdict's risk score, 0-100
 * @param primaryType the largest root cause's key, or {@code none}
 * @param expectedType the family's expected collapse type key, or {@code none} for clean
 * @param baselineQuality the SDMetrics-style quality score, NaN when it could not be computed
 * @param dimensionScores scored dimensions by key, unrounded (the threshold sweep re-decides from
 *     them)
 * @param failedChecks names of checks that failed
 * @param weakestEvidence the lowest-scoring evidence of each failing dimension, as {@code
 *     dimension: measure(column)=value vs upper}
 * @param curves the held-out check of every learning curve fitted (learnability): was the largest
 *     size's loss inside the 90% interval predicted from the smaller sizes, and by how much it
 *     missed
 * @param millis wall time of the validation
 * @param error the failure message when the validation threw, else null (then nothing else is
 *     meaningful)
 */
public record Outcome(
    String dataset,
    String family,
    double severity,
    boolean moderate,
    long seed,
    int changedRows,
    boolean rejected,
    double risk,
    String primaryType,
    String expectedType,
    double baselineQuality,
    Map<String, Double> dimensionScores,
    List<String> failedChecks,
    List<String> weakestEvidence,
    List<CurveCheck> curves,
    long millis,
    String error) {

  /**
   * One learning curve's held-out check.
   *
   * @param target the target column
   * @param tier the proxy tier
   * @param within whether the observed loss lay inside the predicted 90% interval
   * @param absoluteError |predicted - observed| loss at the largest size
   * @param relativeError the same over the observed loss
   */
  public record CurveCheck(
      String target, String tier, boolean within, double absoluteError, double relativeError) {}

  boolean clean() {
    return "clean".equals(family);
  }

  /** A defective run whose defect changed nothing: it measures nothing about detection. */
  boolean noOp() {
    return !clean() && changedRows == 0;
  }

  /** Higher is more defective: 1 - quality. */
  double baselineRisk() {
    return 1 - baselineQuality;
  }
}
