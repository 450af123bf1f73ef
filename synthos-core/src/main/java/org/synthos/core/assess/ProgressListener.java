package org.synthos.core.assess;

/**
 * Told when each stage starts, e.g. to draw a progress bar, and, within the learnability stage,
 * when each proxy model has trained.
 */
@FunctionalInterface
public interface ProgressListener {
  /** {@code index} counts from 0 to {@code total - 1}. Called on the validating thread. */
  void stageStarted(Stage stage, int index, int total);

  /**
   * One proxy model of the learnability cascade has trained. Called from the training threads, one
   * call at a time, in the order the models finish. Throwing (e.g. because the job was cancelled)
   * stops the cascade at the next model boundary: no further model starts, and the validation ends
   * with the exception.
   */
  default void modelTrained(ModelProgress model) {}

  /** A listener that ignores everything. */
  ProgressListener NONE = (stage, index, total) -> {};
}
