package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;

@Tag("unit")
class CertificatesTest {
  private static final Instant ISSUED = Instant.parse("2026-11-28T08:30:00Z");

  /**
   * The dataset's digest as a caller hands it in (synthos-io computes it in production; the report
   * module may not depend on synthos-io, so the test hashes with the JDK directly).
   */
  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** An approved validation whose candidate is a real file, so its SHA-256 can be checked. */
  private static ValidationResult approvedFile(Path file) throws Exception {
    Files.writeString(file, "income,spend,segment\n1,2,a\n");
    ColumnBatch cand = Fixtures.table(600, 1);
    ColumnBatch ref = Fixtures.table(600, 2);
    DatasetSource c =
        new DatasetSource(
            file.toString(),
            cand.schema(),
            () -> List.of(cand).iterator(),
            sha256(file),
            Files.size(file));
    return Validator.validate(
        ValidationInput.of(c, Fixtures.source("reference.csv", ref, "ffee".repeat(16))),
        ValidationOptions.defaults(),
        ProgressListener.NONE,
        Fixtures.CLOCK);
  }

  @Test
  void issuedCertificateVerifiesAgainstTheDataset(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data.csv");
    ValidationResult r = approvedFile(data);
    SigningKey key = SigningKey.loadOrCreate(dir.resolve("keys/synthos.pem"));
    Path cert = dir.resolve("cert.json");
    Certificates.write(Certificates.issue(r, key, ISSUED), cert);

    Verification v = Certificates.verify(cert, sha256(data), Optional.of(key.publicKey()));

    assertThat(v.valid()).as(v.reason()).isTrue();
    assertThat(v.reason()).startsWith("valid: approve");
    ObjectNode json = (ObjectNode) Json.EXACT.readTree(cert.toFile());
    assertThat(json.at("/payload/dataset/sha256").asText()).isEqualTo(sha256(data));
    assertThat(json.at("/payload/scores/learnability").isNumber()).isTrue();
    assertThat(json.at("/payload/policy/max_risk").asDouble()).isEqualTo(60);
    assertThat(json.at("/payload/issued_at").asText()).isEqualTo("2026-11-28T08:30:00Z");
    assertThat(json.at("/signature/algorithm").asText()).isEqualTo("Ed25519");
  }

  @Test
  void reformattingKeepsTheSignatureButAnyEditBreaksIt(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data.csv");
    ValidationResult r = approvedFile(data);
    SigningKey key = SigningKey.generate();
    byte[] cert = Certificates.issue(r, key, ISSUED);
    String sha = sha256(data);

    byte[] compact = Json.COMPACT.writeValueAsBytes(Json.EXACT.readTree(cert));
    assertThat(Certificates.verify(compact, "c.json", sha, Optional.empty()).valid()).isTrue();

    String forged =
        new String(cert, StandardCharsets.UTF_8)
            .replace("\"decision\" : \"approve\"", "\"decision\" : \"approved\"");
    assertThat(forged).isNotEqualTo(new String(cert, StandardCharsets.UTF_8));
    Verification v =
        Certificates.verify(
            forged.getBytes(StandardCharsets.UTF_8), "c.json", sha, Optional.empty());
    assertThat(v.valid()).isFalse();
    assertThat(v.signatureValid()).isFalse();
  }

  @Test
  void anotherFileOrAnotherSignerFails(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data.csv");
    ValidationResult r = approvedFile(data);
    SigningKey key = SigningKey.generate();
    Path cert = dir.resolve("cert.json");
    Certificates.write(Certificates.issue(r, key, ISSUED), cert);

    Files.writeString(data, "income,spend,segment\n1,2,b\n");
    Verification changed = Certificates.verify(cert, sha256(data), Optional.empty());
    assertThat(changed.valid()).isFalse();
    assertThat(changed.signatureValid()).isTrue();
    assertThat(changed.fingerprintMatches()).isFalse();
    assertThat(changed.reason()).contains("SHA-256");

    Verification untrusted =
        Certificates.verify(
            Files.readAllBytes(cert),
            "cert.json",
            sha256(dir.resolve("data.csv")),
            Optional.of(SigningKey.generate().publicKey()));
    assertThat(untrusted.signerTrusted()).isFalse();
  }

  @Test
  void keyFileIsCreatedOnceAndReused(@TempDir Path dir) {
    Path file = dir.resolve("k.pem");
    SigningKey a = SigningKey.loadOrCreate(file);
    SigningKey b = SigningKey.loadOrCreate(file);
    assertThat(b.publicKey().getEncoded()).isEqualTo(a.publicKey().getEncoded());
    assertThat(b.privateKey().getEncoded()).isEqualTo(a.privateKey().getEncoded());
  }

  @Test
  void rejectedDatasetsGetNoCertificateAndGarbageIsInvalid(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Certificates.issue(Fixtures.rejected(), SigningKey.generate(), ISSUED))
        .hasMessageContaining("rejected");
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"payload\": 1}");
    Path data = dir.resolve("d.csv");
    Files.writeString(data, "x\n");
    assertThatThrownBy(() -> Certificates.verify(junk, sha256(data), Optional.empty()))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CERTIFICATE));
  }
}
