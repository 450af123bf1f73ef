package org.synthos.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.DistinctState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.PairStates;
import org.synthos.core.state.QuantileState;
import org.synthos.core.state.StateConfig;
import org.synthos.core.state.TextState;

/**
 * The mergeable profile of a dataset: the states of each column, in schema order, and of column
 * pairs. Immutable. {@link #merge} combines profiles of disjoint parts of one dataset (threads,
 * files, partitions) and inherits the laws of its states; {@link #empty} is the identity. Encoded
 * by {@link ProfileCodec}.
 */
public record DatasetProfile(Schema schema, List<ColumnStates> columns, PairStates pairs) {
  /** Quantile ranks shown in {@link ColumnSummary.Quantiles}. */
  static final double[] SUMMARY_RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  public DatasetProfile {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(pairs, "pairs is null");
    columns = List.copyOf(columns);
    if (columns.size() != schema.size()) {
      throw new IllegalArgumentException(
          columns.size() + " column states for " + schema.size() + " fields");
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).field().equals(schema.field(i))) {
        throw new IllegalArgumentException("column states out of schema order at " + i);
      }
    }
  }

  /** The profile of no rows. */
  public static DatasetProfile empty(Schema schema, StateConfig config) {
    List<ColumnStates> cols = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      cols.add(ColumnStates.empty(schema.field(i), config));
    }
    return new DatasetProfile(schema, cols, PairStates.EMPTY);
  }

  /** Rows profiled. */
  public long rows() {
    return columns.isEmpty() ? 0 : columns.get(0).counts().rows();
  }

  /** Combines the profiles of two disjoint row sets of the same schema. */
  public DatasetProfile merge(DatasetProfile other) {
    if (!schema.equals(other.schema)) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "cannot merge profiles of different schemas: "
              + schema.names()
              + " and "
              + other.schema.names());
    }
    List<ColumnStates> merged = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      merged.add(columns.get(i).merge(other.columns.get(i)));
    }
    return new DatasetProfile(schema, merged, pairs.merge(other.pairs));
  }

  /** The states of the named column. */
  public Optional<ColumnStates> column(String name) {
    return schema.indexOf(name).map(columns::get);
  }

  /** Pearson's r of two columns, empty if the pair was not profiled or r is undefined. */
  public OptionalDouble pearson(int i, int j) {
    if (i == j) {
      return OptionalDouble.empty();
    }
    CoMomentsState s = pairs.coMoments().get(new ColumnPair(Math.min(i, j), Math.max(i, j)));
    return s == null ? OptionalDouble.empty() : s.pearson();
  }

  /**
   * Pearson's r of a profiled numeric pair, over the rows where both are present and finite.
   *
   * @param first column name (earlier in the schema)
   * @param second column name
   * @param rows rows the correlation is computed on
   * @param r the correlation, empty when undefined (a constant column or fewer than two rows)
   */
  public record Correlation(String first, String second, long rows, OptionalDouble r) {}

  /** Pearson's r of every profiled numeric pair, in schema order. */
  public List<Correlation> pearsonCorrelations() {
    List<Correlation> out = new ArrayList<>();
    pairs
        .coMoments()
        .forEach(
            (k, s) ->
                out.add(
                    new Correlation(
                        schema.field(k.first()).name(),
                        schema.field(k.second()).name(),
                        s.count(),
                        s.pearson())));
    return out;
  }

  /** Summaries of every column with at most {@code topValues} category values each. */
  public List<ColumnSummary> summaries(int topValues) {
    List<ColumnSummary> out = new ArrayList<>(columns.size());
    for (ColumnStates c : columns) {
      out.add(summarise(c, topValues));
    }
    return out;
  }

  /** Summaries with the ten most frequent category values. */
  public List<ColumnSummary> summaries() {
    return summaries(10);
  }

  static ColumnSummary summarise(ColumnStates c, int topValues) {
    return new ColumnSummary(
        c.field().name(),
        c.field().type(),
        c.counts().rows(),
        c.counts().nulls(),
        c.counts().invalid(),
        distinct(c.distinct(), c.frequencies()),
        numeric(c.moments(), c.quantiles()),
        c.frequencies().map(f -> categories(f, topValues)),
        c.text().flatMap(DatasetProfile::text),
        c.datetime()
            .flatMap(
                d ->
                    d.finestUnit()
                        .map(g -> new ColumnSummary.Datetime(d.min().get(), d.max().get(), g))));
  }

  private static ColumnSummary.Distinct distinct(
      DistinctState hll, Optional<FrequencyState> frequencies) {
    OptionalLong exact =
        frequencies.map(FrequencyState::exactDistinct).orElse(OptionalLong.empty());
    if (exact.isPresent()) {
      double n = exact.getAsLong();
      return new ColumnSummary.Distinct(n, n, n, true);
    }
    return new ColumnSummary.Distinct(hll.estimate(), hll.lowerBound(2), hll.upperBound(2), false);
  }

  private static Optional<ColumnSummary.Numeric> numeric(
      Optional<MomentsState> moments, Optional<QuantileState> quantiles) {
    if (moments.isEmpty() || quantiles.isEmpty() || moments.get().count() == 0) {
      return Optional.empty();
    }
    MomentsState m = moments.get();
    QuantileState q = quantiles.get();
    double[] v = q.quantiles(SUMMARY_RANKS);
    boolean exact = q.isExact();
    return Optional.of(
        new ColumnSummary.Numeric(
            m.count(),
            m.min(),
            m.max(),
            m.meanValue().orElseThrow(),
            m.sampleStandardDeviation(),
            m.skewness(),
            m.excessKurtosis(),
            new ColumnSummary.Quantiles(v[0], v[1], v[2], v[3], v[4], v[5], v[6]),
            exact ? 0 : q.normalizedRankError(),
            m.nanCount(),
            m.positiveInfinityCount(),
            m.negativeInfinityCount()));
  }

  private static ColumnSummary.Categories categories(FrequencyState f, int topValues) {
    return new ColumnSummary.Categories(
        f.top(topValues), f.total(), f.approximate(), f.maxError(), f.exactDistinct());
  }

  private static Optional<ColumnSummary.Text> text(TextState t) {
    MomentsState len = t.lengths();
    if (len.count() == 0) {
      return Optional.empty();
    }
    MomentsState tok = t.tokens();
    return Optional.of(
        new ColumnSummary.Text(
            len.count(),
            len.min(),
            len.meanValue().orElseThrow(),
            len.max(),
            tok.meanValue().orElseThrow(),
            tok.max()));
  }
}
