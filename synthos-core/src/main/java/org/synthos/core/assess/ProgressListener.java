package org.synthos.core.assess;

/** Told when each stage starts, e.g. to draw a progress bar. Called on the validating thread. */
@FunctionalInterface
public interface ProgressListener {
  /** {@code index} counts from 0 to {@code total - 1}. */
  void stageStarted(Stage stage, int index, int total);

  /** A listener that ignores everything. */
  ProgressListener NONE = (stage, index, total) -> {};
}
