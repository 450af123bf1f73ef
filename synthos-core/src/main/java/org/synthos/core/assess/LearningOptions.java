package org.synthos.core.assess;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  /**
   * A budget as a user types it: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or a bare
   * number of seconds; {@code 0} turns the cascade off.
   *
   * @param option the option's name, for the error message
   */
  public static long budgetMillis(String text, String option) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          option + " takes a duration such as 500ms, 60s or 2m, got '" + text + "'");
    }
    double factor =
        switch (m.group(2) == null ? "s" : m.group(2)) {
          case "ms" -> 1;
          case "m" -> 60_000;
          case "h" -> 3_600_000;
          default -> 1_000;
        };
    return Math.round(Double.parseDouble(m.group(1)) * factor);
  }

  public static LearningOptions defaults() {
    return new LearningOptions(DEFAULT_BUDGET_MILLIS, 0, DEFAULT_MAX_ROWS);
  }

  public boolean enabled() {
    return budgetMillis > 0;
  }
}
