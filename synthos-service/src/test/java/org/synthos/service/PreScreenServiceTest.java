package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.service.SecuritySettings.Scope;
import org.synthos.v1.PreScreenRequest;
import org.synthos.v1.PreScreenResponse;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * {@code PreScreenRisk} and {@code POST /v1/prescreen}: not applicable, with the reason, on a fresh
 * service; after a job, the same dataset finds that job's validation at similarity 1, also after a
 * restart (the signature is stored beside the jobs, sealed), and one that cannot be unsealed is
 * left out rather than stopping the service; a caller sees only its own jobs' signatures unless
 * admin.
 */
@Tag("integration")
class PreScreenServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static HttpResponse<String> prescreen(SynthosService s, String body) throws Exception {
    return HttpCalls.send("http://127.0.0.1:" + s.httpPort(), "POST", "/v1/prescreen", body, null);
  }

  private static PreScreenResponse grpc(SynthosService s, String uri) {
    ManagedChannel ch =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", s.grpcPort(), InsecureChannelCredentials.create())
            .build();
    try {
      return ValidationServiceGrpc.newBlockingStub(ch)
          .withDeadlineAfter(60, TimeUnit.SECONDS)
          .preScreenRisk(PreScreenRequest.newBuilder().setDatasetUri(uri).build());
    } finally {
      ch.shutdownNow();
    }
  }

  @Test
  void aFreshServiceSaysNotApplicableThenFindsTheValidationItRan() throws Exception {
    Path pairs = Files.createDirectories(dir.resolve("storage/pairs"));
    Files.copy(Path.of("../examples/pairs/credit-g-candidate.csv"), pairs.resolve("c.csv"));
    Files.copy(Path.of("../examples/pairs/credit-g-reference.csv"), pairs.resolve("r.csv"));
    ServiceConfig config = Harness.config(dir);
    String jobId;
    try (SynthosService service = SynthosService.start(config)) {
      PreScreenResponse fresh = grpc(service, "pairs/c.csv");
      assertThat(fresh.hasNotApplicable()).isTrue();
      assertThat(fresh.getNotApplicable().getReason()).contains("library is empty");
      assertThat(fresh.getLibrarySize()).isZero();
      assertThat(fresh.getNeighboursCount()).isZero();
      assertThat(fresh.getFeaturesMap()).containsKey("duplicate_row_share");
      assertThat(fresh.getFeaturesMap().get("duplicate_row_share")).isGreaterThan(0.3);

      HttpResponse<String> none = prescreen(service, "{\"dataset_uri\":\"pairs/c.csv\"}");
      assertThat(none.statusCode()).isEqualTo(200);
      JsonNode na = JSON.readTree(none.body());
      assertThat(na.get("applicable").asBoolean()).isFalse();
      assertThat(na.get("reason").asText()).contains("library is empty");
      assertThat(na.has("estimate")).isFalse();

      String submit =
          "{\"dataset_uri\":\"pairs/c.csv\",\"reference_uri\":\"pairs/r.csv\",\"seed\":3}";
      HttpResponse<String> r =
          HttpCalls.send(
              "http://127.0.0.1:" + service.httpPort(), "POST", "/v1/validations", submit, null);
      assertThat(r.statusCode()).isEqualTo(202);
      jobId = JSON.readTree(r.body()).get("job_id").asText();
      JsonNode job =
          HttpCalls.awaitEnd(
              "http://127.0.0.1:" + service.httpPort(), jobId, null, Duration.ofSeconds(120));
      assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");

      JsonNode seen = JSON.readTree(prescreen(service, "{\"dataset_uri\":\"pairs/c.csv\"}").body());
      assertSeen(seen, jobId);
    }

    try (Connection c = DriverManager.getConnection(config.store().jdbcUrl(), "", "");
        ResultSet rs =
            c.createStatement().executeQuery("SELECT job_id, signature FROM synthos_signatures")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(jobId);
      assertThat(rs.getString(2)).startsWith(DataCipher.TEXT_PREFIX).doesNotContain("features");
      assertThat(rs.next()).isFalse();
    }

    try (SynthosService again = SynthosService.start(config)) {
      PreScreenResponse p = grpc(again, "pairs/c.csv");
      assertThat(p.hasEstimate()).isTrue();
      assertThat(p.getLibrarySize()).isEqualTo(1);
      assertThat(p.getNeighbours(0).getJobId()).isEqualTo(jobId);
      assertThat(p.getNeighbours(0).getSimilarity()).isEqualTo(1.0);
      assertThat(p.getNeighbours(0).getSameDataset()).isTrue();
      assertThat(p.getNeighbours(0).getDecision()).isEqualTo("reject");
      assertThat(p.getNeighbours(0).getCollapseTypesList()).contains("duplication");
      assertThat(p.getEstimate().getRisk()).isEqualTo(p.getNeighbours(0).getRisk());
      // One neighbour is one observation: the pre-screen is not confident on it.
      assertThat(p.getEstimate().getConfidentDecision()).isEmpty();
      assertThat(p.getEstimate().getRiskLow()).isZero();
      assertThat(p.getEstimate().getRiskHigh()).isEqualTo(100.0);

      HttpResponse<String> unknown =
          prescreen(again, "{\"dataset_uri\":\"pairs/c.csv\",\"limit\":3}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("unknown field 'limit'");
      HttpResponse<String> badK = prescreen(again, "{\"dataset_uri\":\"pairs/c.csv\",\"k\":5000}");
      assertThat(badK.statusCode()).isEqualTo(400);
      assertThat(badK.body()).contains("k must be 1 to 1000");
      HttpResponse<String> missing = prescreen(again, "{\"dataset_uri\":\"pairs/none.csv\"}");
      assertThat(missing.statusCode()).isEqualTo(400);
      assertThat(missing.body()).contains("FILE_NOT_FOUND");
      HttpResponse<String> escaping = prescreen(again, "{\"dataset_uri\":\"../../etc/passwd\"}");
      assertThat(escaping.statusCode()).isEqualTo(400);
      assertThat(
              HttpCalls.send(
                      "http://127.0.0.1:" + again.httpPort(), "GET", "/v1/prescreen", null, null)
                  .statusCode())
          .isEqualTo(400);
    }

    // A signature sealed under a key the keyset no longer holds is left out; the service starts.
    Files.delete(config.security().keysetFile());
    try (SynthosService rekeyed = SynthosService.start(config)) {
      PreScreenResponse p = grpc(rekeyed, "pairs/c.csv");
      assertThat(p.hasNotApplicable()).isTrue();
      assertThat(p.getLibrarySize()).isZero();
    }
  }

  @Test
  void aCallerSeesOnlyTheSignaturesOfItsOwnJobsUnlessAdmin() throws Exception {
    ServiceConfig cfg = Harness.config(dir, "auth.required", "true");
    ApiKeys keys = new ApiKeys(cfg.security().keysFile());
    String alice = keys.create("alice", Set.of(Scope.SUBMIT, Scope.READ), Optional.empty());
    String bob = keys.create("bob", Set.of(Scope.SUBMIT, Scope.READ), Optional.empty());
    String carol = keys.create("carol", Set.of(Scope.READ), Optional.empty());
    String root = keys.create("root", Set.of(Scope.ADMIN), Optional.empty());
    Harness.csv(dir.resolve("storage/data/small.csv"), 300, 3);
    try (SynthosService service = SynthosService.start(cfg)) {
      String base = "http://127.0.0.1:" + service.httpPort();
      String body = "{\"dataset_uri\":\"data/small.csv\"}";
      HttpResponse<String> r = HttpCalls.send(base, "POST", "/v1/validations", body, alice);
      assertThat(r.statusCode()).isEqualTo(202);
      String jobId = JSON.readTree(r.body()).get("job_id").asText();
      assertThat(
              HttpCalls.awaitEnd(base, jobId, alice, Duration.ofSeconds(120)).get("state").asText())
          .isEqualTo("SUCCEEDED");

      JsonNode own =
          JSON.readTree(HttpCalls.send(base, "POST", "/v1/prescreen", body, alice).body());
      assertSeen(own, jobId);
      JsonNode others =
          JSON.readTree(HttpCalls.send(base, "POST", "/v1/prescreen", body, bob).body());
      assertThat(others.get("applicable").asBoolean()).isFalse();
      assertThat(others.get("library_size").asInt()).isZero();
      assertThat(others.get("neighbours")).isEmpty();
      JsonNode all =
          JSON.readTree(HttpCalls.send(base, "POST", "/v1/prescreen", body, root).body());
      assertThat(all.get("neighbours").get(0).get("job_id").asText()).isEqualTo(jobId);
      assertThat(HttpCalls.send(base, "POST", "/v1/prescreen", body, carol).statusCode())
          .isEqualTo(403);
      assertThat(HttpCalls.send(base, "POST", "/v1/prescreen", body, null).statusCode())
          .isEqualTo(401);
    }
  }

  private static void assertSeen(JsonNode seen, String jobId) {
    assertThat(seen.get("applicable").asBoolean()).isTrue();
    assertThat(seen.get("library_size").asInt()).isEqualTo(1);
    JsonNode nearest = seen.get("neighbours").get(0);
    assertThat(nearest.get("job_id").asText()).isEqualTo(jobId);
    assertThat(nearest.get("similarity").asDouble()).isEqualTo(1.0);
    assertThat(nearest.get("same_dataset").asBoolean()).isTrue();
    assertThat(seen.get("dataset_sha256").asText())
        .isEqualTo(nearest.get("dataset_sha256").asText());
    // One neighbour: the Jeffreys posterior's mean is 3/4 towards its decision, never 0 or 1.
    double p = seen.at("/estimate/reject_probability").asDouble();
    assertThat(p).isEqualTo(nearest.get("decision").asText().equals("reject") ? 0.75 : 0.25);
  }
}
