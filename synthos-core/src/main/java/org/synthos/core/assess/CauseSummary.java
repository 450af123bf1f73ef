package org.synthos.core.assess;

import java.util.List;

/**
 * Localisation totals for one cause.
 *
 * @param cause the cause
 * @param rows number of flagged rows
 * @param groups number of groups (duplicate groups, segments, categories)
 * @param exampleRows up to 20 flagged row numbers, ascending
 * @param summary one sentence
 */
public record CauseSummary(
    Cause cause, long rows, long groups, List<Long> exampleRows, String summary) {
  public CauseSummary {
    exampleRows = List.copyOf(exampleRows);
  }
}
