package org.synthos.core.assess;

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
 */
public record Evidence(
    Measure measure,
    Subject subject,
    double value,
    NullBand nullBand,
    double tolerance,
    double score,
    CollapseType cause,
    String detail) {

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
    return new Evidence(measure, subject, value, band, tolerance, score, cause, detail);
  }

  /** The report's label of the subject: null, a column name, or {@code "a ~ b"}. */
  public String column() {
    return subject.label();
  }
}
