package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ColumnAccumulator;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.PairAccumulator;
import org.synthos.core.state.PairStates;
import org.synthos.core.state.StateConfig;

/**
 * The baseline: an SDMetrics QualityReport-style score (SDMetrics 0.29), computed here to
 * SDMetrics' definitions (sdv-dev/SDMetrics@54362a3) from core's profile states; golden values from
 * {@code tools/golden/sdmetrics_defs.py}.
 *
 * <ul>
 *   <li>Column Shapes = mean over columns of KSComplement (integer, float, datetime) or
 *       TVComplement (boolean, categorical); text and identifier columns are skipped, as SDMetrics
 *       skips other sdtypes.
 *   <li>Column Pair Trends = mean over column pairs of CorrelationSimilarity (Pearson) for two
 *       numeric columns, else ContingencySimilarity with each numeric column cut into 10
 *       equal-width bins on the reference's range (open ends), missing values as their own
 *       category. All pairs count (the aggregation before SDMetrics 0.27 added its correlation and
 *       association thresholds); a pair whose column has more than {@link #PAIR_CATEGORY_CAP}
 *       categories is left out.
 *   <li>Score = mean of the two properties that could be computed.
 * </ul>
 */
final class QualityBaseline {
  static final int BINS = 10;
  static final int PAIR_CATEGORY_CAP = 100;

  private static final StateConfig CONFIG = StateConfig.defaults();

  private QualityBaseline() {}

  /** The score in [0, 1] (1 = identical), or empty when neither property can be computed. */
  static OptionalDouble score(ColumnBatch reference, ColumnBatch candidate) {
    List<Double> shapes = new ArrayList<>();
    Schema schema = reference.schema();
    for (int c = 0; c < schema.size(); c++) {
      Field f = schema.field(c);
      double v;
      if (f.type().isNumeric()) {
        v = ksComplement(present(reference.column(c)), present(candidate.column(c)));
      } else if (f.type() == ColumnType.BOOLEAN || f.type() == ColumnType.CATEGORICAL) {
        v = tvComplement(frequencies(f, reference.column(c)), frequencies(f, candidate.column(c)));
      } else {
        continue;
      }
      addValue(shapes, v);
    }
    List<Double> pairs = pairTrends(reference, candidate);
    List<Double> properties = new ArrayList<>();
    mean(shapes).ifPresent(properties::add);
    mean(pairs).ifPresent(properties::add);
    return mean(properties);
  }

  private static List<Double> pairTrends(ColumnBatch reference, ColumnBatch candidate) {
    Schema schema = reference.schema();
    PairStates numRef = pairStates(reference);
    PairStates numCand = pairStates(candidate);
    ColumnBatch[] binned = Binning.discretise(reference, candidate);
    PairStates catRef = pairStates(binned[0]);
    PairStates catCand = pairStates(binned[1]);
    List<Double> out = new ArrayList<>();
    for (int a = 0; a < schema.size(); a++) {
      for (int b = a + 1; b < schema.size(); b++) {
        ColumnType ta = schema.field(a).type();
        ColumnType tb = schema.field(b).type();
        if (!takesPart(ta) || !takesPart(tb)) {
          continue;
        }
        ColumnPair key = new ColumnPair(a, b);
        if (ta.isNumeric() && tb.isNumeric()) {
          addValue(
              out,
              correlationSimilarity(numRef.coMoments().get(key), numCand.coMoments().get(key)));
        } else {
          addValue(
              out,
              contingencySimilarity(catRef.contingency().get(key), catCand.contingency().get(key)));
        }
      }
    }
    return out;
  }

  private static boolean takesPart(ColumnType t) {
    return t.isNumeric() || t == ColumnType.BOOLEAN || t == ColumnType.CATEGORICAL;
  }

  static PairStates pairStates(ColumnBatch batch) {
    int p = batch.schema().size();
    PairAccumulator acc =
        PairAccumulator.of(batch.schema(), CONFIG.withPairCategoryCap(PAIR_CATEGORY_CAP), p, p);
    acc.update(batch);
    return acc.snapshot();
  }

  static FrequencyState frequencies(Field f, Column column) {
    ColumnAccumulator acc = ColumnAccumulator.of(f, CONFIG);
    acc.update(column);
    return acc.snapshot().frequencies().orElseThrow();
  }

  /** A metric's value, left out when it could not be computed (NaN). */
  private static void addValue(List<Double> out, double v) {
    if (Double.isFinite(v)) {
      out.add(v);
    }
  }

  /**
   * KSComplement = 1 - D, D = sup |F_r - F_c| over the empirical CDFs of the finite values, both
   * evaluated after every copy of a tied value (scipy {@code ks_2samp} statistic); NaN for a side
   * without finite values.
   */
  static double ksComplement(double[] reference, double[] candidate) {
    double[] x = Arrays.stream(reference).filter(Double::isFinite).sorted().toArray();
    double[] y = Arrays.stream(candidate).filter(Double::isFinite).sorted().toArray();
    if (x.length == 0 || y.length == 0) {
      return Double.NaN;
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
    }
    return 1 - d;
  }

