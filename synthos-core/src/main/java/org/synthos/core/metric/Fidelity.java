package org.synthos.core.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.CorrelationRatioState;
import org.synthos.core.state.CountsState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;

/**
 * Similarity scores in [0, 1] (1 = identical) with the definitions of SDMetrics 0.29
 * (sdv-dev/SDMetrics, {@code single_column/statistical} and {@code column_pairs/statistical}),
 * computed from profile states. Each carries the null band of the score, where one is known, so a
 * verdict can tell a real gap from sampling noise.
 */
public final class Fidelity {
  private Fidelity() {}

  /** SDMetrics KSComplement = 1 - D on exact samples; band from {@link NullBands#ks}. */
  public static MetricValue ksComplement(double[] reference, double[] candidate) {
    return complement(TwoSample.ks(reference, candidate), 1);
  }

  /**
   * KSComplement from two KLL sketches; its error is the KS error bound of {@link
   * TwoSample#ks(QuantileState, QuantileState)}.
   */
  public static MetricValue ksComplement(QuantileState reference, QuantileState candidate) {
    return complement(TwoSample.ks(reference, candidate), 1);
  }

  private static MetricValue complement(MetricValue distance, double scale) {
    if (distance instanceof MetricValue.Value v) {
      return new MetricValue.Value(
          1 - scale * v.value(), scale * v.error(), v.nullBand().map(b -> b.complement(scale)));
    }
    return distance;
  }

  /**
   * SDMetrics TVComplement = 1 - 1/2 sum_c |q_c - p_c| over the reference's categories plus those
   * only in the candidate, reproducing {@code sdmetrics.utils.get_frequencies}: a category seen
   * only in the candidate gets a reference count of 1e-6, which also enters the reference total.
   * The null band is {@link NullBands#tvd} on the reference's masses. Not applicable when either
   * side's counts are estimates (more categories than the cap) or empty.
   */
  public static MetricValue tvComplement(FrequencyState reference, FrequencyState candidate) {
    if (reference.approximate() || candidate.approximate()) {
      return MetricValue.notApplicable(
          "a column has more categories than the exact-count cap, so TVComplement would be"
              + " computed on estimates");
    }
    if (reference.total() == 0 || candidate.total() == 0) {
      return MetricValue.notApplicable("TVComplement needs values on both sides");
    }
    Map<String, Double> real = new HashMap<>();
    reference.exactCounts().forEach((k, v) -> real.put(k, (double) v));
    for (String k : candidate.exactCounts().keySet()) {
      if (!real.containsKey(k)) {
        real.put(k, 1e-6);
      }
    }
    double realTotal = 0;
    for (double v : real.values()) {
      realTotal += v;
    }
    double synTotal = candidate.total();
    double tv = 0;
    for (String k : new TreeSet<>(real.keySet())) {
      double fObs = candidate.exactCounts().getOrDefault(k, 0L) / synTotal;
      double fExp = real.get(k) / realTotal;
      tv += Math.abs(fObs - fExp);
    }
    double[] masses =
        reference.exactCounts().values().stream()
            .mapToDouble(c -> c / (double) reference.total())
            .toArray();
    NullBand band =
        NullBands.tvd(masses, reference.total(), candidate.total(), NullBands.DEFAULT_LEVEL)
            .complement(1);
    return new MetricValue.Value(1 - 0.5 * tv, 0, Optional.of(band));
  }

  /**
   * SDMetrics RangeCoverage = max(0, 1 - [max(0, (min_c - min_r)/(max_r - min_r)) + max(0, (max_r -
   * max_c)/(max_r - min_r))]) on the finite values. Not applicable for an empty side or a constant
   * reference (SDMetrics would divide by zero).
   */
  public static MetricValue rangeCoverage(MomentsState reference, MomentsState candidate) {
    if (reference.count() == 0 || candidate.count() == 0) {
      return MetricValue.notApplicable("range coverage needs finite values on both sides");
    }
    double range = reference.max() - reference.min();
    if (!(range > 0) || !Double.isFinite(range)) {
      return MetricValue.notApplicable("the reference column is constant, so it has no range");
    }
    double low = Math.max(0, (candidate.min() - reference.min()) / range);
    double high = Math.max(0, (reference.max() - candidate.max()) / range);
    return MetricValue.of(Math.max(0, 1 - (low + high)));
  }

