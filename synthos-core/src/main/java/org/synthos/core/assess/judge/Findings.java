package org.synthos.core.assess.judge;

import java.util.List;
import java.util.Map;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Learnability;
import org.synthos.core.assess.Verdict;
import org.synthos.core.assess.measure.Temporal;

/**
 * What judging found, immutable: the dimension results, checks and verdict, plus what explanation
 * needs to name rows (each column's drift, the neighbour sample's flags). Localisation,
 * recommendations and charts read this and the pool only.
 *
 * @param timeColumn the column rows were ordered by for drift, or null for row order
 * @param drifts each tracked column's drift in the candidate, by column name
 * @param driftEvidence the drift evidence of each tracked column, with or without a reference
 * @param neighbours the neighbour sample's flags, or null when no sample was analysed
 * @param learnability what the proxy-model cascade trained and predicted
 */
public record Findings(
    List<DimensionResult> dimensions,
    List<Check> checks,
    Verdict verdict,
    String timeColumn,
    Map<String, Temporal.Drift> drifts,
    List<Evidence> driftEvidence,
    Neighbours neighbours,
    Learnability learnability) {

  public Findings {
    dimensions = List.copyOf(dimensions);
    checks = List.copyOf(checks);
    drifts = Map.copyOf(drifts);
    driftEvidence = List.copyOf(driftEvidence);
  }

  /**
   * The candidate rows of the neighbour sample (pooled indices) and, per sampled row, whether it
   * lies outside every reference k-NN ball and whether it sits close to a reference row.
   */
  public record Neighbours(int[] rows, boolean[] offManifold, boolean[] closeCopies) {}
}
