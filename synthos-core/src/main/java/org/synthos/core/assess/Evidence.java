package org.synthos.core.assess;

import java.util.Locale;

/**
 * One sub-metric behind a dimension score.
 *
 * @param measure the measure, from the closed registry
 * @param subject the column or column pair it concerns, or the whole dataset
 * @param value the observed value (larger is worse)
 * @param nullBand the value expected from sampling noise alone
 * @param tolerance the excess over the band's upper edge that brings the sub-score to 0
 * @param score 100 * clamp(1 - max(0, value - upper) / tolerance, 0, 1)
 * @param cause the collapse type this measure indicates, or null when it cannot tell
 * @param detail a sentence for people
 * @param rows which rows the observed value was measured on
 */
public record Evidence(
    Measure measure,
    Subject subject,
    double value,
    NullBand nullBand,
    double tolerance,
    double score,
    CollapseType cause,
    String detail,
    RowScope rows) {

  /** Which rows an observed value was measured on. */
  public enum RowScope {
    /** Every row of both files (exact duplicates and copies, from the row hashes of the pass). */
    ALL,
    /** The analysed rows: every row, or the seeded sample of {@code max_rows} held per file. */
    ANALYSED,
    /** The neighbour sample: at most {@code multivariate_rows} of the analysed rows per side. */
    NEIGHBOUR_SAMPLE;

    /** The snake_case key written in reports. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Scores {@code value} against its band with the measure's tolerance and collapse type. */
  public static Evidence of(
      Measure measure, Subject subject, double value, NullBand band, String detail) {
    return of(measure, subject, value, band, measure.cause(), detail);
  }

  /** As above with another collapse type, e.g. a pair involving the time column. */
  public static Evidence of(
      Measure measure,
      Subject subject,
      double value,
      NullBand band,
      CollapseType cause,
      String detail) {
    double tolerance = measure.tolerance();
    double excess = Math.max(0, value - band.upper());
    double score = 100 * Math.max(0, Math.min(1, 1 - excess / tolerance));
    return new Evidence(
        measure, subject, value, band, tolerance, score, cause, detail, measure.rows());
  }

  /** The same evidence measured on other rows. */
  public Evidence onRows(RowScope scope) {
    return new Evidence(measure, subject, value, nullBand, tolerance, score, cause, detail, scope);
  }

  /** The report's label of the subject: null, a column name, or {@code "a ~ b"}. */
  public String column() {
    return subject.label();
  }
}
