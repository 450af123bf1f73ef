package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.service.SecuritySettings.Scope;

/**
 * The HTTP API with {@code auth.required}: 401 without or with an unknown key, 403 without the
 * scope, 202 with it; callers see only their own jobs unless admin; per-key rate limits give 429
 * with Retry-After and never 5xx; the audit trail verifies and breaks on a changed byte; nothing
 * under data_dir holds a report in clear.
 */
@Tag("integration")
class SecurityHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir static Path dir;
  static SynthosService service;
  static ApiKeys keys;
  static String base;
  static String submitter;
  static String other;
  static String reader;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    ServiceConfig cfg = Harness.config(dir, "auth.required", "true", "rate.read_per_second", "20");
    keys = new ApiKeys(cfg.security().keysFile());
    submitter = keys.create("alice", Set.of(Scope.SUBMIT, Scope.READ), Optional.empty());
    other = keys.create("bob", Set.of(Scope.SUBMIT, Scope.READ), Optional.empty());
    reader = keys.create("carol", Set.of(Scope.READ), Optional.empty());
    admin = keys.create("root", Set.of(Scope.ADMIN), Optional.empty());
    Harness.csv(dir.resolve("storage/data/small.csv"), 300, 3);
    service = SynthosService.start(cfg);
    base = "http://127.0.0.1:" + service.httpPort();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> send(String method, String path, String body, String key)
      throws Exception {
    return HttpCalls.send(base, method, path, body, key);
  }

  static final String SUBMIT = "{\"dataset_uri\":\"data/small.csv\"}";

  static String submit(String key) throws Exception {
    HttpResponse<String> r = send("POST", "/v1/validations", SUBMIT, key);
    assertThat(r.statusCode()).isEqualTo(202);
    return JSON.readTree(r.body()).get("job_id").asText();
  }

  static JsonNode awaitEnd(String id, String key) throws Exception {
    return HttpCalls.awaitEnd(base, id, key, Duration.ofSeconds(60));
  }

  @Test
  void uploadsNeedTheSubmitScopeStayWithTheirCallerAndAreAudited() throws Exception {
    String csv = Files.readString(dir.resolve("storage/data/small.csv"));
    assertThat(send("PUT", "/v1/datasets/up.csv", csv, reader).statusCode()).isEqualTo(403);
    HttpResponse<String> put = send("PUT", "/v1/datasets/up.csv", csv, submitter);
    assertThat(put.statusCode()).isEqualTo(201);
    String sha = JSON.readTree(put.body()).get("sha256").asText();
    assertThat(send("GET", "/v1/datasets/up.csv", null, submitter).statusCode()).isEqualTo(200);
    // Another caller's namespace holds no such upload, for reads and submissions alike.
    assertThat(send("GET", "/v1/datasets/up.csv", null, other).statusCode()).isEqualTo(404);
    String byRef = "{\"dataset_uri\":\"upload://up.csv\"}";
    HttpResponse<String> foreign = send("POST", "/v1/validations", byRef, other);
    assertThat(JSON.readTree(foreign.body()).at("/error/name").asText())
        .isEqualTo("FILE_NOT_FOUND");
    HttpResponse<String> own = send("POST", "/v1/validations", byRef, submitter);
    assertThat(own.statusCode()).isEqualTo(202);
    assertThat(
            awaitEnd(JSON.readTree(own.body()).get("job_id").asText(), submitter)
                .get("state")
                .asText())
        .isEqualTo("SUCCEEDED");
    String audit = Files.readString(dir.resolve("audit/audit.jsonl"));
    assertThat(audit)
        .contains("\"action\":\"upload\"")
        .contains("\"dataset\":\"upload://up.csv\",\"dataset_hash\":\"" + sha + "\"");
  }

  @Test
  void credentialsAndScopesDecideTheStatus() throws Exception {
    HttpResponse<String> none = send("POST", "/v1/validations", SUBMIT, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(JSON.readTree(none.body()).at("/error/name").asText()).isEqualTo("UNAUTHENTICATED");

    HttpResponse<String> unknown =
        send("POST", "/v1/validations", SUBMIT, ApiKeys.PREFIX + "x".repeat(43));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).doesNotContain("xxxxxxxx");

    HttpResponse<String> readOnly = send("POST", "/v1/validations", SUBMIT, reader);
    assertThat(readOnly.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(readOnly.body()).at("/error/code").asInt()).isEqualTo(1028);

    assertThat(send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/metrics", null, null).statusCode()).isEqualTo(200);
    submit(submitter);
  }

  @Test
  void callersSeeOnlyTheirOwnJobsUnlessAdmin() throws Exception {
    String mine = submit(submitter);
    assertThat(send("GET", "/v1/validations/" + mine, null, other).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/v1/validations/" + mine, null, other).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/v1/validations", null, other).body()).doesNotContain(mine);
    assertThat(send("GET", "/v1/validations", null, admin).body()).contains(mine);
    assertThat(send("GET", "/v1/validations/" + mine, null, admin).statusCode()).isEqualTo(200);
    JsonNode done = awaitEnd(mine, submitter);
    assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(send("GET", "/v1/validations/" + mine + "/report", null, other).statusCode())
        .isEqualTo(404);
    HttpResponse<String> report =
        send("GET", "/v1/validations/" + mine + "/report", null, submitter);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("schema_version");
  }

  @Test
  void aBurstPastTheRateLimitGets429WithRetryAfterAndNo5xx() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(base + "/v1/validations?limit=1"))
              .header("Authorization", "Bearer " + reader)
              .build();
      calls.add(CLIENT.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
    List<HttpResponse<String>> limited =
        responses.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(limited.get(0).headers().firstValue("Retry-After")).contains("1");
    assertThat(JSON.readTree(limited.get(0).body()).at("/error/name").asText())
        .isEqualTo("RATE_LIMITED");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() throws Exception {
    String key = keys.create("temp", Set.of(Scope.READ), Optional.empty());
    assertThat(send("GET", "/v1/validations?limit=1", null, key).statusCode()).isEqualTo(200);
    keys.revoke("temp");
    assertThat(send("GET", "/v1/validations?limit=1", null, key).statusCode()).isEqualTo(401);
  }

  @Test
  void theAuditTrailVerifiesAndNothingUnderTheDataDirHoldsAReportInClear() throws Exception {
    String id = submit(submitter);
    assertThat(awaitEnd(id, submitter).get("state").asText()).isEqualTo("SUCCEEDED");
    send("GET", "/v1/validations/" + id + "/report", null, submitter);
    send("POST", "/v1/validations", SUBMIT, null);

    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as("%s", f)
            .doesNotContain("schema_version");
      }
    }

    Path audit = dir.resolve("audit/audit.jsonl");
    String text = Files.readString(audit);
    assertThat(text)
        .contains("\"action\":\"config_loaded\"")
        .contains("\"action\":\"submit\"")
        .contains("\"action\":\"read_report\"")
        .contains("\"action\":\"auth_failure\"")
        .contains("\"identity\":\"key:alice\"")
        .doesNotContain(submitter);
    assertThat(AuditVerifier.verify(List.of(audit)).intact()).isTrue();

    Path copy = dir.resolve("audit-copy.jsonl");
    byte[] bytes = Files.readAllBytes(audit);
    int at = text.indexOf("\"action\":\"submit\"") + 11;
    bytes[at] ^= 1;
    Files.write(copy, bytes);
    AuditVerifier.Result broken = AuditVerifier.verify(List.of(copy));
    assertThat(broken.intact()).isFalse();
    assertThat(broken.message()).contains("was changed");
  }
}