  /**
   * RangeCoverage with a null band from the reference's quantile sketch. Under the null the
   * candidate is m draws from the reference distribution F, so its minimum exceeds x with
   * probability (1 - F(x))^m and its maximum stays below x with probability F(x)^m. The expected
   * gaps are the integrals of those over the reference range; the limit takes each gap at its (1 +
   * level)/2 quantile (a Bonferroni split of the two tails), g = F^-1(1 - (alpha/2)^(1/m)) - min
   * and max - F^-1((alpha/2)^(1/m)). F is read from the sketch, within its rank error.
   */
  public static MetricValue rangeCoverage(
      MomentsState reference, MomentsState candidate, QuantileState referenceQuantiles) {
    MetricValue value = rangeCoverage(reference, candidate);
    if (!(value instanceof MetricValue.Value v) || referenceQuantiles.isEmpty()) {
      return value;
    }
    double lo = reference.min();
    double hi = reference.max();
    double range = hi - lo;
    double m = candidate.count();
    double[] x = referenceQuantiles.retainedValues();
    long[] cum = referenceQuantiles.cumulativeWeights();
    double total = cum[cum.length - 1];
    double lowGap = 0;
    double highGap = 0;
    // F is a step function: F(t) = cum[i] / total on [x[i], x[i + 1])
    for (int i = 0; i + 1 < x.length; i++) {
      double f = cum[i] / total;
      double width = x[i + 1] - x[i];
      lowGap += Math.exp(m * Math.log1p(-f)) * width;
      highGap += Math.exp(m * Math.log(f)) * width;
    }
    lowGap += Math.max(0, x[0] - lo); // below the first retained item F is 0
    double alpha = 1 - NullBands.DEFAULT_LEVEL;
    double tail = Math.exp(Math.log(alpha / 2) / m); // (alpha/2)^(1/m)
    double[] limits = referenceQuantiles.quantiles(new double[] {1 - tail, tail});
    double lowLimit = limits[0] - lo;
    double highLimit = hi - limits[1];
    NullBand band =
        new NullBand(
            Math.max(0, 1 - (lowGap + highGap) / range),
            Math.max(0, 1 - (Math.max(0, lowLimit) + Math.max(0, highLimit)) / range),
            NullBands.DEFAULT_LEVEL,
            false,
            "order statistics of the reference distribution (from its quantile sketch)");
    return new MetricValue.Value(v.value(), 0, Optional.of(band));
  }

  /**
   * SDMetrics CategoryCoverage = |categories of the candidate that occur in the reference| /
   * |categories of the reference|, missing values excluded. Not applicable when the reference's
   * counts are estimates or it has no values.
   *
   * <p>Null band, analytic: a sample of m values from the reference distribution contains category
   * c with probability q_c = 1 - (1 - p_c)^m, so the expected coverage is the mean of q_c; the
   * limit subtracts the one-sided normal quantile times sqrt(sum q_c (1 - q_c)) / K, treating
   * categories as independent. Rare reference categories make full coverage unlikely even for a
   * perfect generator, which is what the band shows.
   */
  public static MetricValue categoryCoverage(FrequencyState reference, FrequencyState candidate) {
    if (reference.approximate()) {
      return MetricValue.notApplicable(
          "the reference has more categories than the exact-count cap");
    }
    if (reference.exactCounts().isEmpty()) {
      return MetricValue.notApplicable("the reference column has no values");
    }
    if (candidate.approximate()) {
      return MetricValue.notApplicable(
          "the candidate has more categories than the exact-count cap");
    }
    long covered =
        reference.exactCounts().keySet().stream()
            .filter(candidate.exactCounts()::containsKey)
            .count();
    int k = reference.exactCounts().size();
    double m = candidate.total();
    double expected = 0;
    double variance = 0;
    for (long count : reference.exactCounts().values()) {
      double p = count / (double) reference.total();
      double q = -Math.expm1(m * Math.log1p(-p)); // 1 - (1 - p)^m, accurate for tiny p
      expected += q;
      variance += q * (1 - q);
    }
    NullBand band =
        new NullBand(
            expected / k,
            Math.max(
                0,
                (expected - Special.normalQuantile(NullBands.DEFAULT_LEVEL) * Math.sqrt(variance))
                    / k),
            NullBands.DEFAULT_LEVEL,
            false,
            "analytic: chance that a sample of this size contains each category");
    return MetricValue.of(covered / (double) k, band);
  }

  /**
   * SDMetrics MissingValueSimilarity = 1 - |m_r - m_c| with m the share of missing cells (nulls,
   * invalid cells included). Null band: m_c - m_r is approximately N(0, m (1 - m)(1/n + 1/m')) with
   * m the reference share, so the expected gap is sigma sqrt(2/pi) and the limit z_level sigma.
   */
  public static MetricValue missingValueSimilarity(CountsState reference, CountsState candidate) {
    if (reference.rows() == 0 || candidate.rows() == 0) {
      return MetricValue.notApplicable("missing-value similarity needs rows on both sides");
    }
    double mr = reference.nulls() / (double) reference.rows();
    double mc = candidate.nulls() / (double) candidate.rows();
    double sigma = Math.sqrt(mr * (1 - mr) * (1.0 / reference.rows() + 1.0 / candidate.rows()));
    NullBand gap =
        new NullBand(
            sigma * Math.sqrt(2 / Math.PI),
            sigma * Special.normalQuantile((1 + NullBands.DEFAULT_LEVEL) / 2),
            NullBands.DEFAULT_LEVEL,
            true,
            "analytic binomial normal approximation");
    return MetricValue.of(1 - Math.abs(mr - mc), gap.complement(1));
  }

