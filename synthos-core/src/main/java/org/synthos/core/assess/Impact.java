package org.synthos.core.assess;

/** The effect of a recommendation, measured by ablation or honestly left unmeasured. */
public sealed interface Impact permits Impact.Measured, Impact.NotMeasured {
  /**
   * The fix was applied to the analysed rows and the dimensions it addresses re-scored with the
   * same seed, the others held at their scores.
   *
   * @param riskBefore risk before the fix, judged on the same rows as {@code riskAfter}
   * @param riskAfter risk after the fix
   * @param decisionAfter the decision the re-scored dataset gets
   * @param rowsRemoved rows the fix removed
   * @param columnsRemoved columns the fix removed
   * @param applied what was done, in one sentence
   */
  record Measured(
      double riskBefore,
      double riskAfter,
      Decision decisionAfter,
      long rowsRemoved,
      int columnsRemoved,
      String applied)
      implements Impact {}

  /** The fix needs the generator or new data, so it cannot be simulated on the sample. */
  record NotMeasured(String reason) implements Impact {}
}
