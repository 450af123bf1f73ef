package org.synthos.core.assess;

import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * How the proxy-model cascade of the learnability dimension runs.
 *
 * @param budgetMillis the time the cascade may take; tiers whose planned cost does not fit are not
 *     trained (the report says so), and 0 turns the cascade off
 * @param predictAt the training size to predict performance at; 0 for ten times the candidate
 * @param maxRows rows per side the models learn from, a seeded sample of the analysed rows
 */
public record LearningOptions(long budgetMillis, long predictAt, int maxRows) {
  public static final long DEFAULT_BUDGET_MILLIS = 10_000;
  public static final int DEFAULT_MAX_ROWS = 20_000;

  public LearningOptions {
    if (budgetMillis < 0 || predictAt < 0 || maxRows < 2) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "learning options need a budget >= 0, a prediction size >= 0 and max rows >= 2");
    }
  }

  public static LearningOptions defaults() {
    return new LearningOptions(DEFAULT_BUDGET_MILLIS, 0, DEFAULT_MAX_ROWS);
  }

  public boolean enabled() {
    return budgetMillis > 0;
  }
}
