package org.synthos.core.profile;

/**
 * Told how many rows have been profiled so far. Called from worker threads, one call at a time,
 * with non-decreasing totals; keep it cheap.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = rowsDone -> {};

  void rowsDone(long rowsDone);
}
