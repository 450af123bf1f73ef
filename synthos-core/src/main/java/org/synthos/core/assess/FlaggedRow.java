package org.synthos.core.assess;

/**
 * A candidate row localisation holds responsible.
 *
 * @param row the one-based data row in the candidate file (header excluded)
 * @param cause why
 * @param group rows flagged together share a group (a duplicate group, a segment, a category); -1
 *     when the row stands alone
 * @param reason one sentence naming the evidence, e.g. the reference row it copies
 */
public record FlaggedRow(long row, Cause cause, long group, String reason) {}
