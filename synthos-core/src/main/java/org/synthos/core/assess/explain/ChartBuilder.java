package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.synthos.core.assess.Charts;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.Support;
import org.synthos.core.assess.pool.Pool;

/** Summarises the pooled data into chart series for the HTML report. */
public final class ChartBuilder {
  public static final int MAX_COLUMNS = 30;
  public static final int MAX_MATRIX = 20;
  public static final int MAX_TAILS = 12;
  public static final int BINS = 20;
  public static final int TOP = 12;
  public static final double[] TAIL_PROBABILITIES = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.9, 0.95, 0.975, 0.99, 0.995
  };

  private ChartBuilder() {}

  public static Charts build(Pool data) {
    boolean[] obs = data.observedLabels();
    List<Pool.Var> vars = data.distributionVars();
    List<Charts.ColumnChart> cols = new ArrayList<>();
    List<Charts.TailPlot> tails = new ArrayList<>();
    for (Pool.Var v : vars.subList(0, Math.min(vars.size(), MAX_COLUMNS))) {
      cols.add(v.numeric ? numeric(data, v) : categorical(data, v));
      if (v.numeric && tails.size() < MAX_TAILS && v.sorted.length > 0) {
        tails.add(
            new Charts.TailPlot(
                v.name,
                box(TAIL_PROBABILITIES),
                data.hasReference() ? quantiles(v, obs, false) : List.of(),
                quantiles(v, obs, true)));
      }
    }
    List<Pool.Var> mv = vars.subList(0, Math.min(vars.size(), MAX_MATRIX));
    List<String> names = mv.stream().map(v -> v.name).toList();
    List<List<Double>> refM = new ArrayList<>();
    List<List<Double>> candM = new ArrayList<>();
    List<List<Double>> diff = new ArrayList<>();
    if (mv.size() >= 2) {
      // Each cell is computed on its own (on both cores): the same values in any order.
      int m = mv.size();
      double[] cand = new double[m * m];
      double[] ref = new double[m * m];
      IntStream.range(0, m * m)
          .parallel()
          .forEach(
              cell -> {
                Pool.Var a = mv.get(cell / m);
                Pool.Var b = mv.get(cell % m);
                if (a == b) {
                  cand[cell] = 1;
                  ref[cell] = data.hasReference() ? 1 : Double.NaN;
                } else if (!data.hasReference()) {
                  cand[cell] = Association.association(a, b, obs, true);
                  ref[cell] = Double.NaN;
                } else {
                  double[] both = Association.associationBoth(a, b, obs);
                  cand[cell] = both[0];
                  ref[cell] = both[1];
                }
              });
      for (int i = 0; i < m; i++) {
        List<Double> r = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (int j = 0; j < m; j++) {
          c.add(round(cand[i * m + j]));
          r.add(round(ref[i * m + j]));
          d.add(round(cand[i * m + j] - ref[i * m + j]));
        }
        refM.add(r);
        candM.add(c);
        diff.add(d);
      }
    }
    return new Charts(
        cols,
        new Charts.Correlation(mv.size() >= 2 ? names : List.of(), refM, candM, diff),
        tails,
        TextCharts.build(data));
  }

  private static double round(double x) {
    return Double.isNaN(x) ? Double.NaN : Math.round(x * 10000) / 10000.0;
  }

  private static List<Double> box(double[] v) {
    return Arrays.stream(v).boxed().toList();
  }

  private static List<Double> quantiles(Pool.Var v, boolean[] obs, boolean side) {
    double[] x =
        Arrays.stream(v.sorted).filter(i -> obs[i] == side).mapToDouble(i -> v.values[i]).toArray();
    List<Double> q = new ArrayList<>();
    for (double p : TAIL_PROBABILITIES) {
      q.add(x.length == 0 ? Double.NaN : x[(int) Math.round(p * (x.length - 1))]);
    }
    return q;
  }

  static Charts.ColumnChart numeric(Pool data, Pool.Var v) {
    List<String> labels = new ArrayList<>();
    double[][] counts = new double[2][BINS];
    double[] totals = new double[2];
    if (v.sorted.length > 0) {
      double lo = v.values[v.sorted[0]];
      double hi = v.values[v.sorted[v.sorted.length - 1]];
      double width = hi > lo ? (hi - lo) / BINS : 1;
      for (int b = 0; b < BINS; b++) {
        labels.add(Support.fmt(lo + b * width));
      }
      for (int i : v.sorted) {
        int b = (int) Math.min(BINS - 1, Math.floor((v.values[i] - lo) / width));
        int side = i < data.nC ? 0 : 1;
        counts[side][b]++;
        totals[side]++;
      }
    }
    return new Charts.ColumnChart(
        v.name,
        true,
        labels,
        shares(counts[1], totals[1], labels.size()),
        shares(counts[0], totals[0], labels.size()));
  }

  /** Item indices by descending count over both sides, ties by index. */
  static Integer[] byTotal(double[][] counts, int k) {
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          double ta = counts[0][a] + counts[1][a];
          double tb = counts[0][b] + counts[1][b];
          return ta != tb ? Double.compare(tb, ta) : Integer.compare(a, b);
        });
    return order;
  }

  static List<Double> shares(double[] counts, double total, int n) {
    List<Double> out = new ArrayList<>();
    if (total == 0) {
      return out;
    }
    for (int b = 0; b < n; b++) {
      out.add(round(counts[b] / total));
    }
    return out;
  }

  private static Charts.ColumnChart categorical(Pool data, Pool.Var v) {
    int k = v.categories();
    double[][] counts = new double[2][k];
    double[] totals = new double[2];
    for (int i = 0; i < data.n; i++) {
      if (v.codes[i] >= 0) {
        int side = i < data.nC ? 0 : 1;
        counts[side][v.codes[i]]++;
        totals[side]++;
      }
    }
    Integer[] order = byTotal(counts, k);
    int shown = Math.min(k, TOP);
    List<String> labels = new ArrayList<>();
    double[][] binned = new double[2][shown + (k > TOP ? 1 : 0)];
    for (int t = 0; t < k; t++) {
      int slot = Math.min(t, TOP);
      if (t < shown) {
        labels.add(v.dictionary[order[t]]);
      }
      binned[0][slot] += counts[0][order[t]];
      binned[1][slot] += counts[1][order[t]];
    }
    if (k > TOP) {
      labels.add("other");
    }
    return new Charts.ColumnChart(
        v.name,
        false,
        labels,
        shares(binned[1], totals[1], labels.size()),
        shares(binned[0], totals[0], labels.size()));
  }
}
