package org.synthos.api;

/**
 * The logical type of a column, as inferred from data or given by the user.
 *
 * <p>Each logical type has exactly one physical representation in a {@link ColumnBatch}: see {@link
 * #physical()}.
 */
public enum ColumnType {
  /** Whole numbers that fit in a signed 64-bit integer. */
  INTEGER(Physical.LONG),
  /** Real numbers (IEEE 754 double). */
  FLOAT(Physical.DOUBLE),
  /** true/false, also written 1/0, yes/no, t/f. */
  BOOLEAN(Physical.BOOLEAN),
  /** A small set of labels. */
  CATEGORICAL(Physical.STRING),
  /** An instant, held as microseconds since 1970-01-01T00:00Z (local times are read as UTC). */
  DATETIME(Physical.LONG),
  /** Free text: long or high-cardinality strings. */
  TEXT(Physical.STRING),
  /** A unique key; excluded from distribution metrics but used for duplicate checks. */
  IDENTIFIER(Physical.STRING);

  /** How a column of this type is laid out in memory. */
  public enum Physical {
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING
  }

  private final Physical physical;

  ColumnType(Physical physical) {
    this.physical = physical;
  }

  public Physical physical() {
    return physical;
  }

  /** Whether values of this type are ordered numbers (integers, floats and instants). */
  public boolean isNumeric() {
    return physical == Physical.LONG || physical == Physical.DOUBLE;
  }

  /** The lower-case name used in reports and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses a {@link #label()}, case-insensitively, or one of the role names a user may type: {@code
   * id} (identifier), {@code category} (categorical), {@code numeric} (float).
   */
  public static ColumnType fromLabel(String label) {
    String l = label.trim();
    for (ColumnType t : values()) {
      if (t.label().equalsIgnoreCase(l)) {
        return t;
      }
    }
    if (l.equalsIgnoreCase("id")) {
      return IDENTIFIER;
    }
    if (l.equalsIgnoreCase("category")) {
      return CATEGORICAL;
    }
    if (l.equalsIgnoreCase("numeric")) {
      return FLOAT;
    }
    throw new SynthosException(
        ErrorCode.INVALID_ARGUMENT,
        "unknown column type '"
            + label
            + "'; expected one of integer, float, boolean, categorical, datetime, text,"
            + " identifier (or id, category, numeric)");
  }
}
