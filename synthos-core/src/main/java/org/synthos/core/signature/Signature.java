package org.synthos.core.signature;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.ValidationResult;

/**
 * What a finished validation leaves in the library: the candidate's profile features, its measures
 * standardised by their null bands, and its outcome. A pure function of the validation's result and
 * the features of the same candidate, so the same inputs give an equal signature.
 *
 * @param validationId the validation's deterministic id
 * @param datasetSha256 the candidate's fingerprint (file SHA-256, else the content hash)
 * @param features the profile features, the only part the pre-screen compares
 * @param measures per measure of the registry that was scored, its worst standardised value over
 *     subjects (see {@link #standardise}); measures that were not scored are absent
 * @param decision the verdict's decision
 * @param risk the verdict's risk score, 0 to 100
 * @param collapseTypes the verdict's collapse types, largest first
 */
public record Signature(
    String validationId,
    String datasetSha256,
    ProfileFeatures features,
    Map<Measure, Double> measures,
    Decision decision,
    double risk,
    List<CollapseType> collapseTypes) {
  /** The library format this build writes and reads. */
  public static final int FORMAT = 1;

  public Signature {
    Objects.requireNonNull(validationId, "validationId");
    Objects.requireNonNull(datasetSha256, "datasetSha256");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(decision, "decision");
    EnumMap<Measure, Double> m = new EnumMap<>(Measure.class);
    m.putAll(measures);
    measures = Collections.unmodifiableMap(m);
    collapseTypes = List.copyOf(collapseTypes);
    if (!(risk >= 0 && risk <= 100)) {
      throw new IllegalArgumentException("risk outside [0, 100]: " + risk);
    }
  }

  /** The signature of a validation whose candidate has {@code features}. */
  public static Signature of(ProfileFeatures features, ValidationResult result) {
    Map<Measure, Double> measures = new EnumMap<>(Measure.class);
    for (DimensionResult d : result.dimensions()) {
      if (d instanceof DimensionResult.Scored s) {
        for (Evidence e : s.evidence()) {
          double z = standardise(e.value(), e.nullBand());
          if (Double.isFinite(z)) {
            measures.merge(e.measure(), z, Math::max);
          }
        }
      }
    }
    return new Signature(
        result.validationId(),
        result.candidate().fingerprint(),
        features,
        measures,
        result.verdict().decision(),
        result.verdict().riskScore(),
        result.verdict().collapseTypes());
  }

  /**
   * (value - band centre) / band width, with the band's mean as centre and the distance from the
   * mean to the upper edge (3 standard deviations of the null, or the tolerance) as width: 0 is the
   * value noise alone gives on average, 1 the band's edge. NaN when the band has no width.
   */
  public static double standardise(double value, NullBand band) {
    double width = band.upper() - band.mean();
    if (!(width > 0) || !Double.isFinite(value)) {
      return Double.NaN;
    }
    return (value - band.mean()) / width;
  }

  public boolean rejected() {
    return decision == Decision.REJECT;
  }
}
