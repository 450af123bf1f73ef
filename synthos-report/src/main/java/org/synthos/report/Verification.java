package org.synthos.report;

/**
 * The outcome of checking a certificate against a dataset.
 *
 * @param valid signature, fingerprint and (when a trusted key was given) signer all check out
 * @param signatureValid the signature matches the certificate's payload and embedded key
 * @param fingerprintMatches the dataset's SHA-256 equals the certified one
 * @param signerTrusted the embedded key equals the trusted key, or true when none was given
 * @param reason one sentence: why it is valid or what failed first
 */
public record Verification(
    boolean valid,
    boolean signatureValid,
    boolean fingerprintMatches,
    boolean signerTrusted,
    String reason) {}
