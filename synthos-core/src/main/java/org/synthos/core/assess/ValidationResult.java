package org.synthos.core.assess;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a validation found. Reports are rendered from this alone.
 *
 * @param validationId deterministic: derived from the inputs' fingerprints, policy, options and
 *     seed
 * @param datasetId {@code ds-} and the first 16 hex digits of the candidate's fingerprint
 * @param createdAt when the validation started (UTC)
 * @param completedAt when it ended (UTC)
 * @param engineVersion the Synthos version
 * @param candidate provenance of the candidate
 * @param reference provenance of the reference, or null
 * @param options the options, policy included
 * @param timeColumnUsed the column that ordered rows for temporal stability, or null for row order
 * @param schemaDifferences columns not shared with the same type
 * @param dimensions all eight dimensions in {@link Dimension} order
 * @param checks structural and intrinsic findings
 * @param verdict the decision
 * @param localisation totals per cause
 * @param flaggedRows every flagged candidate row, ordered by cause then row
 * @param recommendations most urgent first
 * @param timings per stage
 * @param charts data for the HTML report
 * @param learnability what the proxy-model cascade trained, learned and predicted
 */
public record ValidationResult(
    String validationId,
    String datasetId,
    Instant createdAt,
    Instant completedAt,
    String engineVersion,
    SourceInfo candidate,
    SourceInfo reference,
    ValidationOptions options,
    String timeColumnUsed,
    List<SchemaDifference> schemaDifferences,
    List<DimensionResult> dimensions,
    List<Check> checks,
    Verdict verdict,
    List<CauseSummary> localisation,
    List<FlaggedRow> flaggedRows,
    List<Recommendation> recommendations,
    List<StageTiming> timings,
    Charts charts,
    Learnability learnability) {
  public ValidationResult {
    schemaDifferences = List.copyOf(schemaDifferences);
    dimensions = List.copyOf(dimensions);
    checks = List.copyOf(checks);
    localisation = List.copyOf(localisation);
    flaggedRows = List.copyOf(flaggedRows);
    recommendations = List.copyOf(recommendations);
    timings = List.copyOf(timings);
  }

  public DimensionResult dimension(Dimension d) {
    return dimensions.stream().filter(r -> r.dimension() == d).findFirst().orElseThrow();
  }

  public Optional<SourceInfo> referenceInfo() {
    return Optional.ofNullable(reference);
  }

  /** The dimensions that could not be judged, with their reasons. */
  public List<DimensionResult.NotApplicable> notJudged() {
    return dimensions.stream()
        .filter(DimensionResult.NotApplicable.class::isInstance)
        .map(DimensionResult.NotApplicable.class::cast)
        .toList();
  }

  public boolean approved() {
    return verdict.decision() == Decision.APPROVE;
  }
}
