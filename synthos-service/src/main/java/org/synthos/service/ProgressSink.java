package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.ModelProgress;

/**
 * Where a running validation reports. Calls come from the job's worker thread. Implementations
 * throttle what they persist, so reporting every few thousand rows is cheap.
 */
public interface ProgressSink {
  /**
   * The job is in {@code stage}, {@code percent} (0 to 100) through the whole job, with {@code
   * rowsDone} rows read so far.
   */
  void progress(String stage, double percent, long rowsDone);

  /** {@code stage} finished with {@code result}, which becomes the latest stage result. */
  void stageDone(String stage, JsonNode result);

  /**
   * Returns when the job may go on; throws a {@link org.synthos.api.SynthosException} with code
   * CANCELLED or TIMEOUT when it must stop. Long loops call it often.
   */
  void checkpoint();

  /**
   * A proxy model of the learnability cascade has trained (from a training thread, one call at a
   * time). The runner calls {@link #checkpoint} first, so a cancelled job stops at a model
   * boundary.
   */
  default void modelTrained(ModelProgress model) {}

  /**
   * The sink of a synchronous call: no job to update; it stops (CANCELLED) once {@code callerGone}
   * says the caller went away, and passes each trained model to {@code models}.
   */
  static ProgressSink ofCall(BooleanSupplier callerGone, Consumer<ModelProgress> models) {
    return new ProgressSink() {
      @Override
      public void progress(String stage, double percent, long rowsDone) {}

      @Override
      public void stageDone(String stage, JsonNode result) {}

      @Override
      public void checkpoint() {
        if (callerGone.getAsBoolean()) {
          throw new SynthosException(ErrorCode.CANCELLED, "the caller went away");
        }
      }

      @Override
      public void modelTrained(ModelProgress model) {
        models.accept(model);
      }
    };
  }
}
