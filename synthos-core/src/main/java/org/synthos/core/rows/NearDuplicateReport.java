package org.synthos.core.rows;

import java.util.List;

/**
 * The near-duplicates found in a {@link NearDuplicateState}.
 *
 * @param rowCount rows of the dataset
 * @param sampledRows rows searched (all of them when {@code sampledRows == rowCount})
 * @param pairCount near-duplicate pairs found (exact copies excluded)
 * @param pairs the most similar pairs, at most the requested number
 * @param groups connected groups of near-duplicate rows (global row indexes, ascending), largest
 *     first
 * @param truncated whether the candidate cap stopped the search early, so pairs may be missing
 */
public record NearDuplicateReport(
    long rowCount,
    long sampledRows,
    long pairCount,
    List<NearDuplicatePair> pairs,
    List<long[]> groups,
    boolean truncated) {
  public NearDuplicateReport {
    pairs = List.copyOf(pairs);
    groups = List.copyOf(groups);
  }

  /** Whether every row was searched. */
  public boolean exhaustive() {
    return sampledRows == rowCount && !truncated;
  }
}
