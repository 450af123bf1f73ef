package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;

/**
 * Merge laws of every row state: folding partitions and merging equals folding the whole, in any
 * order and grouping; the empty state is the identity first and last; the codec round-trips.
 *
 * <p>jqwik reads only its own tag annotation, so the class carries both: the JUnit one for the
 * project's convention and the jqwik one for surefire's group filter.
 */
@Tag("laws")
@net.jqwik.api.Tag("laws")
class RowStateLawsTest {
  private static final long SEED = 7;

  @Provide
  Arbitrary<List<Object[]>> tables() {
    Arbitrary<Object> ints = Arbitraries.longs().between(-3, 3).injectNull(0.15).map(v -> v);
    Arbitrary<Object> doubles =
        Arbitraries.of(0.0, -0.0, 1.0, 1.5, -2.25, Double.NaN, 1e300, Double.NEGATIVE_INFINITY)
            .injectNull(0.15)
            .map(v -> v);
    Arbitrary<Object> strings = Arbitraries.of("", "a", "b", "a b c").injectNull(0.15).map(v -> v);
    Arbitrary<Object> booleans = Arbitraries.of(true, false).injectNull(0.15).map(v -> v);
    Arbitrary<Object[]> rows =
        Combinators.combine(ints, doubles, strings, booleans)
            .as((i, f, s, b) -> new Object[] {i, f, s, b});
    return rows.list().ofMaxSize(60);
  }

  private static <S extends RowState> void checkLaws(
      List<Object[]> rows,
      int cutA,
      int cutB,
      int batchSize,
      Supplier<RowAccumulator<S>> accumulator,
      S empty,
      BinaryOperator<S> merge) {
    int n = rows.size();
    int a = Math.min(cutA, n);
    int b = Math.max(a, Math.min(cutB, n));
    S whole = Tables.fold(accumulator.get(), Tables.MIXED, rows, 0, n, batchSize);
    S first = Tables.fold(accumulator.get(), Tables.MIXED, rows, 0, a, batchSize);
    S second = Tables.fold(accumulator.get(), Tables.MIXED, rows, a, b, batchSize);
    S third = Tables.fold(accumulator.get(), Tables.MIXED, rows, b, n, batchSize);

    assertThat(merge.apply(merge.apply(first, second), third)).isEqualTo(whole);
    assertThat(merge.apply(first, merge.apply(second, third))).isEqualTo(whole);
    assertThat(merge.apply(third, merge.apply(first, second))).isEqualTo(whole);
    assertThat(merge.apply(second, first)).isEqualTo(merge.apply(first, second));
    assertThat(merge.apply(empty, whole)).isEqualTo(whole);
    assertThat(merge.apply(whole, empty)).isEqualTo(whole);
    assertThat(
            merge.apply(merge.apply(empty, first), merge.apply(second, merge.apply(third, empty))))
        .isEqualTo(whole);
    assertThat(RowStateCodec.decode(RowStateCodec.encode(whole))).isEqualTo(whole);
    assertThat(RowStateCodec.decode(RowStateCodec.encode(empty))).isEqualTo(empty);
  }

  @Property(tries = 150)
  void duplicateRows(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(max = 60) int cutA,
      @ForAll @IntRange(max = 60) int cutB,
      @ForAll @IntRange(min = 1, max = 9) int batchSize) {
    checkLaws(
        rows,
        cutA,
        cutB,
        batchSize,
        () -> DuplicateRowsState.newAccumulator(SEED),
        DuplicateRowsState.empty(SEED),
        DuplicateRowsState::merge);
  }

  @Property(tries = 150)
  void rowSample(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(max = 60) int cutA,
      @ForAll @IntRange(max = 60) int cutB,
      @ForAll @IntRange(min = 1, max = 9) int batchSize,
      @ForAll @IntRange(min = 1, max = 12) int capacity) {
    checkLaws(
        rows,
        cutA,
        cutB,
        batchSize,
        () -> RowSampleState.newAccumulator(Tables.MIXED, SEED, capacity),
        RowSampleState.empty(Tables.MIXED, SEED, capacity),
        RowSampleState::merge);
  }

  @Property(tries = 150)
  void nearDuplicates(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(max = 60) int cutA,
      @ForAll @IntRange(max = 60) int cutB,
      @ForAll @IntRange(min = 1, max = 9) int batchSize,
      @ForAll @IntRange(min = 1, max = 20) int capacity) {
    checkLaws(
        rows,
        cutA,
        cutB,
        batchSize,
        () -> NearDuplicateState.newAccumulator(SEED, capacity, 4, 2),
        NearDuplicateState.empty(SEED, capacity, 4, 2),
        NearDuplicateState::merge);
  }

  @Property(tries = 100)
  void batchHashesEqualRowHashes(@ForAll("tables") List<Object[]> rows, @ForAll long seed) {
    var batch = Tables.batch(Tables.MIXED, rows, 0);
    long[] high = new long[rows.size()];
    long[] low = new long[rows.size()];
    RowHasher.hashBatch(batch, seed, high, low);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(new RowHash(high[i], low[i])).isEqualTo(RowHasher.hash(batch, i, seed));
    }
  }
}
