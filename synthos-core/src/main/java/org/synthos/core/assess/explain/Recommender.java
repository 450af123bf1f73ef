package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.synthos.core.assess.Cause;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CheckKind;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.core.assess.Impact;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Priority;
import org.synthos.core.assess.Recommendation;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.judge.Findings;
import org.synthos.core.assess.judge.Judge;
import org.synthos.core.assess.measure.SideCounts;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * The recommendation catalogue. Each entry is selected by a finding; fixes that can be applied to
 * the analysed rows (removing rows or columns) are measured by ablation when what they address
 * warns or fails: the fixed candidate's addressed dimensions and checks are judged again with the
 * same options and seed, and the risk before and after is reported on the same basis. Fixes that
 * need the generator or new data say so instead of guessing an impact.
 */
public final class Recommender {
  private final Findings a;
  private final Pool data;
  private final RawTable cand;
  private final RawTable ref;
  private final Map<Cause, List<FlaggedRow>> flagged;
  private final ValidationOptions options;

  /** The candidate and reference tables are the held rows that {@code data} pools. */
  public Recommender(
      Findings a,
      Pool data,
      RawTable cand,
      RawTable ref,
      Map<Cause, List<FlaggedRow>> flagged,
      ValidationOptions options) {
    this.a = a;
    this.data = data;
    this.cand = cand;
    this.ref = ref;
    this.flagged = flagged;
    this.options = options;
  }

  /** A selected entry before its impact is known. */
  private record Draft(
      String id,
      String title,
      String action,
      Priority priority,
      List<Dimension> addresses,
      String trigger,
      Fix fix,
      String notMeasured) {}

  /** A fix applied to the candidate (and, for column removal, the reference). */
  private record Fix(int[] keepRows, Set<String> dropColumns, String applied) {}

