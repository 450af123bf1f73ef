package org.synthos.core.assess;

/**
 * A structural or intrinsic finding outside the eight dimensions: schema differences, invalid
 * cells, constant columns, mode concentration, outliers.
 *
 * @param name stable name, e.g. {@code invalid_cells}
 * @param column the column concerned, or null
 * @param status pass, warn or fail
 * @param value the measured value
 * @param limit the policy limit it was compared with, or NaN when the check is informative only
 * @param cause the collapse type a failure indicates
 * @param detail one sentence for people
 */
public record Check(
    String name,
    String column,
    Status status,
    double value,
    double limit,
    CollapseType cause,
    String detail) {}
