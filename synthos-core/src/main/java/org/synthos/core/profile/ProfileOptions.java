package org.synthos.core.profile;

import java.util.Objects;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.state.StateConfig;

/**
 * How {@link Profiler} runs.
 *
 * @param threads worker threads; 1 profiles on the calling thread
 * @param states sketch sizes and caps of the column and pair states
 * @param maxNumericPairColumns numeric columns (first in schema order) paired for correlations; the
 *     per-row cost grows with its square
 * @param maxCategoricalPairColumns categorical columns paired for contingency tables
 * @param progress told the number of rows done after each batch
 * @param countsOnly keep only each column's row, null and invalid counts (no sketches, moments,
 *     frequencies or pair states), for passes that need nothing else
 */
public record ProfileOptions(
    int threads,
    StateConfig states,
    int maxNumericPairColumns,
    int maxCategoricalPairColumns,
    ProgressListener progress,
    boolean countsOnly) {

  public ProfileOptions {
    Objects.requireNonNull(states, "states is null");
    Objects.requireNonNull(progress, "progress is null");
    if (threads < 1 || threads > 1024) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "threads must be 1..1024, got " + threads);
    }
    if (maxNumericPairColumns < 0 || maxCategoricalPairColumns < 0) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "pair column limits must be >= 0");
    }
  }

  /**
   * All available processors, default states, up to 100 numeric and 20 categorical pair columns.
   */
  public static ProfileOptions defaults() {
    return new ProfileOptions(
        Runtime.getRuntime().availableProcessors(),
        StateConfig.defaults(),
        100,
        20,
        ProgressListener.NONE,
        false);
  }

  public ProfileOptions withThreads(int n) {
    return new ProfileOptions(
        n, states, maxNumericPairColumns, maxCategoricalPairColumns, progress, countsOnly);
  }

  public ProfileOptions withStates(StateConfig s) {
    return new ProfileOptions(
        threads, s, maxNumericPairColumns, maxCategoricalPairColumns, progress, countsOnly);
  }

  public ProfileOptions withProgress(ProgressListener p) {
    return new ProfileOptions(
        threads, states, maxNumericPairColumns, maxCategoricalPairColumns, p, countsOnly);
  }

  public ProfileOptions withPairColumns(int numeric, int categorical) {
    return new ProfileOptions(threads, states, numeric, categorical, progress, countsOnly);
  }

  /** Only row, null and invalid counts per column, and no pair states. */
  public ProfileOptions withCountsOnly() {
    return new ProfileOptions(threads, states, 0, 0, progress, true);
  }
}
