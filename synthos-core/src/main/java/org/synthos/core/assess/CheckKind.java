package org.synthos.core.assess;

import java.util.Locale;

/**
 * The closed set of structural and intrinsic checks, each with the collapse type its failure
 * indicates. Recommendations and localisation switch on these constants.
 */
public enum CheckKind {
  SCHEMA_MISSING_COLUMN(CollapseType.E_STRUCTURE, true),
  SCHEMA_EXTRA_COLUMN(CollapseType.E_STRUCTURE, true),
  SCHEMA_RETYPED_COLUMN(CollapseType.E_STRUCTURE, true),
  INVALID_CELLS(CollapseType.E_STRUCTURE, true),
  ALL_NULL_COLUMN(CollapseType.E_STRUCTURE, false),
  CONSTANT_COLUMN(CollapseType.A_DISTRIBUTION, false),
  MODE_CONCENTRATION(CollapseType.A_DISTRIBUTION, false),
  LOW_ENTROPY(CollapseType.A_DISTRIBUTION, false),
  OUTLIERS(CollapseType.E_STRUCTURE, false),
  OUT_OF_SUPPORT(CollapseType.E_STRUCTURE, false),
  SEGMENT_DRIFT(CollapseType.D_TEMPORAL, false);

  private final CollapseType cause;
  private final boolean schema;

  CheckKind(CollapseType cause, boolean schema) {
    this.cause = cause;
    this.schema = schema;
  }

  /** The stable snake_case key written in reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The collapse type a failure indicates. */
  public CollapseType cause() {
    return cause;
  }

  /** Whether only the producer of the file can fix it (schema differences, unreadable cells). */
  public boolean schema() {
    return schema;
  }

  /** Parses a {@link #key()}; null when unknown. */
  public static CheckKind fromKey(String key) {
    for (CheckKind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }
}
