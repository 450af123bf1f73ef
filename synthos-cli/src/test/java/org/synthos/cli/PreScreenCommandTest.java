package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.core.signature.SignatureFile;

/** {@code synthos prescreen} over a library that {@code synthos validate --library} fills. */
@Tag("integration")
class PreScreenCommandTest {
  private static final Path PAIRS = ValidateCommandTest.PAIRS;

  @Test
  void anEmptyLibraryIsNotApplicableWithTheReason(@TempDir Path dir) throws Exception {
    String candidate = PAIRS.resolve("credit-g-candidate.csv").toString();
    SynthosCliTest.Result text =
        SynthosCliTest.run("prescreen", candidate, "--library", dir.resolve("lib").toString());
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("Not applicable: the signature library is empty");

    SynthosCliTest.Result json =
        SynthosCliTest.run(
            "prescreen", candidate, "--library", dir.resolve("lib").toString(), "--json");
    JsonNode n = new ObjectMapper().readTree(json.out());
    assertThat(n.get("applicable").asBoolean()).isFalse();
    assertThat(n.get("reason").asText()).contains("empty");
    assertThat(n.get("library_size").asInt()).isZero();
    assertThat(n.has("estimate")).isFalse();
  }

  @Test
  void aValidatedDatasetIsItsOwnNearestSignature(@TempDir Path dir) throws Exception {
    Path lib = dir.resolve("lib");
    String candidate = PAIRS.resolve("credit-g-candidate.csv").toString();
    SynthosCliTest.Result v =
        SynthosCliTest.run(
            "validate",
            candidate,
            "--reference",
            ValidateCommandTest.REFERENCE,
            "--learn-budget",
            "0",
            "--library",
            lib.toString());
    assertThat(v.exit()).isEqualTo(SynthosCli.EXIT_REJECTED);
    assertThat(v.err()).contains("signature added to the library");
    assertThat(Files.readAllLines(SignatureFile.file(lib))).hasSize(1);

    SynthosCliTest.Result p =
        SynthosCliTest.run("prescreen", candidate, "--library", lib.toString(), "--json");
    assertThat(p.exit()).isZero();
    JsonNode n = new ObjectMapper().readTree(p.out());
    JsonNode nearest = n.get("neighbours").get(0);
    assertThat(nearest.get("similarity").asDouble()).isEqualTo(1.0);
    assertThat(nearest.get("same_dataset").asBoolean()).isTrue();
    assertThat(nearest.get("decision").asText()).isEqualTo("reject");
    assertThat(n.get("applicable").asBoolean()).isTrue();
    assertThat(n.get("estimate").get("risk").asDouble()).isEqualTo(nearest.get("risk").asDouble());

    SynthosCliTest.Result t =
        SynthosCliTest.run("prescreen", candidate, "--library", lib.toString());
    assertThat(t.out()).contains("Pre-risk").contains("(this very dataset)");
  }

  @Test
  void aBadKIsRefusedAsUsage(@TempDir Path dir) {
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "prescreen",
            PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--library",
            dir.toString(),
            "--k",
            "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--k must be 1 to 1000");
  }
}
