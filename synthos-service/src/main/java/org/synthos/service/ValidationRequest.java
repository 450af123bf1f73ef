package org.synthos.service;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.synthos.io.ReadOptions;
import org.synthos.report.PolicyFiles;

/**
 * What a client asks to validate.
 *
 * @param datasetUri a path under the storage root, a {@code file:} URI or an {@code s3://} URI
 * @param referenceUri the real data to compare against, if any
 * @param target the target column, if any
 * @param policy a policy name ({@code default}) or a policy document in YAML, if any
 * @param validationId the caller's id for this validation (made unique by the server when absent)
 * @param datasetId the caller's id for the dataset (derived from the URI when absent)
 * @param timeout the job's limit; empty means the configured default
 * @param seed seeds every random choice of the engine; empty means the engine's default (42)
 */
public record ValidationRequest(
    String datasetUri,
    Optional<String> referenceUri,
    Optional<String> target,
    Optional<String> policy,
    Optional<String> validationId,
    Optional<String> datasetId,
    Optional<Duration> timeout,
    Optional<Long> seed) {
  public ValidationRequest {
    Objects.requireNonNull(datasetUri, "datasetUri");
    Objects.requireNonNull(referenceUri, "referenceUri");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(validationId, "validationId");
    Objects.requireNonNull(datasetId, "datasetId");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(seed, "seed");
  }

  /** A request for one dataset with every option left at its default. */
  public static ValidationRequest of(String datasetUri) {
    return new ValidationRequest(
        datasetUri,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The request's policy with {@code columnTypes} added to its document (docs/policy.md, {@code
   * column_types}); the policy unchanged when there are none. INVALID_POLICY when a type is unknown
   * or the policy is a name other than the default's.
   */
  static Optional<String> policyWithColumnTypes(
      Optional<String> policy, java.util.Map<String, String> columnTypes) {
    return columnTypes.isEmpty()
        ? policy
        : Optional.of(PolicyFiles.withColumnTypes(policy.orElse(""), columnTypes));
  }

  /** The read options a job's files are opened with: the policy's column types, if any. */
  ReadOptions readOptions() {
    ReadOptions o = ReadOptions.defaults();
    return policy.isEmpty()
        ? o
        : o.withSchemaOverrides(PolicyFiles.columnTypes(policy.get(), "policy"));
  }

  /** The format label used in metrics: the file extension, or "unknown". */
  public String datasetFormat() {
    String name = datasetUri.toLowerCase(java.util.Locale.ROOT);
    for (String suffix : new String[] {".gz", ".zst"}) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    return dot > slash && dot < name.length() - 1 ? name.substring(dot + 1) : "unknown";
  }
}