  /**
   * SDMetrics CorrelationSimilarity (Pearson) = 1 - |r_r - r_c| / 2, each r over the rows where
   * both columns are present. Null band: with Fisher's approximation Var(r) = (1 - rho^2)^2 / n,
   * the difference of two independent estimates has sigma = (1 - r_r^2) sqrt(1/n + 1/m). Not
   * applicable when either r is undefined (a constant column), where SDMetrics raises.
   */
  public static MetricValue correlationSimilarity(
      CoMomentsState reference, CoMomentsState candidate) {
    var rr = reference.pearson();
    var rc = candidate.pearson();
    if (rr.isEmpty() || rc.isEmpty()) {
      return MetricValue.notApplicable(
          "a column is constant or has fewer than two complete rows, so Pearson's r is undefined");
    }
    double r = rr.getAsDouble();
    double sigma = (1 - r * r) * Math.sqrt(1.0 / reference.count() + 1.0 / candidate.count());
    NullBand gap =
        new NullBand(
            sigma * Math.sqrt(2 / Math.PI),
            sigma * Special.normalQuantile((1 + NullBands.DEFAULT_LEVEL) / 2),
            NullBands.DEFAULT_LEVEL,
            true,
            "analytic Fisher normal approximation");
    return MetricValue.of(1 - Math.abs(r - rc.getAsDouble()) / 2, gap.complement(0.5));
  }

  /**
   * SDMetrics ContingencySimilarity = 1 - 1/2 sum_(a,b) |P_r(a,b) - P_c(a,b)| over the union of
   * cells, missing values as their own category. Null band: {@link NullBands#tvd} on the reference
   * table's cell masses. Not applicable when a table overflowed its category cap or is empty.
   */
  public static MetricValue contingencySimilarity(
      ContingencyState reference, ContingencyState candidate) {
    if (reference.overflowed() || candidate.overflowed()) {
      return MetricValue.notApplicable(
          Information.overflowReason(reference.overflowed() ? reference : candidate));
    }
    if (reference.total() == 0 || candidate.total() == 0) {
      return MetricValue.notApplicable("contingency similarity needs rows on both sides");
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
    double[] masses =
        reference.cells().values().stream()
            .mapToDouble(n -> n / (double) reference.total())
            .toArray();
    NullBand band =
        NullBands.tvd(masses, reference.total(), candidate.total(), NullBands.DEFAULT_LEVEL)
            .complement(1);
    return MetricValue.of(1 - 0.5 * tv, band);
  }

  /**
   * Mean absolute difference of Pearson correlations, (1/P) sum over the P pairs defined on both
   * sides of |r_r - r_c| (each unordered pair once, the diagonal excluded). Gretel's "correlation
   * stability" MAE includes the zero diagonal and so reads lower; this one does not. Not applicable
   * when no pair has r on both sides.
   */
  public static MetricValue correlationMatrixDifference(
      SortedMap<ColumnPair, CoMomentsState> reference,
      SortedMap<ColumnPair, CoMomentsState> candidate) {
    double sum = 0;
    int pairs = 0;
    for (var e : reference.entrySet()) {
      CoMomentsState other = candidate.get(e.getKey());
      if (other == null) {
        continue;
      }
      var rr = e.getValue().pearson();
      var rc = other.pearson();
      if (rr.isPresent() && rc.isPresent()) {
        sum += Math.abs(rr.getAsDouble() - rc.getAsDouble());
        pairs++;
      }
    }
    if (pairs == 0) {
      return MetricValue.notApplicable(
          "no pair of numeric columns has a correlation on both sides");
    }
    return MetricValue.of(sum / pairs);
  }

  /**
   * Correlation-ratio similarity 1 - |eta_r - eta_c| for a numeric x categorical pair, eta from
   * {@link CorrelationRatioState#eta()} (Synthos's own score, in the spirit of SDMetrics
   * CorrelationSimilarity; Gretel's correlation matrix uses the same eta). Not applicable when
   * either eta is undefined (constant numbers, overflowed categories, fewer than two rows).
   */
  public static MetricValue correlationRatioSimilarity(
      CorrelationRatioState reference, CorrelationRatioState candidate) {
    var er = reference.eta();
    var ec = candidate.eta();
    if (er.isEmpty() || ec.isEmpty()) {
      return MetricValue.notApplicable(
          reference.overflowed() || candidate.overflowed()
              ? "the categorical column has more categories than the pair cap"
              : "the numeric column is constant or has fewer than two rows with a category");
    }
    return MetricValue.of(1 - Math.abs(er.getAsDouble() - ec.getAsDouble()));
  }
}
