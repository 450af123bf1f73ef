package org.synthos.core.state;

/**
 * A value and its count. For an approximate {@link FrequencyState} the count is an estimate whose
 * error is at most {@code maxError}; for an exact one {@code maxError} is 0.
 */
public record ValueCount(String value, long count, long maxError) {}
