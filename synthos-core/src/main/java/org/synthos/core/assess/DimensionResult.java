package org.synthos.core.assess;

import java.util.List;

/** A dimension's outcome: a score with its evidence, or the reason it could not be judged. */
public sealed interface DimensionResult
    permits DimensionResult.Scored, DimensionResult.NotApplicable {
  Dimension dimension();

  /**
   * A score in [0, 100].
   *
   * @param score 0.5 * mean + 0.5 * min of the evidence scores, so one destroyed column counts
   * @param warnBelow the policy's warning threshold
   * @param failBelow the policy's failure threshold
   * @param status pass, warn or fail against those thresholds
   * @param evidence every sub-metric, worst first
   */
  record Scored(
      Dimension dimension,
      double score,
      double warnBelow,
      double failBelow,
      Status status,
      List<Evidence> evidence)
      implements DimensionResult {
    public Scored {
      if (!(score >= 0 && score <= 100)) {
        throw new IllegalArgumentException("score outside [0, 100]: " + score);
      }
      evidence = List.copyOf(evidence);
    }
  }

  /** The dimension could not be judged; {@code reason} says why in one sentence. */
  record NotApplicable(Dimension dimension, String reason) implements DimensionResult {}
}
