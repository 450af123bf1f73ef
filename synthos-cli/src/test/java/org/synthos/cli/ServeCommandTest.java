package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.ListRequest;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * {@code synthos certs} writes a CA, server and client certificates that a served gRPC port accepts
 * for mutual TLS, and {@code synthos serve}, run as a child JVM, answers readiness, runs a
 * validation over HTTP with the verdict and risk that {@code synthos validate} gives for the same
 * files and seed, and exits 0 on SIGTERM.
 */
@Tag("integration")
class ServeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void certsWritesAServerCertificateForEveryNameAndPrintsTheSettings() throws Exception {
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "certs", "--out", dir.toString(), "--days", "2", "--dns", "synthos.internal");
    assertThat(r.exit()).isZero();
    for (String f : List.of("ca.crt", "ca.key", "server.crt", "server.key", "client.crt")) {
      assertThat(r.out()).contains("wrote " + dir.resolve(f));
    }
    assertThat(r.out()).contains("client_ca: " + dir.resolve("ca.crt").toAbsolutePath());
    X509Certificate server;
    try (InputStream in = Files.newInputStream(dir.resolve("server.crt"))) {
      server = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    List<Object> names = new ArrayList<>();
    server.getSubjectAlternativeNames().forEach(n -> names.add(n.get(1)));
    assertThat(names).contains("localhost", "synthos.internal", "127.0.0.1");
    assertThat(server.getNotAfter().toInstant())
        .isBefore(java.time.Instant.now().plus(Duration.ofDays(3)));
    assertThat(SynthosCliTest.run("certs", "--out", dir.toString(), "--days", "0").exit())
        .isEqualTo(2);
  }

  @Test
  void serveRunsTheEngineBehindHttpWithMutualTlsOnGrpcAndStopsCleanly() throws Exception {
    Path certs = dir.resolve("certs");
    assertThat(SynthosCliTest.run("certs", "--out", certs.toString()).exit()).isZero();
    Path data = dir.resolve("data");
    Path pairs = Files.createDirectories(data.resolve("storage/pairs"));
    Path candidate = Path.of("../examples/pairs/credit-g-candidate.csv");
    Path reference = Path.of("../examples/pairs/credit-g-reference.csv");
    Files.copy(candidate, pairs.resolve("candidate.csv"));
    Files.copy(reference, pairs.resolve("reference.csv"));
    int grpcPort = freePort();
    int httpPort = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                SynthosCli.class.getName(),
                "serve",
                "--set",
                "data_dir=" + data,
                "--set",
                "grpc.port=" + grpcPort,
                "--set",
                "http.port=" + httpPort,
                "--set",
                "grpc.tls.cert=" + certs.resolve("server.crt"),
                "--set",
                "grpc.tls.key=" + certs.resolve("server.key"),
                "--set",
                "grpc.tls.client_ca=" + certs.resolve("ca.crt"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serve.log").toFile())
            .start();
    ManagedChannel channel = null;
    try {
      String base = "http://127.0.0.1:" + httpPort;
      awaitReady(base, serve);

      channel =
          Grpc.newChannelBuilderForAddress(
                  "localhost",
                  grpcPort,
                  TlsChannelCredentials.newBuilder()
                      .trustManager(certs.resolve("ca.crt").toFile())
                      .keyManager(
                          certs.resolve("client.crt").toFile(),
                          certs.resolve("client.key").toFile())
                      .build())
              .build();
      assertThat(
              ValidationServiceGrpc.newBlockingStub(channel)
                  .withDeadlineAfter(20, TimeUnit.SECONDS)
                  .list(ListRequest.getDefaultInstance())
                  .getJobsCount())
          .isZero();

      String submit =
          JSON.createObjectNode()
              .put("dataset_uri", "pairs/candidate.csv")
              .put("reference_uri", "pairs/reference.csv")
              .put("seed", 11)
              .toString();
      HttpResponse<String> accepted = post(base + "/v1/validations", submit);
      assertThat(accepted.statusCode()).isEqualTo(202);
      String id = JSON.readTree(accepted.body()).get("job_id").asText();
      JsonNode job = awaitEnd(base + "/v1/validations/" + id);
      assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
      JsonNode served = JSON.readTree(get(base + "/v1/validations/" + id + "/report").body());

      Path local = dir.resolve("local.json");
      SynthosCliTest.Result cli =
          SynthosCliTest.run(
              "validate",
              candidate.toString(),
              "--reference",
              reference.toString(),
              "--seed",
              "11",
              "--report",
              local.toString());
      assertThat(cli.exit()).isEqualTo(SynthosCli.EXIT_REJECTED);
      JsonNode direct = JSON.readTree(local.toFile());
      assertThat(served.at("/results/decision").asText()).isEqualTo("reject");
      assertThat(served.at("/results/risk_score").asDouble())
          .isEqualTo(direct.at("/results/risk_score").asDouble());
      assertThat(served.at("/results/root_causes")).isEqualTo(direct.at("/results/root_causes"));
      assertThat(served.at("/internal/engine_validation_id").asText())
          .isEqualTo(direct.get("validation_id").asText());
    } finally {
      if (channel != null) {
        channel.shutdownNow();
      }
      serve.destroy();
      boolean ended = serve.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      assertThat(ended).as("serve ended after SIGTERM").isTrue();
    }
    // Without the service's shutdown hook a SIGTERM ends the JVM with 143.
    assertThat(serve.exitValue()).as("exit status after SIGTERM").isZero();
  }

  private static void awaitReady(String base, Process serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive()).as("serve is running").isTrue();
      try {
        if (get(base + "/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not become ready within 60 s");
  }

  private static JsonNode awaitEnd(String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      JsonNode job = JSON.readTree(get(url).body());
      if (!job.get("state").asText().matches("QUEUED|RUNNING")) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(url + " did not end");
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
