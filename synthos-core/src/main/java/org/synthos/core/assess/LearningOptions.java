package org.synthos.core.assess;

import java.util.List;
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
 * @param tiers the tiers whose learning curves are trained, by key ({@link #TIERS}); empty for the
 *     automatic choice: the three XGBoost tiers, and the neural tier too when its learner is
 *     installed and the budget is at least {@link #NEURAL_AUTO_BUDGET_MILLIS}. {@code gbt_small}
 *     decides the score and is always trained.
 */
public record LearningOptions(long budgetMillis, long predictAt, int maxRows, List<String> tiers) {
  public static final long DEFAULT_BUDGET_MILLIS = 10_000;
  public static final int DEFAULT_MAX_ROWS = 20_000;

  /** The tiers' keys, cheapest first. */
  public static final List<String> TIERS = List.of("linear", "gbt_small", "gbt_large", "mlp");

  /**
   * The smallest budget for which the automatic choice adds the neural tier: its runtime takes
   * seconds to start and its curve costs several times the boosted trees', which the default budget
   * spends on the trees (which predict tabular targets as well or better at these sizes).
   */
  public static final long NEURAL_AUTO_BUDGET_MILLIS = 60_000;

  public LearningOptions {
    if (budgetMillis < 0 || predictAt < 0 || maxRows < 2) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "learning options need a budget >= 0, a prediction size >= 0 and max rows >= 2");
    }
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    for (String t : tiers) {
      if (!TIERS.contains(t)) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "unknown learning tier '" + t + "'; the tiers are " + String.join(", ", TIERS));
      }
    }
  }

  /** The automatic choice of tiers. */
  public LearningOptions(long budgetMillis, long predictAt, int maxRows) {
    this(budgetMillis, predictAt, maxRows, List.of());
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

  /** The same options with {@code keys} as the tiers (empty for the automatic choice). */
  public LearningOptions withTiers(List<String> keys) {
    return new LearningOptions(budgetMillis, predictAt, maxRows, keys);
  }

  /**
   * A comma-separated list of tier keys, e.g. {@code "linear,gbt_small,mlp"}; "auto" or blank for
   * none.
   */
  public static List<String> parseTiers(String list) {
    if (list == null || list.isBlank() || list.strip().equals("auto")) {
      return List.of();
    }
    return List.of(list.strip().split("\\s*,\\s*"));
  }

  public boolean enabled() {
    return budgetMillis > 0;
  }
}