  /**
   * TVComplement = 1 - 1/2 sum_c |q_c - p_c| over the reference's categories plus those only in the
   * candidate, as {@code sdmetrics.utils.get_frequencies}: a category seen only in the candidate
   * gets a reference count of 1e-6, which also enters the reference total. NaN when a side's counts
   * are estimates (more categories than the exact-count cap) or empty.
   */
  static double tvComplement(FrequencyState reference, FrequencyState candidate) {
    if (reference.approximate()
        || candidate.approximate()
        || reference.total() == 0
        || candidate.total() == 0) {
      return Double.NaN;
    }
    Map<String, Double> real = new HashMap<>();
    reference.exactCounts().forEach((k, v) -> real.put(k, (double) v));
    candidate.exactCounts().keySet().forEach(k -> real.putIfAbsent(k, 1e-6));
    double realTotal = real.values().stream().mapToDouble(Double::doubleValue).sum();
    double tv = 0;
    for (String k : new TreeSet<>(real.keySet())) {
      double fObs = candidate.exactCounts().getOrDefault(k, 0L) / (double) candidate.total();
      tv += Math.abs(fObs - real.get(k) / realTotal);
    }
    return 1 - 0.5 * tv;
  }

  /**
   * CorrelationSimilarity (Pearson) = 1 - |r_r - r_c| / 2, each r over the rows where both columns
   * are present; NaN when either r is undefined (a constant column), where SDMetrics raises.
   */
  static double correlationSimilarity(CoMomentsState reference, CoMomentsState candidate) {
    var rr = reference.pearson();
    var rc = candidate.pearson();
    return rr.isEmpty() || rc.isEmpty()
        ? Double.NaN
        : 1 - Math.abs(rr.getAsDouble() - rc.getAsDouble()) / 2;
  }

  /**
   * ContingencySimilarity = 1 - 1/2 sum_(a,b) |P_r(a,b) - P_c(a,b)| over the union of cells,
   * missing values as their own category; NaN when a table overflowed its category cap or is empty.
   */
  static double contingencySimilarity(ContingencyState reference, ContingencyState candidate) {
    if (reference.overflowed()
        || candidate.overflowed()
        || reference.total() == 0
        || candidate.total() == 0) {
      return Double.NaN;
    }
    TreeSet<ContingencyState.Cell> cells = new TreeSet<>(ContingencyState.CELL_ORDER);
    cells.addAll(reference.cells().keySet());
    cells.addAll(candidate.cells().keySet());
    double tv = 0;
    for (ContingencyState.Cell c : cells) {
      double pr = reference.cells().getOrDefault(c, 0L) / (double) reference.total();
      double pc = candidate.cells().getOrDefault(c, 0L) / (double) candidate.total();
      tv += Math.abs(pr - pc);
    }
    return 1 - 0.5 * tv;
  }

  private static OptionalDouble mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average();
  }

  /** Present values of a numeric column as doubles (NaN dropped, as SDMetrics drops it). */
  static double[] present(Column column) {
    int n = column.size();
    double[] out = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (column.isNull(i)) {
        continue;
      }
      double v =
          column instanceof Column.Longs l ? l.values()[i] : ((Column.Doubles) column).values()[i];
      if (!Double.isNaN(v)) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** Numeric columns replaced by their bin labels; other columns unchanged. */
  private static final class Binning {
    private Binning() {}

    static ColumnBatch[] discretise(ColumnBatch reference, ColumnBatch candidate) {
      Schema schema = reference.schema();
      List<Field> fields = new ArrayList<>();
      List<Column> ref = new ArrayList<>();
      List<Column> cand = new ArrayList<>();
      for (int c = 0; c < schema.size(); c++) {
        Field f = schema.field(c);
        if (!f.type().isNumeric()) {
          fields.add(f);
          ref.add(reference.column(c));
          cand.add(candidate.column(c));
          continue;
        }
        double[] r = present(reference.column(c));
        double lo = Arrays.stream(r).min().orElse(0);
        double hi = Arrays.stream(r).max().orElse(0);
        fields.add(new Field(f.name(), ColumnType.CATEGORICAL));
        ref.add(labels(reference.column(c), lo, hi));
        cand.add(labels(candidate.column(c), lo, hi));
      }
      Schema binned = new Schema(fields);
      return new ColumnBatch[] {
        new ColumnBatch(binned, ref, 0, reference.rowCount()),
        new ColumnBatch(binned, cand, 0, candidate.rowCount())
      };
    }

    /** Bin k of 10 equal-width bins on [lo, hi], the outer bins open-ended. */
    private static Column labels(Column column, double lo, double hi) {
      int n = column.size();
      String[] v = new String[n];
      boolean[] nulls = new boolean[n];
      double width = (hi - lo) / BINS;
      for (int i = 0; i < n; i++) {
        double x =
            column.isNull(i)
                ? Double.NaN
                : column instanceof Column.Longs l
                    ? l.values()[i]
                    : ((Column.Doubles) column).values()[i];
        if (Double.isNaN(x)) {
          nulls[i] = true;
          continue;
        }
        int bin = width > 0 ? (int) Math.floor((x - lo) / width) : 0;
        v[i] = "bin" + Math.max(0, Math.min(BINS - 1, bin));
      }
      return new Column.Strings(v, n, Mask.of(nulls), Mask.none(n));
    }
  }
}
