package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 storage against a real S3 API server on loopback (moto), started here when
 * SYNTHOS_TEST_MOTO_PYTHON names a Python that has moto (.ci/services.sh prints it).
 */
@Tag("integration")
class S3StorageTest {
  @TempDir static Path dir;
  static Process moto;
  static URI endpoint;

  @BeforeAll
  static void startMoto() throws Exception {
    String python = System.getenv("SYNTHOS_TEST_MOTO_PYTHON");
    if (python == null || python.isBlank()) {
      // Each test then reports itself skipped, with the reason.
      return;
    }
    int port = ChildProcesses.freePort();
    moto =
        ChildProcesses.start(
            List.of(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)),
            dir.resolve("moto.log"));
    ChildProcesses.awaitPort(port, moto, 30);
    endpoint = URI.create("http://127.0.0.1:" + port);
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      admin.createBucket(b -> b.bucket("synthos"));
      admin.createBucket(b -> b.bucket("data"));
      StringBuilder csv = new StringBuilder("a,b\n");
      for (int i = 0; i < 1000; i++) {
        csv.append(i).append(',').append(i % 7).append('\n');
      }
      admin.putObject(
          b -> b.bucket("data").key("in/remote.csv"), RequestBody.fromString(csv.toString()));
    }
  }

  @AfterAll
  static void stopMoto() throws Exception {
    ChildProcesses.stop(moto);
  }

  @BeforeEach
  void requireMoto() {
    assumeTrue(
        moto != null,
        "SYNTHOS_TEST_MOTO_PYTHON is not set: run .ci/services.sh to find a Python with moto");
  }

  static ServiceConfig.S3 config(URI at, int attempts) {
    return new ServiceConfig.S3(
        "synthos",
        Optional.of(at),
        "us-east-1",
        Optional.of(new ServiceConfig.Secret("test")),
        Optional.of(new ServiceConfig.Secret("test")),
        Duration.ofSeconds(5),
        attempts);
  }

  @Test
  void objectsRoundTripAndDownloadToATempFile() throws Exception {
    try (S3Storage s3 = new S3Storage(config(endpoint, 3))) {
      s3.check();
      s3.put("reports/x.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
      assertThat(new String(s3.get("reports/x.json"), StandardCharsets.UTF_8))
          .isEqualTo("{\"a\":1}");
      assertThat(s3.list("reports/")).containsExactly("reports/x.json");
      assertThat(s3.exists("reports/x.json")).isTrue();
      assertThat(s3.delete("reports/x.json")).isTrue();
      assertThat(s3.exists("reports/x.json")).isFalse();
      Path local = s3.fetch("s3://data/in/remote.csv", dir.resolve("tmp"));
      assertThat(local.getFileName().toString()).endsWith("remote.csv");
      assertThat(Files.readAllLines(local)).hasSize(1001);
    }
  }

  @Test
  void failuresAreClassifiedAndOnlyTransientOnesRetried() throws Exception {
    try (S3Storage s3 = new S3Storage(config(endpoint, 3))) {
      assertThatThrownBy(() -> s3.fetch("s3://data/absent.csv", dir))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
      assertThatThrownBy(() -> s3.fetch("s3://no-such-bucket/a.csv", dir))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
      assertThatThrownBy(() -> s3.fetch("s3:///nokey", dir))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
      assertThat(s3.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void anUnreachableServerIsRetriedThenTheBreakerOpens() throws Exception {
    URI dead = URI.create("http://127.0.0.1:" + ChildProcesses.freePort());
    RetryConfig fast =
        RetryConfig.custom()
            .maxAttempts(3)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(10, 2.0, 0.5))
            .retryOnException(e -> e instanceof SynthosException s && s.code().retryable())
            .build();
    try (S3Storage s3 = new S3Storage(config(dead, 3), fast)) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> s3.get("k"))
            .isInstanceOfSatisfying(
                SynthosException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
      }
      // 2 calls x 3 attempts = 6 recorded failures > the 5-call minimum at a 100% failure rate.
      assertThat(s3.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
      assertThatThrownBy(() -> s3.get("k")).hasMessageContaining("calls are paused");
    }
  }

  @Test
  void theServiceReadsS3Inputs() throws Exception {
    // Credentials come only from the environment or files: here a test environment map.
    ServiceConfig cfg =
        ServiceConfig.load(
            Optional.empty(),
            java.util.Map.of(
                "SYNTHOS_STORAGE_S3_ACCESS_KEY_ID",
                "test",
                "SYNTHOS_STORAGE_S3_SECRET_ACCESS_KEY",
                "test"),
            java.util.Map.of(
                "data_dir",
                dir.resolve("svc").toString(),
                "grpc.port",
                "0",
                "http.port",
                "0",
                "storage.s3.enabled",
                "true",
                "storage.s3.endpoint",
                endpoint.toString()));
    try (SynthosService s = SynthosService.start(cfg);
        JobStore store = Harness.store(cfg)) {
      JobManagerAccess.submitAndAwait(s, store, "s3://data/in/remote.csv", 1000);
    }
  }
}
