package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.ColumnPair;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.AssociationLoss;
import org.synthos.core.assess.measure.BucketAssociationLoss;
import org.synthos.core.assess.measure.BucketPairs;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.LeadingCuts;
import org.synthos.core.assess.pool.PairBuckets;
import org.synthos.core.assess.pool.Pool;

/**
 * Pairwise structure: the gap of each pair's association (Pearson r or Cramér's V), the relative
 * loss of association over the pairs associated beyond chance, and the same loss inside the
 * categories of the first few segmenting columns ({@link AssociationLoss}).
 */
final class AssociationJudge {
  /**
   * Re-splits for the per-segment measures: each segment's band and the band of their maximum are
   * estimated from these, and a maximum needs more of them than a single measure does.
   */
  static final int SEGMENT_REPLICATES = 100;

  private AssociationJudge() {}

  static void judge(Judging j) {
    List<Pool.Var> vars = j.data.distributionVars();
    if (vars.size() < 2) {
      return;
    }
    int limit = Math.min(vars.size(), MarginalJudge.MAX_PAIR_COLUMNS);
    Buckets[] states = j.states();
    for (int a = 0; a < limit; a++) {
      for (int b = a + 1; b < limit; b++) {
        Pool.Var va = vars.get(a);
        Pool.Var vb = vars.get(b);
        boolean numeric = va.numeric && vb.numeric;
        Measure measure = numeric ? Measure.PEARSON_GAP : Measure.CRAMERS_V_GAP;
        ColumnPair pair = new ColumnPair(va.name, vb.name);
        CollapseType cause =
            va == j.timeVar || vb == j.timeVar
                ? CollapseType.D_TEMPORAL
                : CollapseType.B_CORRELATION;
        String detail =
            numeric
                ? "|Pearson r candidate - r reference|"
                : "|Cramér's V candidate - V reference|";
        if (states != null && overEveryRow(j, states, va, vb, measure, pair, cause, detail)) {
          continue;
        }
        if (numeric) {
          j.add(measure, pair, l -> Association.associationGap(va, vb, l), cause, detail);
          continue;
        }
        Association.PairCells cells = Association.PairCells.of(va, vb);
        j.add(
            measure,
            pair,
            (l, candidates) -> cells == null ? Double.NaN : cells.gap(candidates),
            cause,
            detail
                + " (numbers cut at pooled quintiles"
                + (va.numeric || vb.numeric
                    ? ", known only after the pass, so on the analysed rows)"
                    : ")"));
      }
    }
    associationLoss(j, vars.subList(0, limit));
  }

  /**
   * Judges a numeric or a categorical pair from both files' pair states of every row, when both
   * kept them; returns whether it did (a pair whose table is not formed, as over held rows, adds no
   * evidence).
   */
  private static boolean overEveryRow(
      Judging j,
      Buckets[] states,
      Pool.Var va,
      Pool.Var vb,
      Measure measure,
      ColumnPair pair,
      CollapseType cause,
      String detail) {
    PairBuckets c = states[0].pairs();
    PairBuckets r = states[1].pairs();
    if (va.numeric && vb.numeric) {
      BucketPairs.Moments m = BucketPairs.Moments.of(c, r, va.name, vb.name);
      if (m == null) {
        return false;
      }
      j.addStates(measure, pair, m::gap, cause, detail + "; every row, from the pass's co-moments");
      return true;
    }
    if (va.numeric || vb.numeric) {
      BucketPairs.Table t = mixedTable(j, states, va, vb);
      if (t == null) {
        return false;
      }
      int bins = c.cuts(va.numeric ? va.name : vb.name).length + 1;
      if (Association.formed(bins, j.categoriesOverAllRows(va.numeric ? vb.name : va.name))) {
        j.addStates(
            measure,
            pair,
            t::gap,
            cause,
            detail
                + " (numbers cut at the pooled quintiles of both files' first "
                + LeadingCuts.ROWS
                + " rows); every row, from the pass's combination counts");
      }
      return true;
    }
    int ka = j.categoriesOverAllRows(va.name);
    int kb = j.categoriesOverAllRows(vb.name);
    BucketPairs.Table t = BucketPairs.Table.of(c, r, va.name, vb.name);
    if (ka < 0 || kb < 0 || t == null) {
      return false;
    }
    if (Association.formed(ka, kb)) {
      j.addStates(
          measure, pair, t::gap, cause, detail + "; every row, from the pass's combination counts");
    }
    return true;
  }

  /**
   * A number paired with a category: both files' counts of every row by (bin, value), when the pool
   * holds a sample of the rows (held whole, it already measures every row with the pooled
   * quintiles), both files binned the number by the same cuts from their leading rows ({@link
   * LeadingCuts}), those cuts bin the held values as their own quintiles do, and the category's
   * values were all counted; else null.
   */
  private static BucketPairs.Table mixedTable(
      Judging j, Buckets[] states, Pool.Var va, Pool.Var vb) {
    Pool.Var number = va.numeric ? va : vb;
    Pool.Var category = va.numeric ? vb : va;
    double[] cuts = states[0].pairs().cuts(number.name);
    if (allHeld(j, states)
        || cuts == null
        || !Arrays.equals(cuts, states[1].pairs().cuts(number.name))
        || !LeadingCuts.agree(cuts, number)
        || j.categoriesOverAllRows(category.name) < 0) {
      return null;
    }
    return BucketPairs.Table.of(states[0].pairs(), states[1].pairs(), va.name, vb.name);
  }

  /** Whether the pool holds every row of both files whose states these are. */
  private static boolean allHeld(Judging j, Buckets[] states) {
    return Arrays.stream(states[0].rows()).sum() == j.data.nC
        && Arrays.stream(states[1].rows()).sum() == j.data.nR;
  }

