package org.synthos.core.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.synthos.api.Field;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.PairStates;
import org.synthos.core.state.QuantileState;

/**
 * Every applicable metric between a reference profile and a candidate profile, column by column
 * (matched by name) and pair by pair. Pure: the same profiles and options give the same result.
 */
public final class ProfileComparison {
  private ProfileComparison() {}

  /**
   * @param bins equal-mass bins of the reference (deciles at 10) for binned numeric metrics
   * @param level one-sided level of the null bands
   * @param seed seed of the resampled null bands
   */
  public record Options(int bins, double level, long seed) {
    public Options {
      if (bins < 2) {
        throw new IllegalArgumentException("bins must be >= 2, got " + bins);
      }
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("level must be in (0, 1), got " + level);
      }
    }

    /** Ten bins (as SDMetrics and synthcity), 95% bands, seed 0. */
    public static Options defaults() {
      return new Options(10, NullBands.DEFAULT_LEVEL, 0);
    }
  }

  /** Metrics of one column, by metric name (sorted). */
  public record ColumnComparison(String column, SortedMap<String, MetricValue> metrics) {
    public ColumnComparison {
      metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }
  }

  /** Metrics of one column pair, by metric name (sorted). */
  public record PairComparison(
      String first, String second, SortedMap<String, MetricValue> metrics) {
    public PairComparison {
      metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }
  }

  /**
   * Column metrics for every reference column: missing-value similarity for all; KSComplement,
   * range coverage, normalized Wasserstein and binned TVD / Jensen-Shannon / Hellinger / PSI for
   * numeric columns; TVComplement, category coverage and the same binned distances on categories
   * for categorical, boolean and text columns. A column missing from the candidate, or of another
   * type there, gets a single not-applicable entry saying so.
   */
  public static List<ColumnComparison> columns(
      DatasetProfile reference, DatasetProfile candidate, Options options) {
    List<ColumnComparison> out = new ArrayList<>();
    for (ColumnStates r : reference.columns()) {
      Field field = r.field();
      Optional<ColumnStates> maybe = candidate.column(field.name());
      TreeMap<String, MetricValue> m = new TreeMap<>();
      if (maybe.isEmpty()) {
        m.put(
            "column",
            MetricValue.notApplicable("the candidate has no column '" + field.name() + "'"));
      } else if (maybe.get().field().type() != field.type()) {
        m.put(
            "column",
            MetricValue.notApplicable(
                "the column is "
                    + field.type().label()
                    + " in the reference but "
                    + maybe.get().field().type().label()
                    + " in the candidate"));
      } else {
        fill(m, r, maybe.get(), options);
      }
      out.add(new ColumnComparison(field.name(), m));
    }
    return out;
  }

  private static void fill(
      Map<String, MetricValue> m, ColumnStates r, ColumnStates c, Options options) {
    m.put("missing_value_similarity", Fidelity.missingValueSimilarity(r.counts(), c.counts()));
    if (r.moments().isPresent()) {
      MomentsState rm = r.moments().get();
      QuantileState rq = r.quantiles().orElseThrow();
      QuantileState cq = c.quantiles().orElseThrow();
      m.put("ks_complement", Fidelity.ksComplement(rq, cq));
      m.put("range_coverage", Fidelity.rangeCoverage(rm, c.moments().orElseThrow(), rq));
      m.put("wasserstein_normalized", TwoSample.normalizedWasserstein(rm, rq, cq));
      binned(
          m,
          SharedBins.numeric(rm, rq, cq, options.bins()),
          options,
          "the reference has no spread or a side has no values");
    }
    if (r.frequencies().isPresent()) {
      var rf = r.frequencies().get();
      var cf = c.frequencies().orElseThrow();
      m.put("tv_complement", Fidelity.tvComplement(rf, cf));
      m.put("category_coverage", Fidelity.categoryCoverage(rf, cf));
      binned(
          m,
          SharedBins.categorical(rf, cf),
          options,
          "a side has no values or more categories than the exact-count cap");
    }
  }

  private static void binned(
      Map<String, MetricValue> m, Optional<BinnedPair> bins, Options options, String why) {
    if (bins.isEmpty()) {
      MetricValue na = MetricValue.notApplicable("binned distances: " + why);
      for (String k : List.of("tvd", "jensen_shannon", "hellinger", "psi")) {
        m.put(k, na);
      }
      return;
    }
    BinnedPair b = bins.get();
    m.put("tvd", Divergences.totalVariation(b, options.level()));
    m.put("jensen_shannon", Divergences.jensenShannon(b, options.level(), options.seed()));
    m.put("hellinger", Divergences.hellinger(b, options.level(), options.seed()));
    m.put("psi", Divergences.psi(b, options.level(), options.seed()));
  }

  /**
   * Pair metrics for every pair profiled on both sides (matched by column names):
   * CorrelationSimilarity for numeric pairs; ContingencySimilarity and Cramér's V of each side for
   * categorical pairs; correlation-ratio similarity for numeric x categorical pairs (first the
   * numeric column).
   */
  public static List<PairComparison> pairs(DatasetProfile reference, DatasetProfile candidate) {
    List<PairComparison> out = new ArrayList<>();
    PairStates r = reference.pairs();
    PairStates c = candidate.pairs();
    eachMatched(
        reference,
        candidate,
        r.coMoments(),
        c.coMoments(),
        true,
        (a, b) ->
            out.add(
                pair(
                    reference,
                    a.getKey(),
                    Map.of(
                        "correlation_similarity",
                        Fidelity.correlationSimilarity(a.getValue(), b)))));
    eachMatched(
        reference,
        candidate,
        r.contingency(),
        c.contingency(),
        true,
        (a, b) ->
            out.add(
                pair(
                    reference,
                    a.getKey(),
                    Map.of(
                        "contingency_similarity", Fidelity.contingencySimilarity(a.getValue(), b),
                        "cramers_v_reference", Information.cramersV(a.getValue()),
                        "cramers_v_candidate", Information.cramersV(b)))));
    eachMatched(
        reference,
        candidate,
        r.correlationRatio(),
        c.correlationRatio(),
        false,
        (a, b) ->
            out.add(
                pair(
                    reference,
                    a.getKey(),
                    Map.of(
                        "correlation_ratio_similarity",
                        Fidelity.correlationRatioSimilarity(a.getValue(), b)))));
    return out;
  }

  /** Calls {@code action} with each reference pair state and the candidate's matching state. */
  private static <T> void eachMatched(
      DatasetProfile reference,
      DatasetProfile candidate,
      SortedMap<ColumnPair, T> referenceStates,
      SortedMap<ColumnPair, T> candidateStates,
      boolean symmetric,
      BiConsumer<Map.Entry<ColumnPair, T>, T> action) {
    for (Map.Entry<ColumnPair, T> e : referenceStates.entrySet()) {
      matching(reference, candidate, e.getKey(), candidateStates, symmetric)
          .ifPresent(other -> action.accept(e, other));
    }
  }

  /**
   * Mean absolute difference of the Pearson matrices over the numeric pairs profiled on both sides
   * ({@link Fidelity#correlationMatrixDifference}), pairs matched by column names.
   */
  public static MetricValue correlationMatrixDifference(
      DatasetProfile reference, DatasetProfile candidate) {
    TreeMap<ColumnPair, CoMomentsState> r = new TreeMap<>();
    TreeMap<ColumnPair, CoMomentsState> c = new TreeMap<>();
    eachMatched(
        reference,
        candidate,
        reference.pairs().coMoments(),
        candidate.pairs().coMoments(),
        true,
        (a, b) -> {
          r.put(a.getKey(), a.getValue());
          c.put(a.getKey(), b);
        });
    return Fidelity.correlationMatrixDifference(r, c);
  }

  private static PairComparison pair(
      DatasetProfile reference, ColumnPair k, Map<String, MetricValue> metrics) {
    return new PairComparison(
        reference.schema().field(k.first()).name(),
        reference.schema().field(k.second()).name(),
        new TreeMap<>(metrics));
  }

  /** The candidate's state for the reference pair {@code k}, matched by names and types. */
  private static <T> Optional<T> matching(
      DatasetProfile reference,
      DatasetProfile candidate,
      ColumnPair k,
      SortedMap<ColumnPair, T> states,
      boolean symmetric) {
    Field a = reference.schema().field(k.first());
    Field b = reference.schema().field(k.second());
    Optional<Integer> i = candidate.schema().indexOf(a.name());
    Optional<Integer> j = candidate.schema().indexOf(b.name());
    if (i.isEmpty() || j.isEmpty()) {
      return Optional.empty();
    }
    if (!candidate.schema().field(i.get()).equals(a)
        || !candidate.schema().field(j.get()).equals(b)) {
      return Optional.empty();
    }
    int x = i.get();
    int y = j.get();
    // symmetric pairs are stored in index order; the correlation ratio keeps (numeric, categorical)
    ColumnPair key =
        symmetric ? new ColumnPair(Math.min(x, y), Math.max(x, y)) : new ColumnPair(x, y);
    return Optional.ofNullable(states.get(key));
  }
}
