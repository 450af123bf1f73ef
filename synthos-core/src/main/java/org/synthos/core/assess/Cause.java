package org.synthos.core.assess;

import java.util.Locale;

/** Why a row was flagged by localisation. */
public enum Cause {
  EXACT_DUPLICATE("exact duplicate of an earlier row"),
  NEAR_DUPLICATE("near copy of another row"),
  REFERENCE_COPY("copy of a reference row"),
  OFF_MANIFOLD("outside the reference's k-nearest-neighbour manifold or Mahalanobis range"),
  OUT_OF_SUPPORT("value outside the reference's range or categories"),
  DRIFTED_SEGMENT("in a segment that drifts from the rest"),
  OVER_REPRESENTED_MODE("in a category over-represented relative to the reference"),
  REPEATED_TEXT("text equal or nearly equal (MinHash) to an earlier candidate row's text"),
  TEMPLATED_TEXT(
      "text whose head (every word but the last) is over-represented relative to the reference,"
          + " the text itself absent from the reference");

  private final String description;

  Cause(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
