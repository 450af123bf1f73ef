package org.synthos.core.assess;

import java.util.List;

/**
 * The decision and why.
 *
 * @param decision approve or reject
 * @param confidence in [0.5, 0.99]: how far the scores sit from the thresholds that decided, and
 *     how many dimensions could be judged
 * @param riskScore 100 - (0.6 * lowest + 0.4 * mean) of the scored dimensions, in [0, 100]
 * @param riskLevel low, medium or high
 * @param collapseProbability a logistic transform of the risk (midpoint 50, scale 8); not a
 *     calibrated frequency, see {@link #collapseProbabilityMethod()}
 * @param collapseProbabilityMethod how the probability was derived
 * @param collapseTypes types with at least 15% of the deficit, largest first; empty unless the
 *     dataset is rejected or a dimension fails
 * @param rootCauses every type with a non-zero share, largest first
 * @param reasons one sentence per deciding fact
 */
public record Verdict(
    Decision decision,
    double confidence,
    double riskScore,
    RiskLevel riskLevel,
    double collapseProbability,
    String collapseProbabilityMethod,
    List<CollapseType> collapseTypes,
    List<RootCause> rootCauses,
    List<String> reasons) {
  public Verdict {
    collapseTypes = List.copyOf(collapseTypes);
    rootCauses = List.copyOf(rootCauses);
    reasons = List.copyOf(reasons);
  }

  /** The largest root cause, if any. */
  public CollapseType primaryType() {
    return rootCauses.isEmpty() ? null : rootCauses.get(0).type();
  }
}
