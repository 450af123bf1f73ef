package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.JobRef;
import org.synthos.v1.PhaseRequest;
import org.synthos.v1.PhaseResponse;
import org.synthos.v1.Report;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * HTTP uploads and what is done with them: {@code PUT /v1/datasets/NAME} with and without a
 * checksum header, status by {@code GET} and {@code HEAD}, refusals that leave nothing, and the
 * credit-g pair submitted by {@code upload://} reference to SUCCEEDED, whose typed report and typed
 * phase answers hold the JSON's values.
 */
@Tag("integration")
class UploadSubmitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static SynthosService service;
  static ManagedChannel channel;
  static byte[] candidate;
  static byte[] reference;

  @BeforeAll
  static void start() throws Exception {
    service = SynthosService.start(Harness.config(dir, "uploads.max_bytes", "100000"));
    channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", service.grpcPort(), InsecureChannelCredentials.create())
            .build();
    candidate = Files.readAllBytes(Path.of("../examples/pairs/credit-g-candidate.csv"));
    reference = Files.readAllBytes(Path.of("../examples/pairs/credit-g-reference.csv"));
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    service.close();
  }

  static ValidationServiceGrpc.ValidationServiceBlockingStub grpc() {
    return ValidationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  static HttpResponse<String> put(String name, byte[] body, String header, String sha)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.httpPort() + "/v1/datasets/" + name))
            .timeout(Duration.ofSeconds(20))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (header != null) {
      b.header(header, sha);
    }
    return HttpCalls.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> call(String method, String path, String body) throws Exception {
    return HttpCalls.send("http://127.0.0.1:" + service.httpPort(), method, path, body, null);
  }

  @Test
  void anUploadedPairRunsToSucceededWithATypedReportEqualToTheJson() throws Exception {
    String sha = UploadGrpcTest.sha256(candidate, candidate.length);
    HttpResponse<String> r = put("cand.csv", candidate, "Content-SHA256", sha);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).contains("/v1/datasets/cand.csv");
    JsonNode stored = JSON.readTree(r.body());
    assertThat(stored.get("dataset_ref").asText()).isEqualTo("upload://cand.csv");
    assertThat(stored.get("sha256").asText()).isEqualTo(sha);
    // S3's base64 form of the header, and no header at all, are accepted too.
    String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha));
    assertThat(put("cand-b64.csv", candidate, "X-Checksum-SHA256", base64).statusCode())
        .isEqualTo(201);
    assertThat(put("ref.csv", reference, null, null).statusCode()).isEqualTo(201);

    JsonNode status = JSON.readTree(call("GET", "/v1/datasets/ref.csv", null).body());
    assertThat(status.get("complete").asBoolean()).isTrue();
    assertThat(status.get("size_bytes").asLong()).isEqualTo(reference.length);
    HttpResponse<String> head = call("HEAD", "/v1/datasets/cand.csv", null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("X-Checksum-SHA256")).contains(sha);

    HttpResponse<String> submitted =
        call(
            "POST",
            "/v1/validations",
            "{\"dataset_uri\":\"upload://cand.csv\",\"reference_uri\":\"upload://ref.csv\","
                + "\"seed\":7}");
    assertThat(submitted.statusCode()).isEqualTo(202);
    String id = JSON.readTree(submitted.body()).get("job_id").asText();
    JsonNode job =
        HttpCalls.awaitEnd(
            "http://127.0.0.1:" + service.httpPort(), id, null, Duration.ofSeconds(120));
    assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");

    Report report = grpc().getReport(JobRef.newBuilder().setJobId(id).build());
    JsonNode json = JSON.readTree(report.getJson());
    assertThat(report.hasTyped()).isTrue();
    assertThat(json.at("/provenance/candidate/uri").asText()).isEqualTo("upload://cand.csv");
    assertThat(json.at("/provenance/candidate/sha256").asText()).isEqualTo(sha);
    assertThat(report.getTyped().getVerdict().getDecision()).isEqualTo("reject");
    assertThat(report.getTyped().getLearnability().getTargetsCount()).isPositive();
    TypedAgreement.report(report.getTyped(), json);
  }

  @Test
  void phaseCallsOnUploadsCarryTypedFieldsEqualToTheirJson() throws Exception {
    assertThat(put("p-cand.csv", candidate, null, null).statusCode()).isEqualTo(201);
    assertThat(put("p-ref.csv", reference, null, null).statusCode()).isEqualTo(201);
    PhaseRequest req =
        PhaseRequest.newBuilder()
            .setDatasetUri("upload://p-cand.csv")
            .setReferenceUri("upload://p-ref.csv")
            .setSeed(7)
            .build();

    PhaseResponse collapse = grpc().detectCollapse(req);
    JsonNode c = JSON.readTree(collapse.getResultJson());
    TypedAgreement.verdict(collapse.getVerdict(), c);
    assertThat(collapse.getVerdict().getCollapseScore())
        .isEqualTo(c.get("collapse_score").asDouble());
    TypedAgreement.dimensions(collapse.getDimensionsList(), c.get("dimensions"));
    assertThat(collapse.getValidationId()).isEqualTo(c.get("validation_id").asText());

    PhaseResponse diversity = grpc().analyzeDiversity(req);
    JsonNode d = JSON.readTree(diversity.getResultJson());
    assertThat(diversity.getDimensionsCount()).isEqualTo(1);
    TypedAgreement.dimension(diversity.getDimensions(0), d.get("diversity_retention"));
    TypedAgreement.number(
        "diversity_score",
        d.get("diversity_score"),
        diversity::hasDiversityScore,
        diversity::getDiversityScore);

    PhaseResponse where = grpc().localizeProblems(req);
    JsonNode w = JSON.readTree(where.getResultJson());
    TypedAgreement.localisation(where.getLocalisation(), w.get("localisation"));
    assertThat(where.getFlaggedRowsTotal()).isEqualTo(w.get("flagged_rows_total").asLong());
    assertThat(where.getFlaggedRowsCount()).isEqualTo(w.get("flagged_rows").size()).isPositive();
    assertThat(where.getFlaggedRows(0).getRow()).isEqualTo(w.at("/flagged_rows/0/row").asLong());
    assertThat(where.getFlaggedRows(0).getCause())
        .isEqualTo(w.at("/flagged_rows/0/cause").asText());

    PhaseResponse recs = grpc().generateRecommendations(req);
    JsonNode rj = JSON.readTree(recs.getResultJson());
    TypedAgreement.recommendations(recs.getRecommendationsList(), rj.get("recommendations"));
    assertThat(recs.getVerdict().getDecision()).isEqualTo(rj.get("decision").asText());

    PhaseResponse predictions = grpc().getPredictions(req);
    JsonNode pj = JSON.readTree(predictions.getResultJson());
    TypedAgreement.learnability(predictions.getLearnability(), pj.get("learnability"));
    TypedAgreement.dimension(predictions.getDimensions(0), pj.get("learnability_dimension"));
  }

  @Test
  void aRefusedHttpUploadLeavesNothing() throws Exception {
    String wrong = UploadGrpcTest.sha256(candidate, 10);
    HttpResponse<String> bad = put("bad.csv", candidate, "Content-SHA256", wrong);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(bad.body()).at("/error/name").asText()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(call("GET", "/v1/datasets/bad.csv", null).statusCode()).isEqualTo(404);
    assertThat(call("HEAD", "/v1/datasets/bad.csv", null).statusCode()).isEqualTo(404);

    HttpResponse<String> big = put("big.csv", new byte[100_001], null, null);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(big.body()).at("/error/code").asInt()).isEqualTo(1031);
    assertThat(call("GET", "/v1/datasets/big.csv", null).statusCode()).isEqualTo(404);

    assertThat(put("..", candidate, null, null).statusCode()).isEqualTo(400);
    assertThat(
            call("POST", "/v1/validations", "{\"dataset_uri\":\"upload://never.csv\"}")
                .statusCode())
        .isEqualTo(400);

    String metrics = call("GET", "/metrics", null).body();
    assertThat(metrics)
        .contains("synthos_uploads_total{status=\"checksum_mismatch\",transport=\"http\"} 1.0")
        .contains("synthos_uploads_total{status=\"too_large\",transport=\"http\"} 1.0");
  }
}
