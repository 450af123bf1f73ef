package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.SideCounts;
import org.synthos.core.assess.pool.Pool;

/**
 * One column at a time: shape (KS or TVD), spread or entropy, tails or rare categories, distinct
 * values and missing shares, then the mean of the shape excesses and the loss of rare pairs of
 * categories.
 */
final class MarginalJudge {
  /** Columns with fewer distinct values are judged by their categories' shares instead. */
  static final int MIN_DISTINCT = 20;

  static final int MAX_PAIR_COLUMNS = 40;

  private final Judging j;
  private final Pool data;
  private final Map<boolean[], boolean[]> firstOfNearGroup = new ConcurrentHashMap<>();

  private MarginalJudge(Judging j) {
    this.j = j;
    this.data = j.data;
  }

  static void judge(Judging j) {
    new MarginalJudge(j).run();
  }

  private void run() {
    List<Pool.Var> vars = data.distributionVars();
    int distributionColumns = vars.size();
    List<Judging.Replicated> shapes = new ArrayList<>();
    for (Pool.Var v : vars) {
      Subject column = Subject.of(v.name);
      if (v.numeric) {
        keep(
            shapes,
            j.add(
                Measure.KS_STATISTIC,
                column,
                l -> Measures.ks(v, l),
                "Kolmogorov-Smirnov statistic (1 - SDMetrics KSComplement)"));
        j.add(
            Measure.SPREAD_DEFICIT,
            column,
            l -> Measures.spreadDeficit(v, l),
            "max(0, ln(sd_reference / sd_candidate)), values winsorised at the pooled 1% and 99%"
                + " quantiles");
        j.addExact(
            Measure.TAIL_DEFICIT,
            v,
            Measures.tailRows(v),
            distributionColumns,
            "relative loss of mass outside the pooled 5% and 95% quantiles");
      } else {
        keep(
            shapes,
            j.add(
                Measure.TVD,
                column,
                l -> Measures.tvd(v, l),
                "total variation distance (1 - SDMetrics TVComplement)"));
        j.add(
            Measure.ENTROPY_DEFICIT,
            column,
            l -> Measures.entropyDeficit(v, l),
            "max(0, H_reference - H_candidate) / ln(categories)");
        j.addExact(
            Measure.RARE_CATEGORY_DEFICIT,
            v,
            Measures.rareRows(v),
            distributionColumns,
            "relative loss of the categories below 5% of the pooled rows");
      }
      if (Measures.pooledDistinct(v) >= MIN_DISTINCT) {
        j.add(
            Measure.DISTINCT_DEFICIT,
            column,
            l -> Measures.distinctDeficit(v, firstOfNearGroup(l), l),
            "relative loss of distinct values per present cell (one row per group of"
                + " near-duplicate rows): values seen once, lost by resampling");
      }
      if (SideCounts.hasNulls(data, v)) {
        j.add(
            Measure.MISSING_GAP,
            column,
            l -> Measures.missingGap(v, l),
            "difference in the share of nulls (1 - SDMetrics MissingValueSimilarity)");
      }
    }
    j.addMeanExcess(Measure.MEAN_SHAPE_EXCESS, shapes, "columns' KS statistic or TVD");
    List<Pool.Var> categorical =
        vars.stream().filter(v -> !v.numeric).limit(MAX_PAIR_COLUMNS).toList();
    if (categorical.size() >= 2) {
      double[] weights = Measures.rareCombinationWeights(categorical, data.n);
      j.add(
          Measure.RARE_COMBINATION_DEFICIT,
          Subject.DATASET,
          l -> Measures.rareCombinationDeficit(weights, l),
          "relative loss of the pairs of categories seen in fewer than 1% of the pooled rows, over "
              + categorical.size() * (categorical.size() - 1) / 2
              + " column pairs");
    }
  }

  private static void keep(List<Judging.Replicated> into, Judging.Replicated r) {
    if (r != null) {
      into.add(r);
    }
  }

  /**
   * The first row of each near-duplicate group per side, for one labelling: the same for every
   * column, so computed once per labelling (labellings are compared by identity).
   */
  private boolean[] firstOfNearGroup(boolean[] labels) {
    return firstOfNearGroup.computeIfAbsent(labels, l -> Measures.firstOfGroup(data.nearGroup, l));
  }
}
