package org.synthos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.ValidationResult;

/**
 * Certificates of approval: a JSON document whose {@code payload} holds the dataset's SHA-256, the
 * scores, the policy and the time, and whose {@code signature} is Ed25519 over the payload's
 * canonical bytes (keys sorted at every level, compact, numbers as written). The signer's public
 * key travels in the certificate; pass a trusted key to {@link #verify} to pin the signer.
 */
public final class Certificates {
  /** Version of the certificate layout. */
  public static final String CERTIFICATE_VERSION = "1";

  private Certificates() {}

  /**
   * Issues a certificate for an approved validation. The candidate's file SHA-256 must be known
   * (give it in {@code DatasetSource}; synthos-io's {@code DatasetFile} and {@code FileDigests}
   * compute it).
   */
  public static byte[] issue(ValidationResult r, SigningKey key, Instant issuedAt) {
    if (r.verdict().decision() != Decision.APPROVE) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "the dataset was rejected, so no certificate is issued");
    }
    if (r.candidate().sha256() == null) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "a certificate needs the candidate file's SHA-256, which was not given");
    }
    ObjectNode payload = Json.object();
    payload.put("type", "synthos-dataset-certificate");
    payload.put("certificate_version", CERTIFICATE_VERSION);
    payload.put("issued_at", issuedAt.toString());
    payload.put("validation_id", r.validationId());
    payload.put("dataset_id", r.datasetId());
    ObjectNode dataset = payload.putObject("dataset");
    dataset.put("uri", r.candidate().uri());
    dataset.put("sha256", r.candidate().sha256());
    dataset.put("size_bytes", r.candidate().sizeBytes());
    dataset.put("rows", r.candidate().rows());
    if (r.reference() == null) {
      payload.putNull("reference");
    } else {
      ObjectNode ref = payload.putObject("reference");
      ref.put("uri", r.reference().uri());
      ref.put("fingerprint", r.reference().fingerprint());
    }
    payload.put("decision", r.verdict().decision().key());
    Json.put(payload, "risk_score", r.verdict().riskScore());
    payload.put("risk_level", r.verdict().riskLevel().key());
    Json.put(payload, "confidence", r.verdict().confidence());
    ObjectNode scores = payload.putObject("scores");
    for (DimensionResult d : r.dimensions()) {
      if (d instanceof DimensionResult.Scored s) {
        Json.put(scores, d.dimension().key(), s.score());
      } else {
        scores.putNull(d.dimension().key());
      }
    }
    payload.set("policy", JsonReport.policy(r.options().policy()));
    payload.put("seed", r.options().seed());
    payload.put("engine_version", r.engineVersion());

    ObjectNode cert = Json.object();
    cert.set("payload", payload);
    ObjectNode sig = cert.putObject("signature");
    sig.put("algorithm", SigningKey.ALGORITHM);
    sig.put("public_key", key.publicKeyBase64());
    sig.put("value", Base64.getEncoder().encodeToString(sign(Json.canonical(payload), key)));
    return Json.prettyBytes(cert);
  }

  /** Writes a certificate file. */
  public static void write(byte[] certificate, Path out) {
    try {
      Files.write(out, certificate);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot write the certificate: " + e.getMessage(),
          Location.ofFile(out.toString()),
          e);
    }
  }

  /**
   * Checks a certificate file against a dataset: the signature over the payload, the dataset's
   * SHA-256, and, when {@code trusted} is present, that the signer is that key. Malformed
   * certificates raise {@link ErrorCode#INVALID_CERTIFICATE}.
   *
   * @param datasetSha256 hex SHA-256 of the dataset file's bytes, from synthos-io's {@code
   *     FileDigests.sha256}: this module reads no dataset, so it never hashes one itself
   */
  public static Verification verify(
      Path certificate, String datasetSha256, Optional<PublicKey> trusted) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(certificate);
    } catch (NoSuchFileException e) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND,
          "certificate not found",
          Location.ofFile(certificate.toString()),
          e);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot read the certificate: " + e.getMessage(),
          Location.ofFile(certificate.toString()),
          e);
    }
    return verify(bytes, certificate.toString(), datasetSha256, trusted);
  }

  /** As {@link #verify(Path, Path, Optional)}, with the dataset's SHA-256 given in hex. */
  public static Verification verify(
      byte[] certificate,
      String certificateName,
      String datasetSha256,
      Optional<PublicKey> trusted) {
    JsonNode cert;
    try {
      cert = Json.EXACT.readTree(certificate);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INVALID_CERTIFICATE,
          "the certificate is not JSON",
          Location.ofFile(certificateName),
          e);
    }
    JsonNode payload = cert == null ? null : cert.get("payload");
    JsonNode sig = cert == null ? null : cert.get("signature");
    if (payload == null
        || !payload.isObject()
        || sig == null
        || !sig.path("value").isTextual()
        || !sig.path("public_key").isTextual()
        || !payload.path("dataset").path("sha256").isTextual()) {
      throw new SynthosException(
          ErrorCode.INVALID_CERTIFICATE,
          "the certificate lacks a payload, a dataset SHA-256 or a signature",
          Location.ofFile(certificateName));
    }
    if (!SigningKey.ALGORITHM.equals(sig.path("algorithm").asText())) {
      throw new SynthosException(
          ErrorCode.INVALID_CERTIFICATE,
          "unsupported signature algorithm '" + sig.path("algorithm").asText() + "'",
          Location.ofFile(certificateName));
    }
    PublicKey embedded = SigningKey.decodePublic(sig.get("public_key").asText());
    boolean signatureValid;
    try {
      Signature s = Signature.getInstance(SigningKey.ALGORITHM);
      s.initVerify(embedded);
      s.update(Json.canonical(payload));
      signatureValid = s.verify(Base64.getDecoder().decode(sig.get("value").asText()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      signatureValid = false;
    }
    boolean fingerprint =
        payload.path("dataset").path("sha256").asText().equalsIgnoreCase(datasetSha256);
    boolean trustedSigner =
        trusted
            .map(k -> java.util.Arrays.equals(k.getEncoded(), embedded.getEncoded()))
            .orElse(true);
    String reason;
    if (!signatureValid) {
      reason = "the signature does not match the certificate's contents (altered or forged)";
    } else if (!fingerprint) {
      reason =
          "the dataset's SHA-256 differs from the certified one (the file changed or is another file)";
    } else if (!trustedSigner) {
      reason = "the certificate was signed by a key other than the trusted one";
    } else {
      reason =
          "valid: "
              + payload.path("decision").asText()
              + " at risk "
              + payload.path("risk_score").asText()
              + ", issued "
              + payload.path("issued_at").asText();
    }
    return new Verification(
        signatureValid && fingerprint && trustedSigner,
        signatureValid,
        fingerprint,
        trustedSigner,
        reason);
  }

  private static byte[] sign(byte[] data, SigningKey key) {
    try {
      Signature s = Signature.getInstance(SigningKey.ALGORITHM);
      s.initSign(key.privateKey());
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new SynthosException(ErrorCode.INTERNAL, "cannot sign: " + e.getMessage(), null, e);
    }
  }
}
