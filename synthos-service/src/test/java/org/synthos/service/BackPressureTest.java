package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.ErrorInfo;
import org.synthos.v1.SubmitRequest;
import org.synthos.v1.ValidationServiceGrpc;

/** Queue limits, timeouts, cancellation and graceful shutdown, with an engine held at a gate. */
@Tag("integration")
class BackPressureTest {
  @TempDir Path dir;

  /** Reports progress, then waits at a gate (checking for cancellation) before profiling. */
  static final class GateRunner implements ValidationRunner {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    private final ProfileRunner real = new ProfileRunner();

    @Override
    public Outcome run(Inputs inputs, ProgressSink progress) {
      progress.progress("gate", 1, 0);
      entered.countDown();
      try {
        while (!gate.await(20, TimeUnit.MILLISECONDS)) {
          progress.checkpoint();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return real.run(inputs, progress);
    }

    @Override
    public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
      return real.phase(phase, inputs, progress);
    }
  }

  private static JobRecord await(JobStore store, String id, JobState want)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Optional<JobRecord> j = store.get(id);
      if (j.isPresent() && j.get().state() == want) {
        return j.get();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("job " + id + " never reached " + want + ": " + store.get(id));
  }

  @Test
  void aFullQueueIsRefusedWithARetryHintOverHttpAndGrpc() throws Exception {
    Harness.csv(dir.resolve("storage/a.csv"), 100, 1);
    GateRunner gate = new GateRunner();
    ServiceConfig cfg = Harness.config(dir, "jobs.concurrency", "1", "jobs.queue_capacity", "1");
    try (SynthosService s = SynthosService.start(cfg, gate)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest post =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + "/v1/validations"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"dataset_uri\":\"a.csv\"}"))
              .build();
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
      assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
      HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("5");
      assertThat(refused.body()).contains("\"code\":3002").contains("\"retryable\":true");

      ManagedChannel ch =
          Grpc.newChannelBuilderForAddress(
                  "127.0.0.1", s.grpcPort(), InsecureChannelCredentials.create())
              .build();
      try {
        StatusRuntimeException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                StatusRuntimeException.class,
                () ->
                    ValidationServiceGrpc.newBlockingStub(ch)
                        .submit(SubmitRequest.newBuilder().setDatasetUri("a.csv").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        ErrorInfo info = e.getTrailers().get(ErrorMapping.ERROR_INFO_KEY);
        assertThat(info.getRetryable()).isTrue();
        assertThat(info.getRetryAfterSeconds()).isEqualTo(5);
      } finally {
        ch.shutdownNow();
      }
      gate.gate.countDown();
    }
  }

  @Test
  void timeoutsAndCancellationEndJobsWithTheirCodes() throws Exception {
    Harness.csv(dir.resolve("storage/a.csv"), 100, 1);
    GateRunner gate = new GateRunner();
    ServiceConfig cfg = Harness.config(dir, "jobs.concurrency", "1");
    ServiceMetrics metrics = new ServiceMetrics(ServiceMetrics.GpuProbe.none());
    try (JobStore store = Harness.store(cfg);
        StorageRouter storage = StorageRouter.from(cfg.storage())) {
      JobManager jobs =
          new JobManager(store, storage, gate, metrics, cfg.jobs(), dir.resolve("tmp"));
      jobs.start();
      ValidationRequest timed =
          new ValidationRequest(
              "a.csv",
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.of(Duration.ofMillis(300)),
              Optional.empty());
      JobRecord t = jobs.submit(timed);
      JobRecord queued = jobs.submit(ValidationRequest.of("a.csv"));
      assertThat(jobs.cancel(queued.id()).state()).isEqualTo(JobState.CANCELLED);
      JobRecord failed = await(store, t.id(), JobState.FAILED);
      assertThat(failed.error().orElseThrow().code()).isEqualTo(4001);

      JobRecord running = jobs.submit(ValidationRequest.of("a.csv"));
      await(store, running.id(), JobState.RUNNING);
      jobs.cancel(running.id());
      JobRecord cancelled = await(store, running.id(), JobState.CANCELLED);
      assertThat(cancelled.error().orElseThrow().name()).isEqualTo("CANCELLED");
      // The counters are updated just after the state change; give the worker a moment.
      String cancelledTwice =
          "synthos_validation_requests_total{dataset_format=\"csv\",status=\"cancelled\"} 2.0";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!metrics.scrape().contains(cancelledTwice) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(metrics.scrape())
          .contains("synthos_validation_errors_total{error_type=\"timeout\",stage=\"gate\"} 1.0")
          .contains(
              "synthos_validation_requests_total{dataset_format=\"csv\",status=\"cancelled\"} 2.0");
      jobs.shutdown(Duration.ZERO);
    }
  }

  @Test
  void shutdownRequeuesRunningJobsAndARestartFinishesThem() throws Exception {
    Harness.csv(dir.resolve("storage/a.csv"), 100, 1);
    GateRunner gate = new GateRunner();
    ServiceConfig cfg =
        Harness.config(dir, "jobs.concurrency", "1", "jobs.shutdown_grace_seconds", "0");
    String id;
    try (SynthosService s = SynthosService.start(cfg, gate)) {
      ManagedChannel ch =
          Grpc.newChannelBuilderForAddress(
                  "127.0.0.1", s.grpcPort(), InsecureChannelCredentials.create())
              .build();
      try {
        id =
            ValidationServiceGrpc.newBlockingStub(ch)
                .submit(SubmitRequest.newBuilder().setDatasetUri("a.csv").build())
                .getJobId();
      } finally {
        ch.shutdownNow();
      }
      assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    }
    try (JobStore store = Harness.store(cfg)) {
      assertThat(store.get(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
    }
    try (SynthosService restarted = SynthosService.start(cfg)) {
      assertThat(restarted.httpPort()).isPositive();
      try (JobStore store = Harness.store(cfg)) {
        JobRecord done = await(store, id, JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.rowsDone()).isEqualTo(100);
      }
    }
    // The stored report is encrypted at rest; the service's data key opens it.
    String key = "reports/" + id + ".json";
    byte[] sealed = java.nio.file.Files.readAllBytes(dir.resolve("storage").resolve(key));
    byte[] report = DataCipher.open(cfg.security()).decrypt(sealed, "storage:" + key);
    assertThat(new ObjectMapper().readTree(report).at("/provenance/candidate/rows").asInt())
        .isEqualTo(100);
  }
}
