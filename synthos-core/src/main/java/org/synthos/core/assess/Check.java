package org.synthos.core.assess;

/**
 * A structural or intrinsic finding outside the eight dimensions: schema differences, invalid
 * cells, constant columns, mode concentration, outliers.
 *
 * @param kind which check, from the closed set
 * @param column the column concerned, or null
 * @param status pass, warn or fail
 * @param value the measured value
 * @param limit the policy limit it was compared with, or NaN when the check is informative only
 * @param detail one sentence for people
 */
public record Check(
    CheckKind kind, String column, Status status, double value, double limit, String detail) {

  /** The collapse type a failure indicates. */
  public CollapseType cause() {
    return kind.cause();
  }
}
