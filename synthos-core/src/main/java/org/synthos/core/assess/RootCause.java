package org.synthos.core.assess;

/**
 * A collapse type and its share of the total score deficit (100 minus each evidence score, summed
 * over the evidence of warning and failing dimensions and over failing checks).
 */
public record RootCause(CollapseType type, double share) {}
