package org.synthos.core.assess;

import org.synthos.api.ColumnType;

/**
 * A column that candidate and reference do not share with the same type.
 *
 * @param column the column name
 * @param kind what differs
 * @param referenceType the reference's type, or null when missing there
 * @param candidateType the candidate's type, or null when missing there
 */
public record SchemaDifference(
    String column, Kind kind, ColumnType referenceType, ColumnType candidateType) {
  /** The kinds of difference. */
  public enum Kind {
    MISSING_IN_CANDIDATE,
    EXTRA_IN_CANDIDATE,
    RETYPED
  }
}
