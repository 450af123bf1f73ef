package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Learnability;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.Verdict;

/**
 * Dimension scores from evidence: 0.5 * mean + 0.5 * minimum of the sub-scores, in [0, 100] by
 * construction; a dimension without evidence is not applicable with the reason why.
 */
final class Scoring {
  private Scoring() {}

  /**
   * @param base where the dimensions that were not judged take their results from; null when every
   *     dimension was judged
   */
  static Findings assemble(
      Judging j,
      TemporalJudge.Drifts drifts,
      Findings.Neighbours neighbours,
      Learnability learnability,
      Findings base) {
    Policy policy = j.options.policy();
    List<DimensionResult> dims = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      dims.add(
          j.wanted.contains(d) || base == null
              ? dimension(j, d, policy)
              : base.dimensions().get(d.ordinal()));
    }
    Verdict verdict = Verdicts.decide(dims, j.checks, policy);
    return new Findings(
        dims,
        j.checks,
        verdict,
        j.timeVar == null ? null : j.timeVar.name,
        drifts.drifts(),
        drifts.evidence(),
        neighbours,
        learnability != null || base == null ? learnability : base.learnability());
  }

  private static DimensionResult dimension(Judging j, Dimension d, Policy policy) {
    List<Evidence> ev = new ArrayList<>(j.evidence.get(d));
    if (ev.isEmpty()) {
      return new DimensionResult.NotApplicable(d, reasonFor(j, d));
    }
    ev.sort(
        Comparator.comparingDouble(Evidence::score)
            .thenComparing(e -> e.measure().key())
            .thenComparing(e -> e.column() == null ? "" : e.column()));
    double mean = ev.stream().mapToDouble(Evidence::score).average().orElse(100);
    double min = ev.get(0).score();
    double score = Math.max(0, Math.min(100, 0.5 * mean + 0.5 * min));
    Policy.Threshold t = policy.threshold(d);
    return new DimensionResult.Scored(d, score, t.warnBelow(), t.failBelow(), t.status(score), ev);
  }

  private static String reasonFor(Judging j, Dimension d) {
    if (j.notApplicable.containsKey(d)) {
      return j.notApplicable.get(d);
    }
    if (!j.data.hasReference()) {
      return switch (d) {
        case DIVERSITY_RETENTION -> "the candidate has fewer than two rows";
        default -> "needs a reference dataset to compare with; none was given";
      };
    }
    if (!j.enoughRows()) {
      return "too few rows to compare: candidate "
          + j.data.nC
          + ", reference "
          + j.data.nR
          + " (at least "
          + Judging.MIN_ROWS
          + " each)";
    }
    return switch (d) {
      case CORRELATION_PRESERVATION ->
          "fewer than two comparable columns with defined associations";
      case MULTIVARIATE_FIDELITY, MEMORISATION_PRIVACY -> "no comparable column could be encoded";
      default -> "no comparable column of a suitable type";
    };
  }
}
