package org.synthos.core.assess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * The thresholds that turn scores into a decision. A dataset is rejected when any dimension scores
 * below its {@code failBelow}, when any check fails, or when the risk reaches {@link #maxRisk()}.
 * It is recorded verbatim in every report and certificate.
 *
 * @param name a label for reports, e.g. {@code default}
 * @param version the policy file format version (1)
 * @param maxRisk reject when the risk score is at or above this
 * @param thresholds per dimension; every dimension except learnability must be present
 * @param maxInvalidShare fail the invalid-cells check above this share of a column's cells
 * @param duplicateTolerance without a reference: exact-duplicate share that sampling is allowed
 * @param nearDuplicateTolerance without a reference: near-duplicate share that sampling is allowed
 */
public record Policy(
    String name,
    int version,
    double maxRisk,
    Map<Dimension, Threshold> thresholds,
    double maxInvalidShare,
    double duplicateTolerance,
    double nearDuplicateTolerance) {

  /** Per-dimension thresholds on the 0-100 score. */
  public record Threshold(double warnBelow, double failBelow) {
    public Threshold {
      if (!(failBelow >= 0 && failBelow <= warnBelow && warnBelow <= 100)) {
        throw new SynthosException(
            ErrorCode.INVALID_POLICY,
            "thresholds must satisfy 0 <= fail_below <= warn_below <= 100, got fail_below "
                + failBelow
                + " and warn_below "
                + warnBelow);
      }
    }

    public Status status(double score) {
      return score < failBelow ? Status.FAIL : score < warnBelow ? Status.WARN : Status.PASS;
    }
  }

  public Policy {
    EnumMap<Dimension, Threshold> copy = new EnumMap<>(Dimension.class);
    copy.putAll(thresholds);
    for (Dimension d : Dimension.values()) {
      if (!copy.containsKey(d)) {
        throw new SynthosException(
            ErrorCode.INVALID_POLICY, "policy has no thresholds for dimension " + d.key());
      }
    }
    thresholds = Collections.unmodifiableMap(copy);
    requireRange("max_risk", maxRisk, 0, 100);
    requireRange("max_invalid_share", maxInvalidShare, 0, 1);
    requireRange("duplicate_tolerance", duplicateTolerance, 0, 1);
    requireRange("near_duplicate_tolerance", nearDuplicateTolerance, 0, 1);
    if (version != 1) {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_VERSION, "policy version " + version + " is not supported; use 1");
    }
  }

  /**
   * The default policy: warn below 80 and fail below 60 on every dimension, reject at risk 60 (the
   * start of the high band), 5% invalid cells at most, and without a reference 1% exact and 2% near
   * duplicates allowed before the diversity score drops.
   */
  public static Policy defaults() {
    Map<Dimension, Threshold> t = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      t.put(d, new Threshold(80, 60));
    }
    return new Policy("default", 1, 60, t, 0.05, 0.01, 0.02);
  }

  public Threshold threshold(Dimension d) {
    return thresholds.get(d);
  }

  private static void requireRange(String key, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new SynthosException(
          ErrorCode.INVALID_POLICY, key + " must lie in [" + lo + ", " + hi + "], got " + v);
    }
  }
}
