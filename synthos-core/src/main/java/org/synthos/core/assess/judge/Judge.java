package org.synthos.core.assess.judge;

import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * Judges one candidate against one reference (or none): runs the judges in phases, so the validator
 * can time them, then assembles immutable {@link Findings}. The phases draw from independent random
 * streams, so their order does not change any result.
 */
public final class Judge {
  /** Why learnability has no score in this release. */
  public static final String LEARNABILITY_REASON = Scoring.LEARNABILITY_REASON;

  private final RawTable cand;
  private final Judging judging;
  private TemporalJudge.Drifts drifts =
      new TemporalJudge.Drifts(java.util.Map.of(), java.util.List.of());
  private Findings.Neighbours neighbours;

  /**
   * @param exactRows exact duplicates and reference copies over every row of both files, or null
   *     when only the held rows are known
   */
  public Judge(RawTable cand, RawTable ref, ValidationOptions options, ExactRows exactRows) {
    this.cand = cand;
    this.judging = new Judging(Pool.pool(cand, ref), options, exactRows);
  }

  /** Runs every phase; for ablations. */
  public static Findings full(RawTable cand, RawTable ref, ValidationOptions options) {
    Judge judge = new Judge(cand, ref, options, null);
    judge.intrinsic();
    judge.fidelity();
    judge.neighbours();
    return judge.findings();
  }

  /** The pooled rows judged. */
  public Pool pool() {
    return judging.data;
  }

  /** Checks, duplicates within the candidate, and drift. */
  public void intrinsic() {
    StructureChecks.run(judging, cand);
    DuplicationJudge.duplicates(judging);
    drifts = TemporalJudge.judge(judging);
  }

  /** Marginal and pairwise measures and reference copies; needs a reference. */
  public void fidelity() {
    Pool data = judging.data;
    if (!data.hasReference() || data.vars.isEmpty() || !judging.enoughRows()) {
      return;
    }
    MarginalJudge.judge(judging);
    AssociationJudge.judge(judging);
    DuplicationJudge.copies(judging);
  }

  /** Whole-row measures on a sample; needs a reference. */
  public void neighbours() {
    if (!judging.data.hasReference() || !judging.enoughRows()) {
      return;
    }
    neighbours = NeighbourJudge.judge(judging);
  }

  /** Dimension scores, checks and verdict. */
  public Findings findings() {
    return Scoring.assemble(judging, drifts, neighbours);
  }
}
