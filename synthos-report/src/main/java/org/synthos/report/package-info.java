/**
 * Reports of a validation: the versioned JSON report ({@link org.synthos.report.JsonReport}), the
 * self-contained HTML report ({@link org.synthos.report.HtmlReport}), Ed25519-signed certificates
 * of approval ({@link org.synthos.report.Certificates}, RFC 8032) and YAML policy files ({@link
 * org.synthos.report.PolicyFiles}), and the files a validation reads with their provenance ({@link
 * org.synthos.report.DatasetFiles}).
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
 *   <li>Every pass over a dataset file reads it with the schema fixed by the first open, so all
 *       passes see identical types; the file's SHA-256 is taken from its bytes.
 * </ul>
 */
package org.synthos.report;
