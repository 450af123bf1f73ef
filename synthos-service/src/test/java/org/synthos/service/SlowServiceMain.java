package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The service with the profile engine slowed down (250 ms per progress report, one per batch), so
 * that a test can kill or stop the process in the middle of a job. Arguments: data_dir grpc_port
 * http_port.
 */
public final class SlowServiceMain {
  private SlowServiceMain() {}

  public static void main(String[] args) {
    ServiceConfig cfg =
        ServiceConfig.load(
            Optional.empty(),
            System.getenv(),
            Map.of(
                "data_dir", args[0],
                "grpc.port", args[1],
                "http.port", args[2],
                "jobs.concurrency", "1",
                "jobs.shutdown_grace_seconds", "0"));
    ProfileRunner real = new ProfileRunner();
    ValidationRunner slow =
        new ValidationRunner() {
          @Override
          public Outcome run(Inputs inputs, ProgressSink progress) {
            return real.run(inputs, slowed(progress));
          }

          @Override
          public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
            return real.phase(phase, inputs, progress);
          }
        };
    SynthosService.serve(cfg, slow);
  }

  static ProgressSink slowed(ProgressSink inner) {
    return new ProgressSink() {
      @Override
      public void progress(String stage, double percent, long rowsDone) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inner.progress(stage, percent, rowsDone);
      }

      @Override
      public void stageDone(String stage, JsonNode result) {
        inner.stageDone(stage, result);
      }

      @Override
      public void checkpoint() {
        inner.checkpoint();
      }
    };
  }
}