  /**
   * Every pair's states over every row, when the pool holds a sample of the rows and each pair of
   * {@code vars} has them (co-moments, or combination counts); else null, and the loss stays on the
   * held rows.
   */
  private static List<BucketAssociationLoss.Pair> statePairs(Judging j, List<Pool.Var> vars) {
    Buckets[] states = j.states();
    if (states == null || allHeld(j, states)) {
      return null;
    }
    PairBuckets c = states[0].pairs();
    PairBuckets r = states[1].pairs();
    List<BucketAssociationLoss.Pair> out = new ArrayList<>();
    for (int a = 0; a < vars.size(); a++) {
      for (int b = a + 1; b < vars.size(); b++) {
        Pool.Var va = vars.get(a);
        Pool.Var vb = vars.get(b);
        if (va.numeric && vb.numeric) {
          BucketPairs.Moments m = BucketPairs.Moments.of(c, r, va.name, vb.name);
          if (m == null) {
            return null;
          }
          out.add(new BucketAssociationLoss.Pair(m, null, false));
          continue;
        }
        BucketPairs.Table t =
            va.numeric || vb.numeric
                ? mixedTable(j, states, va, vb)
                : j.categoriesOverAllRows(va.name) < 0 || j.categoriesOverAllRows(vb.name) < 0
                    ? null
                    : BucketPairs.Table.of(c, r, va.name, vb.name);
        if (t == null) {
          return null;
        }
        out.add(new BucketAssociationLoss.Pair(null, t, va.numeric || vb.numeric));
      }
    }
    return out;
  }

  private static void associationLoss(Judging j, List<Pool.Var> vars) {
    Pool data = j.data;
    List<BucketAssociationLoss.Pair> states = statePairs(j, vars);
    if (states != null) {
      List<BucketAssociationLoss.Pair> chosen = BucketAssociationLoss.associated(states);
      if (!chosen.isEmpty()) {
        j.addStates(
            Measure.ASSOCIATION_LOSS,
            Subject.DATASET,
            split -> BucketAssociationLoss.loss(chosen, split),
            Measure.ASSOCIATION_LOSS.cause(),
            "max(0, 1 - sum |association_candidate| / sum |association_reference|) over the "
                + chosen.size()
                + " column pairs associated beyond chance over every row of both files, from the"
                + " pass's pair states"
                + (chosen.stream().anyMatch(BucketAssociationLoss.Pair::binned)
                    ? " (numbers paired with categories cut at the pooled quintiles of both files'"
                        + " first "
                        + LeadingCuts.ROWS
                        + " rows)"
                    : ""));
      }
    }
    List<AssociationLoss.Pair> pairs =
        states != null ? List.of() : AssociationLoss.associatedPairs(vars, null, data.n);
    if (!pairs.isEmpty()) {
      Association.PairCells[] cells = AssociationLoss.cells(pairs);
      j.add(
          Measure.ASSOCIATION_LOSS,
          Subject.DATASET,
          (l, candidates) -> AssociationLoss.loss(pairs, cells, l, candidates),
          Measure.ASSOCIATION_LOSS.cause(),
          "max(0, 1 - sum |association_candidate| / sum |association_reference|) over the "
              + pairs.size()
              + " column pairs associated beyond chance in the pooled rows");
    }
    List<Pool.Var> segmenting =
        vars.stream()
            .filter(AssociationLoss::segmenting)
            .limit(AssociationLoss.MAX_SEGMENT_COLUMNS)
            .toList();
    if (segmenting.isEmpty()) {
      return;
    }
    // As words of 64 rows: a hundred labellings of every held row stay small next to the data.
    int words = (data.n + 63) >>> 6;
    long[][] resplits = new long[SEGMENT_REPLICATES][];
    for (int b = 0; b < resplits.length; b++) {
      int[] idx = Shuffle.permutation(0, data.n, j.plan.segmentRandom);
      resplits[b] = new long[words];
      for (int i = 0; i < data.nC; i++) {
        resplits[b][idx[i] >>> 6] |= 1L << idx[i];
      }
    }
    long[] observed = new long[words];
    for (int i = 0; i < data.nC; i++) {
      observed[i >>> 6] |= 1L << i;
    }
    for (Pool.Var by : segmenting) {
      List<AssociationLoss.Segment> segments =
          AssociationLoss.segments(by, vars, data.n, j.plan.segmentRandom);
      List<String> names = new ArrayList<>();
      List<Judging.Replicated> parts = new ArrayList<>();
      for (AssociationLoss.Segment g : segments) {
        double[][] drops = new double[resplits.length + 1][];
        drops[0] = g.drops(observed);
        IntStream.range(0, resplits.length)
            .parallel()
            .forEach(b -> drops[b + 1] = g.drops(resplits[b]));
        double[] s = AssociationLoss.combine(g.pairs(), drops);
        if (!Double.isNaN(s[0])) {
          names.add(g.category());
          parts.add(
              new Judging.Replicated(
                  s[0], Arrays.copyOfRange(s, 1, s.length), Evidence.RowScope.ANALYSED));
        }
      }
      j.addMaxExcess(
          Measure.SEGMENT_ASSOCIATION_LOSS,
          Subject.of(by.name),
          names,
          parts,
          "drop of association (sum over the pairs associated within the category of"
              + " |a_reference| - |a_candidate|, weighted by the pooled association over the"
              + " drop's re-split variance) inside one category of "
              + by.name
              + ", standardised by its re-split mean and sd; the largest over "
              + parts.size()
              + " categories of at least "
              + AssociationLoss.MIN_SEGMENT_ROWS
              + " pooled rows and 5% of them");
    }
  }
}
