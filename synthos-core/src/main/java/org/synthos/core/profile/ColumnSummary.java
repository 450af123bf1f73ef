package org.synthos.core.profile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.synthos.api.ColumnType;
import org.synthos.core.state.Granularity;
import org.synthos.core.state.ValueCount;

/**
 * What a report shows about one column, derived from its states. Parts that do not apply to the
 * column type, or that have no values to describe, are empty rather than zero.
 *
 * @param name column name
 * @param type logical type
 * @param rows cells seen
 * @param nulls missing cells (invalid cells included)
 * @param invalid cells that did not parse as the type
 * @param distinct number of distinct non-null values
 * @param numeric moments and quantiles (integer, float, datetime in microseconds)
 * @param categories most frequent values (boolean, categorical, text)
 * @param text length statistics (text, identifier)
 * @param datetime range and granularity (datetime)
 */
public record ColumnSummary(
    String name,
    ColumnType type,
    long rows,
    long nulls,
    long invalid,
    Distinct distinct,
    Optional<Numeric> numeric,
    Optional<Categories> categories,
    Optional<Text> text,
    Optional<Datetime> datetime) {

  /**
   * Distinct count: exact when the category counts are exact, else the HLL estimate with a 95%
   * interval (two standard errors).
   */
  public record Distinct(double estimate, double lower, double upper, boolean exact) {}

  /** The quantiles a report shows; values are from the KLL sketch, within its rank error. */
  public record Quantiles(
      double p01, double p05, double p25, double p50, double p75, double p95, double p99) {}

  /**
   * Numeric statistics of the finite values.
   *
   * @param count finite values
   * @param std sample standard deviation (n - 1), empty below two values
   * @param skewness biased skewness g1 (scipy {@code skew}), empty if constant
   * @param excessKurtosis biased excess kurtosis g2 (scipy {@code kurtosis}), empty if constant
   * @param quantileRankError normalized rank error of the quantiles (99% confidence); 0 when exact
   */
  public record Numeric(
      long count,
      double min,
      double max,
      double mean,
      OptionalDouble std,
      OptionalDouble skewness,
      OptionalDouble excessKurtosis,
      Quantiles quantiles,
      double quantileRankError,
      long nanCount,
      long positiveInfinityCount,
      long negativeInfinityCount) {}

  /**
   * Category frequencies.
   *
   * @param top most frequent values, by count then value
   * @param total non-null values counted
   * @param approximate whether counts are sketch estimates (more distinct values than the cap)
   * @param maxError bound on each count's error; 0 when exact
   * @param distinct exact number of distinct values, empty when approximate
   */
  public record Categories(
      List<ValueCount> top, long total, boolean approximate, long maxError, OptionalLong distinct) {
    public Categories {
      top = List.copyOf(top);
    }
  }

  /** Length (Unicode code points) and whitespace-token statistics of the non-null strings. */
  public record Text(
      long count,
      double minLength,
      double meanLength,
      double maxLength,
      double meanTokens,
      double maxTokens) {}

  /** Range and finest unit of a datetime column (UTC). */
  public record Datetime(Instant min, Instant max, Granularity granularity) {}
}
