package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Stage;
import org.synthos.core.assess.ValidationResult;

@Tag("unit")
class JsonReportTest {
  private static byte[] withoutVolatile(byte[] json) throws Exception {
    ObjectNode tree = (ObjectNode) Json.EXACT.readTree(json);
    JsonReport.volatileFields().forEach(tree::remove);
    return Json.prettyBytes(tree);
  }

  @Test
  void sameInputsAndSeedGiveTheSameBytesApartFromTimestampsAndTimings() throws Exception {
    byte[] a = JsonReport.toBytes(Fixtures.rejected());
    byte[] b = JsonReport.toBytes(Fixtures.rejected());
    assertThat(withoutVolatile(a)).isEqualTo(withoutVolatile(b));
    // With a fixed clock only the timings may differ.
    String sa = new String(a, StandardCharsets.UTF_8);
    assertThat(sa.substring(0, sa.indexOf("\"internal\"")))
        .isEqualTo(new String(b, StandardCharsets.UTF_8).substring(0, sa.indexOf("\"internal\"")));
  }

  @Test
  void reportCarriesIdsProvenanceVerdictAndEveryDimension() throws Exception {
    ValidationResult r = Fixtures.rejected();
    JsonNode j = Json.EXACT.readTree(JsonReport.toBytes(r));

    assertThat(j.get("schema_version").asText()).isEqualTo(JsonReport.SCHEMA_VERSION);
    assertThat(j.get("validation_id").asText()).isEqualTo(r.validationId());
    assertThat(j.get("dataset_id").asText()).startsWith("ds-");
    assertThat(j.get("created_at").asText()).isEqualTo("2026-11-28T08:00:00Z");
    assertThat(j.at("/provenance/candidate/sha256").asText()).isEqualTo("c3d4".repeat(16));
    assertThat(j.at("/provenance/candidate/rows").asLong()).isEqualTo(600);
    assertThat(j.at("/provenance/candidate/schema/0/type").asText()).isEqualTo("float");
    assertThat(j.at("/provenance/policy/dimensions/distribution_fidelity/fail_below").asDouble())
        .isEqualTo(60);
    assertThat(j.at("/provenance/seed").asLong()).isEqualTo(42);
    assertThat(j.at("/results/decision").asText()).isEqualTo("reject");
    assertThat(j.at("/results/risk_score").asDouble()).isBetween(0.0, 100.0);
    assertThat(j.at("/results/risk_level").asText()).isIn("low", "medium", "high");
    assertThat(j.at("/results/root_causes/0/type").asText()).isEqualTo("a_distribution");
    for (Dimension d : Dimension.values()) {
      assertThat(j.at("/results/dimensions/" + d.key() + "/status").asText()).isNotEmpty();
    }
    // income predicts spend, so spend is learned; the shrunk candidate's model predicts too narrow
    // a range of it: beyond what noise alone gives, so it costs the learnability score points.
    JsonNode collapse = null;
    for (JsonNode e : j.at("/results/dimensions/learnability/evidence")) {
      if (e.get("measure").asText().equals("prediction_collapse")) {
        collapse = e;
      }
    }
    assertThat(collapse).isNotNull();
    assertThat(collapse.get("column").asText()).isEqualTo("spend");
    assertThat(collapse.get("value").asDouble())
        .isGreaterThan(collapse.at("/null_band/upper").asDouble());
    assertThat(j.at("/results/dimensions/learnability/score").asDouble()).isLessThan(100);
    assertThat(j.at("/results/not_judged").size()).isZero();
    assertThat(j.at("/results/learnability/targets/0/column").asText()).isEqualTo("spend");
    assertThat(j.at("/results/learnability/targets/0/metric").asText()).isEqualTo("r2");
    assertThat(j.at("/results/learnability/targets/0/curves/1/fit/predict_at").asLong())
        .isEqualTo(6000);
    assertThat(j.at("/results/learnability/device").asText()).isEqualTo("cpu");
    assertThat(
            j.at("/results/dimensions/diversity_retention/evidence/0/null_band/replicates").asInt())
        .isPositive();
    assertThat(j.at("/results/dimensions/diversity_retention/evidence/0/rows").asText())
        .isIn("all", "analysed", "neighbour_sample");
    assertThat(j.at("/internal/stages")).hasSize(Stage.values().length);
    assertThat(j.at("/results/recommendations")).isNotEmpty();
    assertThat(new String(JsonReport.toBytes(r), StandardCharsets.UTF_8))
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }
}
