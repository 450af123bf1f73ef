package org.synthos.core.assess.judge;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Learnability;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.Stage;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * Judges one candidate against one reference (or none): runs the judges in phases, so the validator
 * can time them, then assembles immutable {@link Findings}. The phases draw from independent random
 * streams, so their order does not change any result.
 */
public final class Judge {
  private final RawTable cand;
  private final Judging judging;
  private TemporalJudge.Drifts drifts = TemporalJudge.Drifts.NONE;
  private Findings.Neighbours neighbours;
  private Learnability learnability;

  /**
   * The judges running beside the others ({@link #startNeighbours}, {@link #startDrifts}, {@link
   * #startLearnability}) until joined; null otherwise.
   */
  private SidePhase<Findings.Neighbours> neighbourPhase;

  private SidePhase<TemporalJudge.Drifts> driftPhase;
  private SidePhase<Learnability> learningPhase;

  /** Set to stop the cascade at its next model when the validation ends early. */
  private final AtomicBoolean learningAbandoned = new AtomicBoolean();

  /**
   * @param exactRows exact duplicates and reference copies over every row of both files, or null
   *     when only the held rows are known
   */
  public Judge(RawTable cand, RawTable ref, ValidationOptions options, ExactRows exactRows) {
    this(cand, ref, options, exactRows, null, null, EnumSet.allOf(Dimension.class));
  }

  /**
   * As above, with the bucketed states of every row of each file ({@link Buckets}, seeded with the
   * files' sample seeds), so marginal measures are judged over all rows; null for the held rows
   * only.
   */
  public Judge(
      RawTable cand,
      RawTable ref,
      ValidationOptions options,
      ExactRows exactRows,
      Buckets candBuckets,
      Buckets refBuckets) {
    this(cand, ref, options, exactRows, candBuckets, refBuckets, EnumSet.allOf(Dimension.class));
  }

  private Judge(
      RawTable cand,
      RawTable ref,
      ValidationOptions options,
      ExactRows exactRows,
      Buckets candBuckets,
      Buckets refBuckets,
      Set<Dimension> wanted) {
    this.cand = cand;
    boolean allRows = cand.size == cand.totalRows && (ref == null || ref.size == ref.totalRows);
    this.judging =
        new Judging(
            Pool.pool(cand, ref), options, exactRows, wanted, candBuckets, refBuckets, allRows);
  }

  /**
   * Judges the held rows again, computing only the measures of {@code dimensions}: the other
   * dimensions keep their results in {@code base}, checks are judged anew. What an ablation needs
   * to see how a fix moves the dimensions it addresses, without paying for the rest. The same
   * options and seed draw the same labellings, so a dimension judged on unchanged rows gets its
   * base result back.
   */
  public static Findings rejudge(
      Findings base,
      RawTable cand,
      RawTable ref,
      ValidationOptions options,
      Set<Dimension> dimensions) {
    Judge judge = new Judge(cand, ref, options, null, null, null, sharingJudges(dimensions));
    judge.intrinsic();
    judge.fidelity();
    judge.neighbours();
    judge.learnability();
    return Scoring.assemble(
        judge.judging, judge.drifts, judge.neighbours, judge.learnability, base);
  }

