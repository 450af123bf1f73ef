package org.synthos.core.signature;

import java.util.Locale;

/**
 * The closed list of profile features in a signature, in vector order. Each is a number in [0, 1]
 * computed from the candidate's one-pass profile alone (no reference), so the pre-screen can
 * compute it for a dataset it has never validated. A feature that has nothing to describe (no
 * categorical column for the category features, no numeric pair for the correlations) is 0, as
 * stated per constant.
 */
public enum Feature {
  NUMERIC_SHARE("share of columns that are integer or float"),
  CATEGORICAL_SHARE("share of columns that are boolean or categorical"),
  TEXT_SHARE("share of columns that are text or identifiers"),
  DATETIME_SHARE("share of columns that are datetimes"),
  LOG_ROWS("log10(1 + rows) / 8, at most 1"),
  LOG_COLUMNS("log10(1 + columns) / 3, at most 1"),
  NULL_SHARE("missing cells over all cells"),
  MAX_NULL_SHARE("the largest missing share of one column"),
  INVALID_SHARE("cells that did not parse as their column's type, over all cells"),
  DUPLICATE_ROW_SHARE("1 - distinct rows / rows, distinct rows from a HyperLogLog of row hashes"),
  DISTINCT_RATIO("mean over columns of distinct values / present values"),
  CONSTANT_COLUMN_SHARE("share of columns with at most one distinct value"),
  NUMERIC_DISTINCT_RATIO("mean distinct ratio of the numeric columns; 0 without one"),
  CATEGORY_ENTROPY(
      "mean normalised entropy H / ln(k) of the categorical columns with k >= 2 counted values;"
          + " 0 without one"),
  MODE_SHARE("mean share of the most frequent value of the categorical columns; 0 without one"),
  RARE_CATEGORY_SHARE(
      "mean share of rows in values below 1% of their categorical column; 0 without one"),
  SKEWNESS("mean over numeric columns of tanh(|g1| / 2); 0 without one"),
  KURTOSIS("mean over numeric columns of tanh(max(0, g2) / 5); 0 without one"),
  TAIL_RATIO(
      "mean over numeric columns of tanh((p99 - p01) / (p75 - p25) / 10), 1 when the IQR is 0;"
          + " 0 without one"),
  MEAN_ABS_CORRELATION("mean |Pearson r| over the profiled numeric pairs; 0 without one"),
  MAX_ABS_CORRELATION("largest |Pearson r| over the profiled numeric pairs; 0 without one"),
  TEXT_LENGTH("mean over text columns of tanh(mean length / 50); 0 without one");

  private final String description;

  Feature(String description) {
    this.description = description;
  }

  /** The stable snake_case key written in libraries and answers. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  /** Parses a {@link #key()}; null when unknown. */
  public static Feature fromKey(String key) {
    for (Feature f : values()) {
      if (f.key().equals(key)) {
        return f;
      }
    }
    return null;
  }
}
