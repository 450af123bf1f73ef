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
 * Merge laws of the row sample: folding partitions and merging equals folding the whole, in any
 * order and grouping; the empty sample is the identity first and last. And the row hash of a row
 * does not depend on the batch it arrives in.
 *
 * <p>jqwik reads only its own tag annotation, so the class carries both: the JUnit one for the
 * project's convention and the jqwik one for surefire's group filter.
 */
@Tag("laws")
@net.jqwik.api.Tag("laws")
class RowSampleLawsTest {
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

  private static <S> void checkLaws(
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

  @Property(tries = 100)
  void aRowsHashDoesNotDependOnItsBatch(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(max = 60) int cut,
      @ForAll long seed) {
    int n = rows.size();
    int c = Math.min(cut, n);
    long[] high = new long[n];
    long[] low = new long[n];
    RowHasher.hashBatch(Tables.batch(Tables.MIXED, rows, 0), seed, high, low);
    long[] partHigh = new long[n];
    long[] partLow = new long[n];
    RowHasher.hashBatch(Tables.batch(Tables.MIXED, rows.subList(0, c), 0), seed, partHigh, partLow);
    long[] restHigh = new long[n - c];
    long[] restLow = new long[n - c];
    RowHasher.hashBatch(Tables.batch(Tables.MIXED, rows.subList(c, n), c), seed, restHigh, restLow);
    System.arraycopy(restHigh, 0, partHigh, c, n - c);
    System.arraycopy(restLow, 0, partLow, c, n - c);
    assertThat(partHigh).isEqualTo(high);
    assertThat(partLow).isEqualTo(low);
  }
}
