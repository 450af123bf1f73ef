package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;

/**
 * Merge laws of every column state, folded through the real accumulators: for partitions A, B, C
 * (each split into batches), merge(fold(A), fold(B)) matches fold(A ++ B); merge is commutative and
 * associative; the empty state is the identity first and last; and decode(encode(s)) equals s.
 * Tolerances: exact for counts, frequencies below the cap, datetime ranges and HLL estimates; 1e-9
 * relative for moments; the KLL rank error for quantiles; the frequent-items error bound above the
 * cap.
 */
@Tag("laws")
class ColumnStateLawsTest {
  static final StateConfig CONFIG = StateConfig.defaults().withKllK(32).withCategoryCap(6);

  // ---- values --------------------------------------------------------------------------------

  @Provide
  Arbitrary<List<List<Double>>> doubleParts() {
    Arbitrary<Double> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(-1e6, 1e6)),
            net.jqwik.api.Tuple.of(3, Arbitraries.of(0.0, -0.0, 1.0, 1.0, 1.0)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-1e300, 1e300)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just((Double) null)));
    return value.list().ofMaxSize(300).list().ofSize(3);
  }

  @Provide
  Arbitrary<List<List<String>>> stringParts() {
    Arbitrary<String> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.of("a", "b", "c", "", "d e")),
            net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().ofMaxLength(3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
    return value.list().ofMaxSize(200).list().ofSize(3);
  }

  @Provide
  Arbitrary<List<List<Long>>> instantParts() {
    Arbitrary<Long> value =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                5,
                Arbitraries.longs()
                    .between(-2_000_000_000L, 4_000_000_000L)
                    .map(s -> s * 1_000_000L)),
            net.jqwik.api.Tuple.of(
                5, Arbitraries.longs().between(-20_000L, 40_000L).map(d -> d * 86_400_000_000L)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-1L << 55, 1L << 55)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just((Long) null)));
    return value.list().ofMaxSize(200).list().ofSize(3);
  }

  // ---- folds ---------------------------------------------------------------------------------

  /** Folds {@code values} in batches of at most 64 rows through a fresh accumulator. */
  static ColumnStates foldDoubles(List<Double> values) {
    ColumnAccumulator acc = ColumnAccumulator.of(new Field("x", ColumnType.FLOAT), CONFIG);
    for (List<Double> chunk : chunks(values)) {
      acc.update(TestBatches.doubles(chunk.toArray(new Double[0])));
    }
    return acc.snapshot();
  }

  static ColumnStates foldStrings(List<String> values, ColumnType type) {
    ColumnAccumulator acc = ColumnAccumulator.of(new Field("s", type), CONFIG);
    for (List<String> chunk : chunks(values)) {
      acc.update(TestBatches.strings(chunk.toArray(new String[0])));
    }
    return acc.snapshot();
  }

  static ColumnStates foldInstants(List<Long> values) {
    ColumnAccumulator acc = ColumnAccumulator.of(new Field("t", ColumnType.DATETIME), CONFIG);
    for (List<Long> chunk : chunks(values)) {
      acc.update(TestBatches.longs(chunk.toArray(new Long[0])));
    }
    return acc.snapshot();
  }

  static <T> List<List<T>> chunks(List<T> values) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += 64) {
      out.add(values.subList(i, Math.min(values.size(), i + 64)));
    }
    return out;
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Checks the four laws for one state kind; {@code close} asserts approximate equality. */
  static <T, S extends State> void laws(
      List<List<T>> parts,
      Function<List<T>, S> fold,
      BinaryOperator<S> merge,
      S empty,
      java.util.function.BiConsumer<S, S> close) {
    S a = fold.apply(parts.get(0));
    S b = fold.apply(parts.get(1));
    S c = fold.apply(parts.get(2));
    close.accept(merge.apply(a, b), fold.apply(concat(parts.get(0), parts.get(1))));
    close.accept(merge.apply(a, b), merge.apply(b, a));
    close.accept(merge.apply(merge.apply(a, b), c), merge.apply(a, merge.apply(b, c)));
    assertThat(merge.apply(empty, a)).isEqualTo(a);
    assertThat(merge.apply(a, empty)).isEqualTo(a);
    // an empty partition, folded through the accumulator, first and last
    S none = fold.apply(List.of());
    close.accept(merge.apply(none, a), a);
    close.accept(merge.apply(a, none), a);
    for (S s : List.of(a, merge.apply(a, b), empty)) {
      assertThat(StateCodec.decode(StateCodec.encode(s))).isEqualTo(s);
    }
  }

  // ---- properties ----------------------------------------------------------------------------

  @Property(tries = 60)
  void counts(@ForAll("stringParts") List<List<String>> parts) {
    laws(
        parts,
        v -> foldStrings(v, ColumnType.CATEGORICAL).counts(),
        CountsState::merge,
        CountsState.EMPTY,
        (x, y) -> assertThat(x).isEqualTo(y));
  }

  @Property(tries = 60)
  void moments(@ForAll("doubleParts") List<List<Double>> parts) {
    laws(
        parts,
        v -> foldDoubles(v).moments().orElseThrow(),
        MomentsState::merge,
        MomentsState.EMPTY,
        ColumnStateLawsTest::momentsClose);
  }

  /**
   * Signed zeros: a fold meeting 0.0 then -0.0 and a merge of the two must report the same minimum.
   */
  @Example
  void signedZerosFoldAsTheyMerge() {
    MomentsState folded = foldDoubles(List.of(0.0, -0.0)).moments().orElseThrow();
    MomentsState merged =
        foldDoubles(List.of(0.0))
            .moments()
            .orElseThrow()
            .merge(foldDoubles(List.of(-0.0)).moments().orElseThrow());
    assertThat(folded.minValue()).isEqualTo(merged.minValue());
    assertThat(folded.maxValue()).isEqualTo(merged.maxValue());
    assertThat(Double.doubleToRawLongBits(folded.min()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  static void momentsClose(MomentsState x, MomentsState y) {
    assertThat(x.count()).isEqualTo(y.count());
    assertThat(x.nanCount()).isEqualTo(y.nanCount());
    assertThat(x.positiveInfinityCount()).isEqualTo(y.positiveInfinityCount());
    assertThat(x.negativeInfinityCount()).isEqualTo(y.negativeInfinityCount());
    assertThat(x.minValue()).isEqualTo(y.minValue());
    assertThat(x.maxValue()).isEqualTo(y.maxValue());
    if (x.count() > 0) {
      double scale = Math.max(Math.abs(x.min()), Math.abs(x.max()));
      assertThat(x.meanValue().getAsDouble())
          .isCloseTo(y.meanValue().getAsDouble(), within(1e-12 * scale));
    }
    if (x.count() > 1) {
      double sx = x.populationStandardDeviation().getAsDouble();
      double sy = y.populationStandardDeviation().getAsDouble();
      double range = x.max() - x.min();
      assertThat(sx).isCloseTo(sy, within(1e-9 * range));
      if (sx > 1e-6 * range) {
        assertThat(x.skewness().getAsDouble()).isCloseTo(y.skewness().getAsDouble(), within(1e-6));
        assertThat(x.excessKurtosis().getAsDouble())
            .isCloseTo(y.excessKurtosis().getAsDouble(), within(1e-6 * (1 + x.count())));
      }
    }
  }

  @Property(tries = 40)
  void quantiles(@ForAll("doubleParts") List<List<Double>> parts) {
    laws(
        parts,
        v -> foldDoubles(v).quantiles().orElseThrow(),
        QuantileState::merge,
        QuantileState.empty(CONFIG.kllK()),
        ColumnStateLawsTest::quantilesClose);
  }

  /** Same count and extremes; ranks of probe points within twice the rank error (two sketches). */
  static void quantilesClose(QuantileState x, QuantileState y) {
    assertThat(x.count()).isEqualTo(y.count());
    if (x.isEmpty()) {
      return;
    }
    assertThat(x.quantile(0).getAsDouble()).isEqualTo(y.quantile(0).getAsDouble());
    assertThat(x.quantile(1).getAsDouble()).isEqualTo(y.quantile(1).getAsDouble());
    double eps = 2 * x.normalizedRankError();
    for (double r : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
      double q = y.quantile(r).getAsDouble();
      assertThat(x.rank(q)).isCloseTo(y.rank(q), within(eps));
    }
  }

  @Property(tries = 40)
  void distinct(@ForAll("stringParts") List<List<String>> parts) {
    laws(
        parts,
        v -> foldStrings(v, ColumnType.CATEGORICAL).distinct(),
        DistinctState::merge,
        DistinctState.empty(CONFIG.hllLgK()),
        (x, y) ->
            assertThat(x.estimate()).isCloseTo(y.estimate(), within(1e-9 * (1 + y.estimate()))));
  }

  @Property(tries = 60)
  void frequencies(@ForAll("stringParts") List<List<String>> parts) {
    laws(
        parts,
        v -> foldStrings(v, ColumnType.CATEGORICAL).frequencies().orElseThrow(),
        FrequencyState::merge,
        FrequencyState.empty(CONFIG.categoryCap(), CONFIG.frequentItemsLgMapSize()),
        ColumnStateLawsTest::frequenciesClose);
  }

  /** Exact states are equal; approximate ones agree on totals and on counts within both bounds. */
  static void frequenciesClose(FrequencyState x, FrequencyState y) {
    assertThat(x.total()).isEqualTo(y.total());
    if (!x.approximate() && !y.approximate()) {
      assertThat(x).isEqualTo(y);
      return;
    }
    long bound = x.maxError() + y.maxError();
    for (ValueCount v : y.top(5)) {
      long other =
          x.top(Integer.MAX_VALUE).stream()
              .filter(w -> w.value().equals(v.value()))
              .mapToLong(ValueCount::count)
              .findFirst()
              .orElse(0);
      assertThat(Math.abs(other - v.count())).isLessThanOrEqualTo(bound);
    }
  }

  @Property(tries = 60)
  void text(@ForAll("stringParts") List<List<String>> parts) {
    laws(
        parts,
        v -> foldStrings(v, ColumnType.TEXT).text().orElseThrow(),
        TextState::merge,
        TextState.EMPTY,
        (x, y) -> {
          momentsClose(x.lengths(), y.lengths());
          momentsClose(x.tokens(), y.tokens());
        });
  }

  @Property(tries = 60)
  void datetime(@ForAll("instantParts") List<List<Long>> parts) {
    laws(
        parts,
        v -> foldInstants(v).datetime().orElseThrow(),
        DatetimeState::merge,
        DatetimeState.EMPTY,
        (x, y) -> assertThat(x).isEqualTo(y));
  }
}