  public List<Recommendation> recommend() {
    List<Draft> drafts = new ArrayList<>();
    rowFix(
        drafts,
        Cause.EXACT_DUPLICATE,
        "deduplicate",
        "Deduplicate",
        "Remove exact duplicate rows, keeping the first of each group.",
        List.of(Dimension.DIVERSITY_RETENTION),
        statusOf(Dimension.DIVERSITY_RETENTION));
    rowFix(
        drafts,
        Cause.NEAR_DUPLICATE,
        "remove_near_copies",
        "Remove near copies",
        "Remove rows that nearly repeat another row, keeping one per group, and lower the"
            + " generator's repetition (e.g. raise temperature or add a repetition penalty).",
        List.of(Dimension.DIVERSITY_RETENTION),
        statusOf(Dimension.DIVERSITY_RETENTION));
    rowFix(
        drafts,
        Cause.REPEATED_TEXT,
        "remove_repeated_texts",
        "Remove repeated texts",
        "Remove rows whose text repeats another's exactly or nearly, keeping one per cluster, and"
            + " widen the generator's prompts or sampling (templates, temperature, a repetition"
            + " penalty).",
        List.of(Dimension.DIVERSITY_RETENTION),
        statusOf(Dimension.DIVERSITY_RETENTION));
    rowFix(
        drafts,
        Cause.TEMPLATED_TEXT,
        "remove_templated_texts",
        "Remove templated texts",
        "Remove rows whose text fills an over-represented template (the same words but a varied"
            + " last one), and widen the generator's prompts or sampling so that texts do not"
            + " share a few openings.",
        List.of(Dimension.DIVERSITY_RETENTION),
        statusOf(Dimension.DIVERSITY_RETENTION));
    rowFix(
        drafts,
        Cause.REFERENCE_COPY,
        "drop_memorised_rows",
        "Drop memorised rows",
        "Remove candidate rows that copy reference rows; retrain the generator with stronger"
            + " regularisation or differential privacy if copies recur.",
        List.of(Dimension.MEMORISATION_PRIVACY),
        statusOf(Dimension.MEMORISATION_PRIVACY));
    rowFix(
        drafts,
        Cause.OFF_MANIFOLD,
        "drop_off_manifold_rows",
        "Drop off-manifold rows",
        "Remove sampled rows that lie outside every reference neighbourhood, and check the"
            + " generator for implausible combinations.",
        List.of(Dimension.MULTIVARIATE_FIDELITY),
        statusOf(Dimension.MULTIVARIATE_FIDELITY));
    rowFix(
        drafts,
        Cause.OUT_OF_SUPPORT,
        "drop_out_of_support_rows",
        "Drop out-of-support rows",
        "Remove rows with values outside the reference's range or categories, or constrain the"
            + " generator to the reference's domain.",
        List.of(Dimension.DISTRIBUTION_FIDELITY),
        checkStatus(CheckKind.OUT_OF_SUPPORT));
    rowFix(
        drafts,
        Cause.DRIFTED_SEGMENT,
        "drop_drifted_segments",
        "Drop drifted segments",
        "Remove the segments that drift, or regenerate them conditioned on time.",
        List.of(Dimension.TEMPORAL_STABILITY),
        statusOf(Dimension.TEMPORAL_STABILITY));
    rebalance(drafts);
    degenerateColumns(drafts);
    unmeasured(drafts);
    int budget = options.ablations();
    List<Draft> ordered = new ArrayList<>(drafts);
    ordered.sort(Comparator.comparing(Draft::priority));
    Impact[] impacts = new Impact[ordered.size()];
    List<Integer> ablated = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Draft d = ordered.get(i);
      if (d.fix() == null) {
        impacts[i] = new Impact.NotMeasured(d.notMeasured());
      } else if (d.priority() == Priority.LOW) {
        impacts[i] =
            new Impact.NotMeasured(
                "not re-scored: what it addresses already passes, so the fix has no failing or"
                    + " warning score to repair");
      } else if (budget > 0) {
        budget--;
        ablated.add(i);
      } else {
        impacts[i] =
            new Impact.NotMeasured(
                "not re-scored: the ablation budget ("
                    + options.ablations()
                    + ") went to higher-priority fixes");
      }
    }
    // The ablations are independent re-judgings of their own copies of the rows, seeded by the
    // options alone: run at once, each into its own slot, they give what one after the other gives.
    ablated.parallelStream()
        .forEach(i -> impacts[i] = ablate(ordered.get(i).fix(), ordered.get(i).addresses()));
    List<Recommendation> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Draft d = ordered.get(i);
      out.add(
          new Recommendation(
              d.id(), d.title(), d.action(), d.priority(), d.addresses(), d.trigger(), impacts[i]));
    }
    out.sort(Comparator.comparing(Recommendation::priority).thenComparing(r -> -gain(r.impact())));
    return out;
  }

  private static double gain(Impact i) {
    return i instanceof Impact.Measured m
        ? m.riskBefore() - m.riskAfter()
        : Double.NEGATIVE_INFINITY;
  }

  /**
   * Applies the fix to the held rows and judges again only what it can move: the dimensions it
   * addresses (every dimension when it drops columns) and the checks; the other dimensions keep
   * their results. Before and after are judged on the same basis: when every row is held, the
   * verdict's own risk is the "before"; when the files were sampled, the addressed dimensions are
   * first judged on the held rows too, since the verdict counts duplicates and copies over every
   * row while the fixed rows can only be judged as held.
   */
  private Impact ablate(Fix fix, List<Dimension> addresses) {
    RawTable fixedCand = cand;
    RawTable fixedRef = ref;
    if (fix.keepRows() != null) {
      fixedCand = fixedCand.select(fix.keepRows());
    }
    Set<Dimension> dims = EnumSet.copyOf(addresses);
    if (!fix.dropColumns().isEmpty()) {
      fixedCand = fixedCand.withoutColumns(fix.dropColumns());
      fixedRef = fixedRef == null ? null : fixedRef.withoutColumns(fix.dropColumns());
      // Every dimension but learnability: the proxy models would be trained again for each
      // ablation, and a dropped column that is not the target moves them little.
      dims = EnumSet.complementOf(EnumSet.of(Dimension.LEARNABILITY));
    }
    if (fixedCand.size == 0) {
      return new Impact.NotMeasured("the fix would remove every row, so nothing is left to score");
    }
    boolean allHeld = cand.size == cand.totalRows && (ref == null || ref.size == ref.totalRows);
    Findings before = allHeld ? a : Judge.rejudge(a, cand, ref, options, dims);
    Findings after = Judge.rejudge(before, fixedCand, fixedRef, options, dims);
    String applied =
        allHeld
            ? fix.applied()
            : fix.applied()
                + "; risk before and after judged on the "
                + cand.size
                + " analysed candidate rows";
    return new Impact.Measured(
        before.verdict().riskScore(),
        after.verdict().riskScore(),
        after.verdict().decision(),
        cand.size - fixedCand.size,
        fix.dropColumns().size(),
        applied);
  }

  private Status statusOf(Dimension d) {
    for (DimensionResult r : a.dimensions()) {
      if (r.dimension() == d && r instanceof DimensionResult.Scored sc) {
        return sc.status();
      }
    }
    return Status.PASS;
  }

  private Status checkStatus(CheckKind kind) {
    Status st = Status.PASS;
    for (Check c : a.checks()) {
      if (c.kind() == kind) {
        st = st.worst(c.status());
      }
    }
    return st;
  }

  private static Priority priority(Status st) {
    return switch (st) {
      case FAIL -> Priority.HIGH;
      case WARN -> Priority.MEDIUM;
      case PASS -> Priority.LOW;
    };
  }

  private int[] keepAllBut(Set<Long> dropRows) {
    int[] keep = new int[cand.size];
    int k = 0;
    for (int i = 0; i < cand.size; i++) {
      if (!dropRows.contains(cand.rowNumbers[i])) {
        keep[k++] = i;
      }
    }
    return Arrays.copyOf(keep, k);
  }

  private void rowFix(
      List<Draft> drafts,
      Cause cause,
      String id,
      String title,
      String action,
      List<Dimension> dims,
      Status status) {
    List<FlaggedRow> rows = flagged.get(cause);
    if (rows == null || rows.isEmpty()) {
      return;
    }
    Set<Long> drop = new LinkedHashSet<>();
    rows.forEach(r -> drop.add(r.row()));
    drafts.add(
        new Draft(
            id,
            title,
            action,
            priority(status),
            dims,
            rows.size() + " rows flagged as " + cause.key(),
            new Fix(
                keepAllBut(drop),
                Set.of(),
                "removed " + drop.size() + " flagged rows (" + cause.key() + ")"),
            null));
  }

  private void rebalance(List<Draft> drafts) {
    List<FlaggedRow> rows = flagged.get(Cause.OVER_REPRESENTED_MODE);
    if (rows == null || rows.isEmpty()) {
      return;
    }
    boolean[] obs = data.observedLabels();
    Map<Long, Integer> indexOfRow = new HashMap<>();
    for (int i = 0; i < data.nC; i++) {
      indexOfRow.put(data.rowNumbers[i], i);
    }
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5EED);
    Set<Long> drop = new LinkedHashSet<>();
    List<Pool.Var> vars = data.distributionVars();
    for (int[] vc : SideCounts.overRepresented(data, Localiser.shiftedTargets(a))) {
      Pool.Var v = vars.get(vc[0]);
      double pr = SideCounts.shares(data, v, obs)[1][vc[1]];
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < data.nC; i++) {
        if (v.codes[i] == vc[1] && !drop.contains(data.rowNumbers[i])) {
          members.add(i);
        }
      }
      int n = data.nC - drop.size();
      int excess = (int) Math.floor((members.size() - pr * n) / (1 - pr));
      for (int t = 0; t < excess && !members.isEmpty(); t++) {
        int pick = members.remove(random.nextInt(members.size()));
        drop.add(data.rowNumbers[pick]);
      }
    }
    if (drop.isEmpty()) {
      return;
    }
    Status st =
        statusOf(Dimension.DISTRIBUTION_FIDELITY).worst(statusOf(Dimension.DIVERSITY_RETENTION));
    if (!Localiser.shiftedTargets(a).isEmpty()) {
      st = st.worst(statusOf(Dimension.LEARNABILITY));
    }
    drafts.add(
        new Draft(
            "rebalance_over_represented_modes",
            "Rebalance over-represented categories",
            "Downsample (or regenerate with conditioning) the categories the candidate"
                + " over-represents until their shares match the reference.",
            priority(st),
            List.of(Dimension.DISTRIBUTION_FIDELITY, Dimension.DIVERSITY_RETENTION),
            rows.size() + " rows in over-represented categories",
            new Fix(
                keepAllBut(drop),
                Set.of(),
                "removed "
                    + drop.size()
                    + " randomly chosen rows of over-represented categories (seeded)"),
            null));
  }

  private void degenerateColumns(List<Draft> drafts) {
    Set<String> cols = new TreeSet<>();
    Status st = Status.PASS;
    for (Check c : a.checks()) {
      if (c.kind() == CheckKind.CONSTANT_COLUMN || c.kind() == CheckKind.ALL_NULL_COLUMN) {
        cols.add(c.column());
        st = st.worst(c.status());
      }
    }
    if (cols.isEmpty()) {
      return;
    }
    drafts.add(
        new Draft(
            "drop_degenerate_columns",
            "Drop degenerate columns",
            "Drop the constant or all-null columns "
                + cols
                + ", or fix the generator so they vary.",
            priority(st),
            List.of(Dimension.DIVERSITY_RETENTION),
            cols.size() + " constant or all-null columns",
            new Fix(null, cols, "dropped columns " + cols + " from both datasets"),
            null));
  }

  private boolean measureTroubled(Dimension d, Set<Measure> measures) {
    for (DimensionResult r : a.dimensions()) {
      if (r.dimension() == d
          && r instanceof DimensionResult.Scored sc
          && sc.status() != Status.PASS) {
        return sc.evidence().stream()
            .anyMatch(
                e -> e.score() < 100 && (measures.isEmpty() || measures.contains(e.measure())));
      }
    }
    return false;
  }

  private void unmeasured(List<Draft> drafts) {
    String generator =
        "the fix needs new rows from the generator, which this validation cannot produce;"
            + " re-run validate on the regenerated data to measure it";
    if (measureTroubled(Dimension.RARE_PATTERN_TAIL, Set.of(Measure.RARE_CATEGORY_DEFICIT))) {
      drafts.add(
          new Draft(
              "restore_rare_categories",
              "Oversample or regenerate rare categories",
              "Oversample the rare categories in the generator's training data, or regenerate conditioned on them, until their mass matches the reference.",
              priority(statusOf(Dimension.RARE_PATTERN_TAIL)),
              List.of(Dimension.RARE_PATTERN_TAIL),
              "rare categories lost mass",
              null,
              generator));
    }
    if (measureTroubled(Dimension.RARE_PATTERN_TAIL, Set.of(Measure.TAIL_DEFICIT))) {
      drafts.add(
          new Draft(
              "widen_tails",
              "Widen tails",
              "Loosen truncation (top-k/top-p) or raise the sampling temperature so values beyond the reference's 5% and 95% quantiles reappear.",
              priority(statusOf(Dimension.RARE_PATTERN_TAIL)),
              List.of(Dimension.RARE_PATTERN_TAIL),
              "tails lost mass",
              null,
              generator));
    }
    if (measureTroubled(
        Dimension.DIVERSITY_RETENTION,
        Set.of(
            Measure.SPREAD_DEFICIT,
            Measure.ENTROPY_DEFICIT,
            Measure.RECALL_GAP,
            Measure.COVERAGE_GAP))) {
      drafts.add(
          new Draft(
              "restore_diversity",
              "Restore spread and diversity",
              "Raise the sampling temperature or loosen truncation; if the generator was trained on its own output, retrain on real data.",
              priority(statusOf(Dimension.DIVERSITY_RETENTION)),
              List.of(Dimension.DIVERSITY_RETENTION),
              "spread, entropy, recall or coverage shrank",
              null,
              generator));
    }
    if (measureTroubled(Dimension.CORRELATION_PRESERVATION, Set.of())) {
      drafts.add(
          new Draft(
              "regenerate_with_conditioning",
              "Regenerate with conditioning",
              "Regenerate conditioned on the column pairs whose association changed most (see the correlation evidence), or use a generator that models joint structure.",
              priority(statusOf(Dimension.CORRELATION_PRESERVATION)),
              List.of(Dimension.CORRELATION_PRESERVATION),
              "pairwise associations changed",
              null,
              generator));
    }
    if (measureTroubled(Dimension.DISTRIBUTION_FIDELITY, Set.of())
        || measureTroubled(Dimension.MULTIVARIATE_FIDELITY, Set.of())) {
      drafts.add(
          new Draft(
              "mix_real_data",
              "Mix in real data",
              "Mix held-out real rows into the training set, starting at 1 real row per 4 synthetic (20%), and re-validate.",
              priority(
                  statusOf(Dimension.DISTRIBUTION_FIDELITY)
                      .worst(statusOf(Dimension.MULTIVARIATE_FIDELITY))),
              List.of(Dimension.DISTRIBUTION_FIDELITY, Dimension.MULTIVARIATE_FIDELITY),
              "marginal or joint distributions differ",
              null,
              "mixing in reference rows would be judged against those same rows; measure it by validating the mix against held-out real data"));
    }
    if (measureTroubled(Dimension.TEMPORAL_STABILITY, Set.of())) {
      drafts.add(
          new Draft(
              "regenerate_time_conditioned",
              "Regenerate conditioned on time",
              "Regenerate with the time column (or row position) as a condition so each period keeps the reference's distribution.",
              priority(statusOf(Dimension.TEMPORAL_STABILITY)),
              List.of(Dimension.TEMPORAL_STABILITY),
              "the data drifts along time",
              null,
              generator));
    }
    if (measureTroubled(Dimension.LEARNABILITY, Set.of(Measure.TARGET_PRIOR_SHIFT))) {
      drafts.add(
          new Draft(
              "restore_class_shares",
              "Restore the target's class shares",
              "Regenerate with the target's classes in the reference's shares (sample the"
                  + " target from its reference distribution and condition on it), or resample the"
                  + " candidate's rows per class to those shares, and re-validate.",
              priority(statusOf(Dimension.LEARNABILITY)),
              List.of(Dimension.LEARNABILITY),
              "the target's class shares moved away from the reference's",
              null,
              generator));
    }
    if (measureTroubled(
        Dimension.LEARNABILITY, Set.of(Measure.LEARNABILITY_GAP, Measure.PREDICTION_COLLAPSE))) {
      drafts.add(
          new Draft(
              "condition_on_target",
              "Regenerate conditioned on the target",
              "Generate with the target column as a condition (or a generator trained with a"
                  + " supervised loss) so that the other columns keep predicting it, and"
                  + " re-validate.",
              priority(statusOf(Dimension.LEARNABILITY)),
              List.of(Dimension.LEARNABILITY),
              "models trained on the candidate predict real rows worse than models trained on"
                  + " real rows",
              null,
              generator));
    }
    DimensionResult learnability = a.dimensions().get(Dimension.LEARNABILITY.ordinal());
    if (a.verdict().decision() == Decision.APPROVE
        && learnability instanceof DimensionResult.NotApplicable na) {
      drafts.add(
          new Draft(
              "check_learnability",
              "Check learnability before training at scale",
              "Train a small model on the candidate and test it on held-out real data (train"
                  + " synthetic, test real) before committing compute.",
              Priority.LOW,
              List.of(Dimension.LEARNABILITY),
              "learnability was not measured",
              null,
              na.reason()));
    }
    Status schema = Status.PASS;
    for (Check c : a.checks()) {
      if (c.kind().schema()) {
        schema = schema.worst(c.status());
      }
    }
    if (schema != Status.PASS) {
      drafts.add(
          new Draft(
              "fix_schema",
              "Fix the schema and invalid cells",
              "Make the candidate's columns, types and cell formats match the reference before anything else.",
              priority(schema),
              List.of(Dimension.DISTRIBUTION_FIDELITY),
              "schema differences or invalid cells",
              null,
              "the fix changes the file's structure, which only the producer of the file can do"));
    }
  }
}
