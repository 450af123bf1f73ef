package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;

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

  /** A sink that keeps no progress and runs {@code checkpoint} at each check. */
  static ProgressSink quiet(Runnable checkpoint) {
    return new ProgressSink() {
      @Override
      public void progress(String stage, double percent, long rowsDone) {}

      @Override
      public void stageDone(String stage, JsonNode result) {}

      @Override
      public void checkpoint() {
        checkpoint.run();
      }
    };
  }
}
