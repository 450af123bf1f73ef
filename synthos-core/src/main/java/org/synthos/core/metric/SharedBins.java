package org.synthos.core.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;

/**
 * Puts two datasets on bins fixed from the reference, so binned distances compare like with like
 * (unlike SDMetrics' report path, which bins each dataset on its own edges).
 */
public final class SharedBins {
  private SharedBins() {}

  /**
   * Up to {@code bins} equal-mass bins of the reference: the edges are the reference's quantiles at
   * ranks i / bins (deciles for 10), deduplicated when ties make them coincide, and the outer bins
   * are open to -inf and +inf: (-inf, e1], (e1, e2], ..., (e_{k-1}, +inf). This is the usual PSI
   * binning; unlike equal-width bins it is not emptied by one outlier, and every reference bin
   * holds enough mass for the sketches' rank error to stay small beside it. Masses come from the
   * KLL sketches, so each cumulative mass is within the sketches' rank error ({@link
   * BinnedPair#rankError()}). Empty when either side has no values or the reference is constant.
   */
  public static Optional<BinnedPair> numeric(
      MomentsState referenceMoments, QuantileState reference, QuantileState candidate, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2, got " + bins);
    }
    if (reference.isEmpty() || candidate.isEmpty() || referenceMoments.count() == 0) {
      return Optional.empty();
    }
    if (!(referenceMoments.max() > referenceMoments.min())) {
      return Optional.empty();
    }
    double[] ranks = new double[bins - 1];
    for (int i = 1; i < bins; i++) {
      ranks[i - 1] = i / (double) bins;
    }
    double[] q = reference.quantiles(ranks);
    double[] edges = new double[q.length];
    int n = 0;
    for (double e : q) {
      // an edge at the maximum would leave an empty last bin
      if ((n == 0 || e > edges[n - 1]) && e < referenceMoments.max()) {
        edges[n++] = e;
      }
    }
    if (n == 0) {
      edges = new double[] {referenceMoments.min()};
    } else {
      edges = java.util.Arrays.copyOf(edges, n);
    }
    List<String> labels = new ArrayList<>(edges.length + 1);
    for (int i = 0; i <= edges.length; i++) {
      String left = i == 0 ? "-inf" : Double.toString(edges[i - 1]);
      String right = i == edges.length ? "+inf" : Double.toString(edges[i]);
      labels.add("(" + left + ", " + right + "]");
    }
    double err = 0;
    if (!reference.isExact()) {
      err += reference.normalizedRankError();
    }
    if (!candidate.isExact()) {
      err += candidate.normalizedRankError();
    }
    return Optional.of(
        new BinnedPair(
            labels,
            reference.pmf(edges),
            candidate.pmf(edges),
            reference.count(),
            candidate.count(),
            err));
  }

  /**
   * One bin per category seen in either dataset, sorted; masses from exact counts. Empty when
   * either side is approximate (more categories than its cap) or has no values.
   */
  public static Optional<BinnedPair> categorical(
      FrequencyState reference, FrequencyState candidate) {
    if (reference.approximate() || candidate.approximate()) {
      return Optional.empty();
    }
    if (reference.total() == 0 || candidate.total() == 0) {
      return Optional.empty();
    }
    TreeSet<String> all = new TreeSet<>(reference.exactCounts().keySet());
    all.addAll(candidate.exactCounts().keySet());
    double[] r = new double[all.size()];
    double[] c = new double[all.size()];
    int i = 0;
    for (String v : all) {
      r[i] = reference.exactCounts().getOrDefault(v, 0L) / (double) reference.total();
      c[i] = candidate.exactCounts().getOrDefault(v, 0L) / (double) candidate.total();
      i++;
    }
    return Optional.of(
        new BinnedPair(List.copyOf(all), r, c, reference.total(), candidate.total(), 0));
  }
}
