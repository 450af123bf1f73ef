package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.List;
import org.synthos.core.assess.Charts;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.pool.Pool;

/**
 * The HTML report's text charts, per text column: the length in tokens (the numeric chart of {@link
 * TextColumn#tokens}), the most frequent words side by side (shares of each side's words), and the
 * largest clusters of equal or MinHash-near texts (shares of each side's rows, labelled by the
 * cluster's first text).
 */
final class TextCharts {
  static final int MAX_TEXT_COLUMNS = 6;
  static final int LABEL_CHARS = 40;

  private TextCharts() {}

  static List<Charts.ColumnChart> build(Pool data) {
    List<Charts.ColumnChart> out = new ArrayList<>();
    for (Pool.Var v : data.vars) {
      if (!v.text || out.size() >= 3 * MAX_TEXT_COLUMNS) {
        continue;
      }
      TextColumn t = TextColumn.of(v);
      out.add(ChartBuilder.numeric(data, t.tokens));
      out.add(top(data, v.name + " (most frequent words)", t.words(), t.wordsOfRows(), false));
      out.add(top(data, v.name + " (largest text clusters)", labels(t), clusterOfRows(t), true));
    }
    return out;
  }

  private static String[] labels(TextColumn t) {
    String[] l = new String[t.var.dictionary.length];
    for (int e = 0; e < l.length; e++) {
      String s = t.text(e);
      l[e] = s.length() > LABEL_CHARS ? s.substring(0, LABEL_CHARS) + "..." : s;
    }
    return l;
  }

  /** Each row's cluster as a one-element list, or an empty one without text. */
  private static int[][] clusterOfRows(TextColumn t) {
    int[] g = t.nearGroupOfRows();
    int[][] out = new int[g.length][];
    for (int i = 0; i < g.length; i++) {
      out[i] = g[i] < 0 ? new int[0] : new int[] {g[i]};
    }
    return out;
  }

  /**
   * Shares of the {@value ChartBuilder#TOP} items most frequent over both sides; items per row in
   * {@code itemsOfRow}; shares of rows ({@code perRow}) or of items.
   */
  private static Charts.ColumnChart top(
      Pool data, String title, String[] names, int[][] itemsOfRow, boolean perRow) {
    double[][] counts = new double[2][names.length];
    double[] totals = new double[2];
    for (int i = 0; i < data.n; i++) {
      int side = i < data.nC ? 0 : 1;
      for (int item : itemsOfRow[i]) {
        counts[side][item]++;
      }
      totals[side] += perRow ? (itemsOfRow[i].length > 0 ? 1 : 0) : itemsOfRow[i].length;
    }
    Integer[] order = ChartBuilder.byTotal(counts, names.length);
    int shown = Math.min(names.length, ChartBuilder.TOP);
    List<String> labels = new ArrayList<>();
    double[][] picked = new double[2][shown];
    for (int k = 0; k < shown; k++) {
      labels.add(names[order[k]]);
      picked[0][k] = counts[0][order[k]];
      picked[1][k] = counts[1][order[k]];
    }
    return new Charts.ColumnChart(
        title,
        false,
        labels,
        ChartBuilder.shares(picked[1], totals[1], shown),
        ChartBuilder.shares(picked[0], totals[0], shown));
  }
}
