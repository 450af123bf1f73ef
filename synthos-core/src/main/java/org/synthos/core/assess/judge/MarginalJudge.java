package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.BucketPairs;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Buckets;
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
  private final Map<boolean[], byte[]> keptSides = new ConcurrentHashMap<>();

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
      Bucketed col = j.bucketed(v);
      Evidence.RowScope rows = col.allRows ? Evidence.RowScope.ALL : Evidence.RowScope.ANALYSED;
      List<ColumnMeasure> measures = new ArrayList<>();
      measures.add(
          v.numeric
              ? new ColumnMeasure(
                  Measure.KS_STATISTIC,
                  Marginals::ks,
                  "Kolmogorov-Smirnov statistic (1 - SDMetrics KSComplement)" + over(col))
              : new ColumnMeasure(
                  Measure.TVD,
                  Marginals::tvd,
                  "total variation distance (1 - SDMetrics TVComplement)"));
      measures.add(
          v.numeric
              ? ColumnMeasure.deficit(
                  Measure.SPREAD_DEFICIT,
                  Marginals::spreadLogRatio,
                  "max(0, ln(sd_reference / sd_candidate)), values winsorised at the pooled 1% and"
                      + " 99% quantiles"
                      + over(col))
              : ColumnMeasure.deficit(
                  Measure.ENTROPY_DEFICIT,
                  Marginals::entropyGap,
                  "max(0, H_reference - H_candidate) / ln(categories)"));
      boolean nulls = Arrays.stream(col.nulls).anyMatch(x -> x > 0);
      if (nulls) {
        measures.add(
            new ColumnMeasure(
                Measure.MISSING_GAP,
                Marginals::missingGap,
                "difference in the share of nulls (1 - SDMetrics MissingValueSimilarity)"));
      }
      keep(shapes, j.addBucketed(col, column, measures).get(0));
      Marginals.Sides observed = Marginals.sides(col, null);
      if (v.numeric) {
        j.addExact(
            Measure.TAIL_DEFICIT,
            column,
            Marginals.tailCounts(observed),
            distributionColumns,
            "relative loss of mass outside the pooled 5% and 95% quantiles" + over(col),
            rows);
      } else {
        j.addExact(
            Measure.RARE_CATEGORY_DEFICIT,
            column,
            Marginals.rareCounts(observed),
            distributionColumns,
            "relative loss of the categories below 5% of the pooled rows",
            rows);
      }
      if (Measures.pooledDistinct(v) >= MIN_DISTINCT) {
        j.add(
            Measure.DISTINCT_DEFICIT,
            column,
            l -> Measures.distinctDeficit(v, keptSides(l)),
            "relative loss of distinct values per present cell (one row per group of"
                + " near-duplicate rows): values seen once, lost by resampling");
      }
    }
    j.addMeanExcess(Measure.MEAN_SHAPE_EXCESS, shapes, "columns' KS statistic or TVD");
    List<Pool.Var> categorical =
        vars.stream().filter(v -> !v.numeric).limit(MAX_PAIR_COLUMNS).toList();
    if (categorical.size() >= 2 && !rareCombinationsOverEveryRow(categorical)) {
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

  /**
   * The rare-combination deficit from both files' combination counts of every row, when they kept
   * every pair of {@code categorical}; returns whether it did.
   */
  private boolean rareCombinationsOverEveryRow(List<Pool.Var> categorical) {
    Buckets[] states = j.states();
    if (states == null) {
      return false;
    }
    List<BucketPairs.Table> tables = new ArrayList<>();
    for (int a = 0; a < categorical.size(); a++) {
      for (int b = a + 1; b < categorical.size(); b++) {
        BucketPairs.Table t =
            BucketPairs.Table.of(
                states[0].pairs(),
                states[1].pairs(),
                categorical.get(a).name,
                categorical.get(b).name);
        if (t == null) {
          return false;
        }
        tables.add(t);
      }
    }
    long[] rows = j.bucketRows();
    long[] weights = BucketPairs.rareWeights(tables, Arrays.stream(rows).sum());
    j.addStates(
        Measure.RARE_COMBINATION_DEFICIT,
        Subject.DATASET,
        split -> BucketPairs.rareCombinationDeficit(weights, rows, split),
        Measure.RARE_COMBINATION_DEFICIT.cause(),
        "relative loss of the pairs of categories seen in fewer than 1% of the pooled rows, over "
            + tables.size()
            + " column pairs; every row, from the pass's combination counts");
    return true;
  }

  /** How the histograms were made, when not exactly. */
  static String over(Bucketed col) {
    return (col.quantiles ? "; on " + col.cells + " pooled-quantile cells" : "")
        + (col.sampled
            ? "; estimated from samples of " + Buckets.SAMPLE_SIZE + " values per bucket"
            : "");
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
  /** Per labelling, shared by the columns: each row's side among the first rows of near groups. */
  private byte[] keptSides(boolean[] labels) {
    return keptSides.computeIfAbsent(
        labels, l -> Measures.keptSides(Measures.firstOfGroup(data.nearGroup, l), l));
  }
}
