package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class ValidateCommandTest {
  static final Path PAIRS = Path.of("..", "examples", "pairs");
  static final String REFERENCE = PAIRS.resolve("credit-g-reference.csv").toString();

  @Test
  void theBundledDefectiveCandidateIsRejectedWithItsDuplicatesFlagged(@TempDir Path dir)
      throws IOException {
    Path report = dir.resolve("report.json");
    Path flagged = dir.resolve("flagged.csv");
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "validate",
            PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--reference",
            REFERENCE,
            "--report",
            report.toString(),
            "--rows-out",
            flagged.toString());
    assertThat(r.exit()).isEqualTo(SynthosCli.EXIT_REJECTED);
    assertThat(r.out()).startsWith("REJECTED").contains("diversity retention").contains("FAIL");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.toString()).contains("reject");
    String rows = Files.readString(flagged, StandardCharsets.UTF_8);
    assertThat(rows.lines().findFirst()).hasValue("row,cause,group,reason");
    assertThat(rows).contains("exact_duplicate");
    assertThat(rows.lines().count()).isGreaterThan(150);
  }

  @Test
  void theUntouchedRealHalfIsApprovedAndCertified(@TempDir Path dir) {
    Path cert = dir.resolve("cert.json");
    Path key = dir.resolve("key.pem");
    Path candidate = PAIRS.resolve("credit-g-real-half.csv");
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "validate",
            candidate.toString(),
            "--reference",
            REFERENCE,
            "--certificate",
            cert.toString(),
            "--key",
            key.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("APPROVED");
    assertThat(cert).exists();

    SynthosCliTest.Result ok =
        SynthosCliTest.run(
            "verify-certificate",
            cert.toString(),
            candidate.toString(),
            "--public-key",
            key.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).startsWith("VALID");

    SynthosCliTest.Result other =
        SynthosCliTest.run("verify-certificate", cert.toString(), REFERENCE);
    assertThat(other.exit()).isEqualTo(SynthosCli.EXIT_REJECTED);
    assertThat(other.out()).startsWith("INVALID");
  }

  @Test
  void theSameInputsAndSeedGiveTheSameReportTimestampsAside(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String cand = PAIRS.resolve("credit-g-candidate.csv").toString();
    SynthosCliTest.run("validate", cand, "--reference", REFERENCE, "--report", a.toString());
    SynthosCliTest.run("validate", cand, "--reference", REFERENCE, "--report", b.toString());
    assertThat(withoutClocks(a)).isEqualTo(withoutClocks(b));
  }

  @Test
  void injectSplitsIntoDisjointHalvesAndAppliesTheDefect(@TempDir Path dir) throws IOException {
    Path cand = dir.resolve("cand.csv");
    Path ref = dir.resolve("ref.csv");
    SynthosCliTest.Result r =
        SynthosCliTest.run(
            "inject",
            Path.of("..", "examples", "penguins.csv").toString(),
            "--defect",
            "exact_duplicates",
            "--severity",
            "0.5",
            "--out",
            cand.toString(),
            "--reference-out",
            ref.toString());
    assertThat(r.exit()).isZero();
    long candRows = Files.readAllLines(cand).size() - 1;
    long refRows = Files.readAllLines(ref).size() - 1;
    assertThat(candRows + refRows).isEqualTo(344);
    long distinct = Files.readAllLines(cand).stream().skip(1).distinct().count();
    assertThat(distinct).isLessThan(candRows * 3 / 4);
  }

  @Test
  void unknownDefectAndMissingReferenceAreUserErrors(@TempDir Path dir) {
    SynthosCliTest.Result d =
        SynthosCliTest.run(
            "inject",
            Path.of("..", "examples", "penguins.csv").toString(),
            "--defect",
            "sparkle",
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(d.exit()).isEqualTo(2);
    assertThat(d.err()).contains("unknown defect 'sparkle'");
    SynthosCliTest.Result m =
        SynthosCliTest.run(
            "validate",
            PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--reference",
            "nope.csv");
    assertThat(m.exit()).isEqualTo(2);
    assertThat(m.err().lines()).hasSize(1);
    assertThat(m.err()).contains("nope.csv");
  }

  @Test
  void filesOpenedAtOnceReportTheCandidatesFailureFirst(@TempDir Path dir) {
    // Both missing: the candidate's error, as opening them in turn would give.
    SynthosCliTest.Result both =
        SynthosCliTest.run(
            "validate",
            dir.resolve("no-candidate.csv").toString(),
            "--reference",
            dir.resolve("no-reference.csv").toString());
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err().lines()).hasSize(1);
    assertThat(both.err()).contains("no-candidate.csv").doesNotContain("no-reference.csv");
    // A readable candidate and a broken reference: the reference's error.
    Path empty = dir.resolve("empty-reference.csv");
    SynthosCliTest.Result ref =
        SynthosCliTest.run(
            "validate",
            PAIRS.resolve("credit-g-candidate.csv").toString(),
            "--reference",
            writeEmpty(empty).toString());
    assertThat(ref.exit()).isEqualTo(2);
    assertThat(ref.err().lines()).hasSize(1);
    assertThat(ref.err()).contains("empty-reference.csv");
  }

  private static Path writeEmpty(Path file) {
    try {
      return Files.writeString(file, "", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutClocks(Path report) throws IOException {
    return Files.readString(report, StandardCharsets.UTF_8)
        .replaceAll("\"[a-z_]*(_at|time_seconds|millis|seconds)\" : [^,\\n]*", "\"$1\" : X");
  }
}
