package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.io.ReadOptions;
import org.synthos.report.PolicyFiles;

/**
 * The service runs the same engine as {@code synthos validate}: the bundled credit-g pair, with a
 * seed and a policy document from the request, gives the verdict and risk that {@link Validator}
 * gives in process, and the metrics record what it measured.
 */
@Tag("integration")
class AssessmentRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY =
      "name: strict-privacy\n"
          + "dimensions:\n"
          + "  memorisation_privacy: {warn_below: 95, fail_below: 90}\n";
  @TempDir static Path dir;
  static SynthosService service;
  static Path candidate;
  static Path reference;

  @BeforeAll
  static void start() throws Exception {
    Path pairs = Files.createDirectories(dir.resolve("storage/pairs"));
    candidate =
        Files.copy(
            Path.of("../examples/pairs/credit-g-candidate.csv"), pairs.resolve("candidate.csv"));
    reference =
        Files.copy(
            Path.of("../examples/pairs/credit-g-reference.csv"), pairs.resolve("reference.csv"));
    service = SynthosService.start(Harness.config(dir));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return HttpCalls.send("http://127.0.0.1:" + service.httpPort(), method, path, body, null);
  }

  @Test
  void aJobGivesTheVerdictAndRiskOfTheEngineWithTheRequestsSeedAndPolicy() throws Exception {
    String submit =
        JSON.createObjectNode()
            .put("dataset_uri", "pairs/candidate.csv")
            .put("reference_uri", "pairs/reference.csv")
            .put("policy", POLICY)
            .put("seed", 7)
            .toString();
    HttpResponse<String> r = send("POST", "/v1/validations", submit);
    assertThat(r.statusCode()).isEqualTo(202);
    String id = JSON.readTree(r.body()).get("job_id").asText();
    JsonNode job = awaitEnd(id);
    assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.get("seed").asLong()).isEqualTo(7);
    assertThat(job.get("rows_done").asLong()).isEqualTo(1000);

    JsonNode report = JSON.readTree(send("GET", "/v1/validations/" + id + "/report", null).body());
    ValidationResult direct =
        Validator.validate(
            new ValidationInput(
                AssessmentRunner.source(
                    candidate, candidate.toString(), ReadOptions.defaults(), stats -> {}),
                AssessmentRunner.source(
                    reference, reference.toString(), ReadOptions.defaults(), stats -> {})),
            ValidationOptions.defaults()
                .withSeed(7)
                .withPolicy(PolicyFiles.parse(POLICY, "policy")),
            org.synthos.core.assess.ProgressListener.NONE);
    assertThat(report.at("/results/decision").asText()).isEqualTo("reject");
    assertThat(report.at("/results/risk_score").asDouble())
        .isCloseTo(direct.verdict().riskScore(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(report.at("/internal/engine_validation_id").asText())
        .isEqualTo(direct.validationId());
    assertThat(report.at("/provenance/policy/name").asText()).isEqualTo("strict-privacy");
    assertThat(report.at("/provenance/candidate/uri").asText()).isEqualTo("pairs/candidate.csv");

    String metrics = send("GET", "/metrics", null).body();
    assertThat(metric(metrics, "synthos_collapse_score_sum"))
        .isCloseTo(100 - direct.verdict().riskScore(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(metric(metrics, "synthos_dataset_rows_processed_sum")).isEqualTo(1000);
  }

  private static JsonNode awaitEnd(String id) throws Exception {
    return HttpCalls.awaitEnd(
        "http://127.0.0.1:" + service.httpPort(), id, null, Duration.ofSeconds(60));
  }

  private static double metric(String scrape, String name) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new AssertionError(name + " not in the scrape");
  }
}
