package org.synthos.core.assess;

import java.util.List;

/**
 * The data behind the HTML report's charts; all shares and quantiles, never raw rows.
 *
 * @param columns per-column reference-vs-candidate distributions
 * @param correlation association matrices and their difference
 * @param tails quantiles of the outer 10% on each side, per numeric column
 * @param texts per text column: length in tokens (20 bins), the most frequent words, and the
 *     largest clusters of equal or near-duplicate texts, each as shares of the side's rows or words
 */
public record Charts(
    List<ColumnChart> columns,
    Correlation correlation,
    List<TailPlot> tails,
    List<ColumnChart> texts) {
  public Charts {
    columns = List.copyOf(columns);
    tails = List.copyOf(tails);
    texts = List.copyOf(texts);
  }

  /**
   * Shares per bin (numeric: 20 equal-width bins over both datasets' range; categorical: the 12
   * most frequent categories plus "other").
   */
  public record ColumnChart(
      String column,
      boolean numeric,
      List<String> bins,
      List<Double> reference,
      List<Double> candidate) {
    public ColumnChart {
      bins = List.copyOf(bins);
      reference = List.copyOf(reference);
      candidate = List.copyOf(candidate);
    }
  }

  /**
   * Pairwise association (Pearson r for two numeric columns, Cramér's V otherwise) in each dataset;
   * {@code difference[i][j] = candidate - reference}. Empty when fewer than two columns compare.
   */
  public record Correlation(
      List<String> columns,
      List<List<Double>> reference,
      List<List<Double>> candidate,
      List<List<Double>> difference) {
    public Correlation {
      columns = List.copyOf(columns);
      reference = List.copyOf(reference);
      candidate = List.copyOf(candidate);
      difference = List.copyOf(difference);
    }
  }

  /** Quantiles at the given probabilities, for reference and candidate. */
  public record TailPlot(
      String column, List<Double> probabilities, List<Double> reference, List<Double> candidate) {
    public TailPlot {
      probabilities = List.copyOf(probabilities);
      reference = List.copyOf(reference);
      candidate = List.copyOf(candidate);
    }
  }
}
