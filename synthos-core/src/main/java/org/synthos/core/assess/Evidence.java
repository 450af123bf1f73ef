package org.synthos.core.assess;

/**
 * One sub-metric behind a dimension score.
 *
 * @param measure the measure's stable name, e.g. {@code ks_statistic}
 * @param column the column or column pair it concerns, or null for the whole dataset
 * @param value the observed value (larger is worse)
 * @param nullBand the value expected from sampling noise alone
 * @param tolerance the excess over the band's upper edge that brings the sub-score to 0
 * @param score 100 * clamp(1 - max(0, value - upper) / tolerance, 0, 1)
 * @param cause the collapse type this measure indicates, or null when it cannot tell
 * @param detail a sentence for people
 */
public record Evidence(
    String measure,
    String column,
    double value,
    NullBand nullBand,
    double tolerance,
    double score,
    CollapseType cause,
    String detail) {

  /** Scores {@code value} against its band. */
  static Evidence of(
      String measure,
      String column,
      double value,
      NullBand band,
      double tolerance,
      CollapseType cause,
      String detail) {
    double excess = Math.max(0, value - band.upper());
    double score = 100 * Math.max(0, Math.min(1, 1 - excess / tolerance));
    return new Evidence(measure, column, value, band, tolerance, score, cause, detail);
  }
}
