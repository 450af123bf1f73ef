package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir static Path dir;
  static SynthosService service;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    service = SynthosService.start(Harness.config(dir));
    base = "http://127.0.0.1:" + service.httpPort();
    Harness.csv(dir.resolve("storage/data/small.csv"), 500, 7);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HttpCalls.send(base, method, path, body, null);
  }

  static JsonNode awaitEnd(String id) throws Exception {
    return HttpCalls.awaitEnd(base, id, null, Duration.ofSeconds(30));
  }

  @Test
  void submitThenReportFromTheRealProfile() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/v1/validations",
            "{\"dataset_uri\":\"data/small.csv\",\"validation_id\":\"v-1\"}");
    assertThat(r.statusCode()).isEqualTo(202);
    String id = JSON.readTree(r.body()).get("job_id").asText();
    assertThat(r.headers().firstValue("Location")).contains("/v1/validations/" + id);
    JsonNode job = awaitEnd(id);
    assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.get("rows_done").asLong()).isEqualTo(500);
    assertThat(job.get("percent").asDouble()).isEqualTo(100.0);

    HttpResponse<String> report = send("GET", "/v1/validations/" + id + "/report", null);
    assertThat(report.statusCode()).isEqualTo(200);
    JsonNode rep = JSON.readTree(report.body());
    assertThat(rep.get("validation_id").asText()).isEqualTo("v-1");
    assertThat(rep.get("job_id").asText()).isEqualTo(id);
    assertThat(rep.at("/provenance/candidate/rows").asLong()).isEqualTo(500);
    assertThat(rep.at("/results/decision").asText()).isIn("approve", "reject");
    assertThat(rep.at("/results/risk_score").asDouble()).isBetween(0.0, 100.0);
    // No reference: the comparisons with real data are not judged, and say why.
    assertThat(rep.at("/results/not_judged")).isNotEmpty();
    assertThat(rep.at("/internal/stages")).hasSize(9);
    HttpResponse<String> predictions = send("GET", "/v1/validations/" + id + "/predictions", null);
    assertThat(predictions.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(predictions.body()).at("/learnability/not_applicable").asText())
        .contains("reference");
    assertThat(rep.at("/internal/engine_validation_id").asText()).startsWith("val-");

    HttpResponse<String> html = send("GET", "/v1/validations/" + id + "/report?format=html", null);
    assertThat(html.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("diversity retention");
    HttpResponse<String> byAccept =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/validations/" + id + "/report"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(byAccept.body()).isEqualTo(html.body());
  }

  @Test
  void badRequestsMapToClientErrors() throws Exception {
    HttpResponse<String> notJson = send("POST", "/v1/validations", "{oops");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).at("/error/code").asInt()).isEqualTo(1005);

    HttpResponse<String> missing = send("POST", "/v1/validations", "{\"target\":\"y\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("dataset_uri is required");

    HttpResponse<String> unknownField =
        send("POST", "/v1/validations", "{\"dataset_uri\":\"a.csv\",\"x\":1}");
    assertThat(unknownField.statusCode()).isEqualTo(400);

    // Refused at submission, not queued to fail later.
    HttpResponse<String> traversal =
        send("POST", "/v1/validations", "{\"dataset_uri\":\"../../etc/passwd\"}");
    assertThat(traversal.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(traversal.body()).at("/error/code").asInt()).isEqualTo(1003);
    assertThat(send("GET", "/v1/validations", null).body()).doesNotContain("etc/passwd");
    String unknownTarget =
        send("POST", "/v1/validations", "{\"dataset_uri\":\"data/small.csv\",\"target\":\"nope\"}")
            .body();
    JsonNode failed = awaitEnd(JSON.readTree(unknownTarget).get("job_id").asText());
    assertThat(failed.at("/error/name").asText()).isEqualTo("UNKNOWN_COLUMN");

    HttpResponse<String> unknownId = send("GET", "/v1/validations/no-such-job", null);
    assertThat(unknownId.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknownId.body()).at("/error/name").asText()).isEqualTo("NOT_FOUND");
    assertThat(send("DELETE", "/v1/validations/no-such-job", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/v1/validations/no-such-job/report", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/nothing-here", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/v1/validations?state=DONE", null).statusCode()).isEqualTo(400);
    assertThat(send("GET", "/v1/validations?limit=0", null).statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/v1/validations/x", null).statusCode()).isEqualTo(400);
    JsonNode failedOnly =
        JSON.readTree(send("GET", "/v1/validations?state=failed&limit=5", null).body());
    assertThat(failedOnly.get("jobs"))
        .isNotEmpty()
        .allSatisfy(j -> assertThat(j.get("state").asText()).isEqualTo("FAILED"));
  }

  @Test
  void parquetInputsGoThroughTheSameEngine() throws Exception {
    java.nio.file.Path csv = dir.resolve("storage/data/small.csv");
    java.nio.file.Path parquet = dir.resolve("storage/data/small.parquet");
    try (org.synthos.io.DatasetReader in =
            org.synthos.io.Datasets.open(csv, org.synthos.io.ReadOptions.defaults());
        org.synthos.io.DatasetWriter out =
            org.synthos.io.DatasetWriters.parquet(parquet, in.schema())) {
      in.next().ifPresent(out::write);
    }
    String body =
        send("POST", "/v1/validations", "{\"dataset_uri\":\"data/small.parquet\"}").body();
    JsonNode job = awaitEnd(JSON.readTree(body).get("job_id").asText());
    assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.get("rows_done").asLong()).isEqualTo(500);
    JsonNode rep =
        JSON.readTree(
            send("GET", "/v1/validations/" + job.get("job_id").asText() + "/report", null).body());
    assertThat(rep.at("/internal/dataset_format").asText()).isEqualTo("parquet");
    assertThat(rep.at("/provenance/candidate/rows").asLong()).isEqualTo(500);
    assertThat(rep.at("/provenance/candidate/schema/1/type").asText()).isEqualTo("float");
  }

  @Test
  void missingFileIsRefusedAtSubmission() throws Exception {
    HttpResponse<String> missing =
        send("POST", "/v1/validations", "{\"dataset_uri\":\"data/absent.csv\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).at("/error/code").asInt()).isEqualTo(1001);
    HttpResponse<String> missingReference =
        send(
            "POST",
            "/v1/validations",
            "{\"dataset_uri\":\"data/small.csv\",\"reference_uri\":\"data/none.csv\"}");
    assertThat(missingReference.statusCode()).isEqualTo(400);
    assertThat(missingReference.body()).contains("data/none.csv");
  }

  @Test
  void openApiHealthAndMetrics() throws Exception {
    JsonNode api = JSON.readTree(send("GET", "/openapi.json", null).body());
    assertThat(api.at("/paths").has("/v1/validations/{id}/report")).isTrue();
    assertThat(api.at("/paths/~1v1~1datasets~1{name}").has("put")).isTrue();
    assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    HttpResponse<String> m = send("GET", "/metrics", null);
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body())
        .contains("synthos_active_validations")
        .contains("synthos_validation_duration_seconds_bucket")
        .contains("synthos_dataset_rows_processed")
        .contains("synthos_collapse_score_count")
        .contains("synthos_diversity_score_count")
        .contains("synthos_cpu_percent")
        .contains("synthos_memory_used_bytes");
    if (ServiceMetrics.GpuProbe.query(ServiceMetrics.GpuProbe.NVIDIA_SMI).isEmpty()) {
      assertThat(m.body()).doesNotContain("synthos_gpu_");
    } else {
      assertThat(m.body()).contains("synthos_gpu_utilization_percent{gpu_id=");
    }
  }
}