  /**
   * The dimensions that share a judge with {@code dimensions}, transitively: a judge that runs for
   * one dimension computes the measures of the others it feeds at little extra cost, and a fix
   * moves them too (removing duplicates also changes the neighbour measures). Only the judges no
   * wanted dimension needs are skipped.
   */
  static Set<Dimension> sharingJudges(Set<Dimension> dimensions) {
    List<Set<Dimension>> families =
        List.of(
            EnumSet.of(
                Dimension.DISTRIBUTION_FIDELITY,
                Dimension.DIVERSITY_RETENTION,
                Dimension.RARE_PATTERN_TAIL),
            EnumSet.of(
                Dimension.MULTIVARIATE_FIDELITY,
                Dimension.DIVERSITY_RETENTION,
                Dimension.MEMORISATION_PRIVACY));
    Set<Dimension> out = EnumSet.copyOf(dimensions);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Set<Dimension> family : families) {
        if (!Collections.disjoint(out, family) && !out.containsAll(family)) {
          out.addAll(family);
          grew = true;
        }
      }
    }
    return out;
  }

  /** The pooled rows judged. */
  public Pool pool() {
    return judging.data;
  }

  /** Checks, duplicates within the candidate, and drift unless {@link #startDrifts} started it. */
  public void intrinsic() {
    StructureChecks.run(judging, cand);
    if (wants(Dimension.DIVERSITY_RETENTION)) {
      DuplicationJudge.duplicates(judging);
    }
    if (driftPhase == null && wantsDrifts()) {
      drifts = TemporalJudge.judge(judging);
    }
  }

  /** Without a reference, drift is reported as checks, which every verdict needs. */
  private boolean wantsDrifts() {
    return wants(Dimension.TEMPORAL_STABILITY) || !judging.data.hasReference();
  }

  /**
   * Starts the drift measures on a thread of their own, into a workspace of their own, so that they
   * run beside the checks and the fidelity measures; {@link #fidelity} waits for them and appends
   * what they found. Their evidence, reasons and checks are drift's alone (no other judge writes
   * temporal evidence, and drift writes checks only without a reference, when fidelity writes
   * none), and they draw from a random stream of their own, so the findings are those of running
   * them in {@link #intrinsic}.
   */
  public void startDrifts() {
    if (driftPhase == null && wantsDrifts()) {
      driftPhase = SidePhase.start(judging, TemporalJudge::judge, "synthos-drift");
    }
  }

  private void joinDrifts() {
    if (driftPhase != null) {
      drifts = driftPhase.join(judging);
      driftPhase = null;
    }
  }

  private boolean wants(Dimension... any) {
    for (Dimension d : any) {
      if (judging.wanted.contains(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marginal and pairwise measures and reference copies (these need a reference); then waits for
   * drift when {@link #startDrifts} started it.
   */
  public void fidelity() {
    fidelityMeasures();
    joinDrifts();
  }

  private void fidelityMeasures() {
    Pool data = judging.data;
    if (!data.hasReference() || data.vars.isEmpty() || !judging.enoughRows()) {
      return;
    }
    if (wants(
        Dimension.DISTRIBUTION_FIDELITY,
        Dimension.DIVERSITY_RETENTION,
        Dimension.RARE_PATTERN_TAIL)) {
      MarginalJudge.judge(judging);
    }
    if (wants(Dimension.CORRELATION_PRESERVATION)) {
      AssociationJudge.judge(judging);
    }
    DuplicationJudge.copies(judging);
    if (wants(
        Dimension.DISTRIBUTION_FIDELITY,
        Dimension.DIVERSITY_RETENTION,
        Dimension.RARE_PATTERN_TAIL,
        Dimension.MEMORISATION_PRIVACY)) {
      TextJudge.judge(judging);
    }
  }

  /**
   * Whole-row measures on a sample; needs a reference. When {@link #startNeighbours} started them,
   * waits for them and appends their evidence here.
   */
  public void neighbours() {
    if (neighbourPhase != null) {
      neighbours = neighbourPhase.join(judging);
      neighbourPhase = null;
    } else if (wantsNeighbours()) {
      neighbours = NeighbourJudge.judge(judging);
    }
  }

  /**
   * Starts the whole-row measures on a thread of their own, into a workspace of their own, so that
   * they run beside {@link #intrinsic} and {@link #fidelity}; {@link #neighbours} then waits for
   * them and appends their evidence after the others'. Each phase draws from its own random stream
   * and reads only the pool and the plan, so the findings are those of running them in turn.
   */
  public void startNeighbours() {
    if (neighbourPhase == null && wantsNeighbours()) {
      neighbourPhase = SidePhase.start(judging, NeighbourJudge::judge, "synthos-neighbours");
    }
  }

  /**
   * Waits for the phases {@link #startNeighbours}, {@link #startDrifts} and {@link
   * #startLearnability} left running (the cascade stops at its next model), discarding them: a
   * validation that ends early (an error, a cancellation) leaves nothing working behind it.
   */
  public void abandon() {
    learningAbandoned.set(true);
    for (SidePhase<?> phase : Arrays.asList(neighbourPhase, driftPhase, learningPhase)) {
      if (phase != null) {
        phase.abandon();
      }
    }
    neighbourPhase = null;
    driftPhase = null;
    learningPhase = null;
  }

  private boolean wantsNeighbours() {
    return judging.data.hasReference()
        && judging.enoughRows()
        && wants(
            Dimension.MULTIVARIATE_FIDELITY,
            Dimension.DIVERSITY_RETENTION,
            Dimension.MEMORISATION_PRIVACY);
  }

  /** The proxy-model cascade on the chosen targets; needs a reference. */
  public void learnability() {
    learnability(ProgressListener.NONE);
  }

  /**
   * The same, telling {@code listener} as each model trains (and letting it cancel); when {@link
   * #startLearnability} started the cascade, waits for it and appends what it found.
   */
  public void learnability(ProgressListener listener) {
    if (learningPhase != null) {
      learnability = learningPhase.join(judging);
      learningPhase = null;
    } else if (wants(Dimension.LEARNABILITY)) {
      learnability = LearnabilityJudge.judge(judging, listener);
    }
  }

  /**
   * Starts the proxy-model cascade on a thread of its own, into a workspace of its own, so that its
   * models train beside the checks and the other measures; {@link #learnability} waits for it. The
   * cascade is planned from a cost model before anything trains and draws from a random stream of
   * its own, so sharing the cores changes when its models finish, not what they find; its evidence
   * and reasons are the learnability dimension's and the target's (each dimension sorts its
   * evidence). {@code listener} hears each model as it trains, possibly before the learnability
   * stage starts.
   */
  public void startLearnability(ProgressListener listener) {
    if (learningPhase == null && wants(Dimension.LEARNABILITY)) {
      ProgressListener stoppable =
          new ProgressListener() {
            @Override
            public void stageStarted(Stage stage, int index, int total) {
              listener.stageStarted(stage, index, total);
            }

            @Override
            public void modelTrained(ModelProgress model) {
              if (learningAbandoned.get()) {
                throw new CancellationException("the validation ended early");
              }
              listener.modelTrained(model);
            }
          };
      learningPhase =
          SidePhase.start(
              judging, phase -> LearnabilityJudge.judge(phase, stoppable), "synthos-learnability");
    }
  }

  /** Dimension scores, checks and verdict. */
  public Findings findings() {
    return Scoring.assemble(judging, drifts, neighbours, learnability, null);
  }
}
