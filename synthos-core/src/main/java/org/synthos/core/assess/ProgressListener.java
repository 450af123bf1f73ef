package org.synthos.core.assess;

/**
 * Told when each stage starts, e.g. to draw a progress bar, and when each proxy model of the
 * learnability cascade has trained (with more than one thread the cascade trains beside the earlier
 * stages, so a model may be told before the learnability stage starts).
 */
@FunctionalInterface
public interface ProgressListener {
  /** {@code index} counts from 0 to {@code total - 1}. Called on the validating thread. */
  void stageStarted(Stage stage, int index, int total);

  /**
   * One proxy model of the learnability cascade has trained. Called from the training threads, one
   * call at a time, in the order the models finish, possibly while an earlier stage runs. Throwing
   * (e.g. because the job was cancelled) stops the cascade at the next model boundary: no further
   * model starts, and the validation ends with the exception.
   */
  default void modelTrained(ModelProgress model) {}

  /** A listener that ignores everything. */
  ProgressListener NONE = (stage, index, total) -> {};
}
