package org.synthos.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.io.FileDigests;
import org.synthos.report.Certificates;
import org.synthos.report.SigningKey;
import org.synthos.report.Verification;

/** The command line: its exit codes are {@code synthos validate}'s, its reports the engine's. */
@Tag("integration")
class SparkValidateMainTest {
  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SparkValidateMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRejectedCandidateExitsWithThreeAndWritesBothReports(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("r.json");
    Path html = dir.resolve("r.html");
    Path rows = dir.resolve("rows.csv");
    Path cert = dir.resolve("cert.json");
    Result r =
        run(
            "validate",
            SparkFixture.PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--reference",
            SparkFixture.PAIRS.resolve("credit-g-reference.csv").toString(),
            "--report",
            json.toString(),
            "--html",
            html.toString(),
            "--learn-budget",
            "0",
            "--master",
            "local[2]",
            "--progress",
            "--rows-out",
            rows.toString(),
            "--certificate",
            cert.toString(),
            "--key",
            dir.resolve("key.pem").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(SparkValidateMain.EXIT_REJECTED);
    assertThat(Files.readAllLines(rows).get(0)).isEqualTo("row,cause,group,reason");
    assertThat(Files.readString(rows)).contains("exact_duplicate");
    assertThat(cert).doesNotExist();
    assertThat(r.err()).contains("no certificate written");
    // One line per stage for a caller that follows the job (the service's hand-off).
    assertThat(r.err())
        .contains(SparkValidateMain.PROGRESS_PREFIX + "profile 0 ")
        .contains(SparkValidateMain.PROGRESS_PREFIX + "decision ");
    assertThat(r.out()).startsWith("REJECT").contains("diversity retention").contains("FAIL");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.path("results").path("decision").asText()).isEqualTo("reject");
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("<html");
  }

  @Test
  void anApprovedCandidateIsCertifiedForItsFile(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.json");
    Path key = dir.resolve("key.pem");
    Path candidate = SparkFixture.PAIRS.resolve("credit-g-real-half.csv");
    Result r =
        run(
            "validate",
            candidate.toString(),
            "--reference",
            SparkFixture.PAIRS.resolve("credit-g-reference.csv").toString(),
            "--learn-budget",
            "0",
            "--master",
            "local[2]",
            "--certificate",
            cert.toString(),
            "--key",
            key.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(SparkValidateMain.EXIT_OK);
    Verification v =
        Certificates.verify(
            cert, FileDigests.sha256(candidate), Optional.of(SigningKey.loadPublic(key)));
    assertThat(v.valid()).isTrue();
  }

  @Test
  void rowsOutOtherThanCsvIsRefusedBeforeSparkStarts(@TempDir Path dir) {
    Result r =
        run(
            "validate",
            SparkFixture.PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--rows-out",
            dir.resolve("rows.parquet").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("UNSUPPORTED_FORMAT").contains(".csv");
  }

  @Test
  void anUnknownLearningTierIsBadUsageBeforeSparkStarts() {
    Result r =
        run(
            "validate",
            SparkFixture.PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--learn-tiers",
            "linear,forest");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("INVALID_ARGUMENT").contains("'forest'").contains("gbt_small");
  }

  @Test
  void badInputExitsWithTwoBeforeSparkStarts() {
    Result r = run("validate", "no-such-file.csv", "--master", "local[2]");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("FILE_NOT_FOUND").contains("no-such-file.csv");
  }

  @Test
  void badUsageExitsWithTwo() {
    Result r = run("validate");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("CANDIDATE");
  }

  @Test
  void aRaggedCsvIsBadInput(@TempDir Path dir) throws IOException {
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "a,b\n1,2\n3\n", StandardCharsets.UTF_8);
    Result r = run("validate", ragged.toString(), "--master", "local[2]");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("row");
  }
}
