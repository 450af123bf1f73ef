package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * What an operator's tools see of a fresh service: every seed series on the first scrape, counters
 * at zero for their known labels, and gRPC health following readiness.
 */
@Tag("integration")
class FirstScrapeAndHealthTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  private static String get(int port, String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void theFirstScrapeHasEverySeedSeriesAtZero() throws Exception {
    try (SynthosService s = SynthosService.start(Harness.config(dir, "jobs.queue_capacity", "7"))) {
      String text = get(s.httpPort(), "/metrics");
      for (String status : ServiceMetrics.STATUSES) {
        for (String format : ServiceMetrics.FORMATS) {
          assertThat(text)
              .contains(
                  "synthos_validation_requests_total{dataset_format=\""
                      + format
                      + "\",status=\""
                      + status
                      + "\"} 0.0");
        }
      }
      assertThat(ServiceMetrics.errorTypes()).contains("timeout", "internal", "ragged_row");
      for (String type : ServiceMetrics.errorTypes()) {
        for (String stage : ServiceMetrics.jobStages()) {
          assertThat(text)
              .contains(
                  "synthos_validation_errors_total{error_type=\""
                      + type
                      + "\",stage=\""
                      + stage
                      + "\"} 0.0");
        }
      }
      for (String transport : ServiceMetrics.UPLOAD_TRANSPORTS) {
        for (String status : ServiceMetrics.UPLOAD_STATUSES) {
          assertThat(text)
              .contains(
                  "synthos_uploads_total{status=\""
                      + status
                      + "\",transport=\""
                      + transport
                      + "\"} 0.0");
        }
      }
      assertThat(text)
          .contains("synthos_upload_bytes_total 0.0")
          .contains("synthos_phase_calls_total{phase=\"collapse\",status=\"ok\"} 0.0")
          .contains("synthos_phase_calls_total{phase=\"recommendations\",status=\"rejected\"} 0.0")
          .contains("synthos_audit_write_failures_total 0.0")
          .contains("synthos_readiness_failures_total 0.0")
          .contains("synthos_ready 1.0")
          .contains("synthos_queued_validations 0.0")
          .contains("synthos_queue_capacity 7.0")
          .contains("synthos_active_validations 0.0")
          .contains("synthos_validation_duration_seconds_bucket{stage=\"total\",le=\"1.0\"} 0")
          .contains("synthos_validation_duration_seconds_count{stage=\"recommendations\"} 0")
          .contains("synthos_dataset_rows_processed_count 0")
          .contains("synthos_collapse_score_count 0")
          .contains("synthos_diversity_score_count 0")
          .contains("synthos_cpu_percent")
          .contains("synthos_memory_used_bytes")
          .contains("jvm_memory_max_bytes{area=\"heap\"");

      // A body that never becomes a request is counted as invalid.
      HttpResponse<String> bad =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + s.httpPort() + "/v1/validations"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"nope\":1}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(get(s.httpPort(), "/metrics"))
          .contains(
              "synthos_validation_requests_total{dataset_format=\"unknown\",status=\"invalid\"}"
                  + " 1.0");
    }
  }

  @Test
  void grpcHealthFollowsReadiness() throws Exception {
    try (SynthosService s = SynthosService.start(Harness.config(dir))) {
      ManagedChannel channel =
          ManagedChannelBuilder.forAddress("127.0.0.1", s.grpcPort()).usePlaintext().build();
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        assertThat(status(health, "")).isEqualTo(ServingStatus.SERVING);
        assertThat(status(health, ValidationServiceGrpc.SERVICE_NAME))
            .isEqualTo(ServingStatus.SERVING);

        // The storage root disappears: the next periodic check turns both to NOT_SERVING.
        Path root = dir.resolve("storage");
        Path moved = dir.resolve("storage-away");
        Files.move(root, moved);
        awaitStatus(health, ServingStatus.NOT_SERVING);
        assertThat(get(s.httpPort(), "/health/ready")).contains("not ready");
        String text = get(s.httpPort(), "/metrics");
        assertThat(text)
            .contains("synthos_ready 0.0")
            .doesNotContain("synthos_readiness_failures_total 0.0");

        Files.move(moved, root);
        awaitStatus(health, ServingStatus.SERVING);
        assertThat(get(s.httpPort(), "/metrics")).contains("synthos_ready 1.0");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static ServingStatus status(HealthGrpc.HealthBlockingStub health, String service) {
    return health
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  private static void awaitStatus(HealthGrpc.HealthBlockingStub health, ServingStatus want)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * Readiness.PERIOD_SECONDS);
    while (status(health, "") != want && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(status(health, "")).isEqualTo(want);
    assertThat(status(health, ValidationServiceGrpc.SERVICE_NAME)).isEqualTo(want);
  }
}
