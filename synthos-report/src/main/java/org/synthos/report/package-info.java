/**
 * Reports of a validation: the versioned JSON report ({@link org.synthos.report.JsonReport}), the
 * self-contained HTML report ({@link org.synthos.report.HtmlReport}), Ed25519-signed certificates
 * of approval ({@link org.synthos.report.Certificates}, RFC 8032) and YAML policy files ({@link
 * org.synthos.report.PolicyFiles}).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Reports are pure functions of a {@link org.synthos.core.assess.ValidationResult}: the JSON
 *       bytes differ between equal validations only in {@code created_at}, {@code completed_at} and
 *       {@code internal} (timings).
 *   <li>JSON has no NaN: an undefined number is written as {@code null}.
 *   <li>The HTML page loads nothing: no script, font, image or stylesheet from outside the file.
 *   <li>A certificate's signature covers the canonical bytes of its payload (keys sorted, compact,
 *       decimals exactly as written), so re-indenting the file does not break it while changing any
 *       value does.
 *   <li>This module reads no dataset: a certificate names the dataset by the file SHA-256 its
 *       caller hands in ({@code DatasetSource.sha256} to issue, a digest argument to verify),
 *       computed by synthos-io's {@code FileDigests}, the one file hash in Synthos.
 * </ul>
 */
package org.synthos.report;
