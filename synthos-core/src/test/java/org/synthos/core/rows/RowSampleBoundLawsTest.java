package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;

/** A bounded sample accumulator skips only rows that cannot be in the whole dataset's sample. */
@Tag("laws")
@net.jqwik.api.Tag("laws")
class RowSampleBoundLawsTest {
  private static final long SEED = 31;

  @Provide
  Arbitrary<List<Object[]>> tables() {
    Arbitrary<Object[]> rows =
        Arbitraries.longs()
            .between(-5, 5)
            .injectNull(0.2)
            .map(v -> new Object[] {v, v == null ? null : v * 0.5, "s" + v, v != null && v > 0});
    return rows.list().ofMaxSize(80);
  }

  @Property(tries = 200)
  void boundFromAnyPrefixLeavesTheMergedSampleUnchanged(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(max = 80) int cut,
      @ForAll @IntRange(min = 1, max = 9) int batchSize,
      @ForAll @IntRange(min = 1, max = 12) int capacity) {
    int n = rows.size();
    int a = Math.min(cut, n);
    RowSampleState whole = sample(rows, 0, n, batchSize, capacity, () -> Long.MAX_VALUE);
    RowSampleState prefix = sample(rows, 0, a, batchSize, capacity, () -> Long.MAX_VALUE);
    RowSampleState rest = sample(rows, a, n, batchSize, capacity, prefix::bound);
    RowSampleState tight = sample(rows, 0, n, batchSize, capacity, whole::bound);

    assertThat(prefix.merge(rest)).isEqualTo(whole);
    assertThat(rest.merge(prefix)).isEqualTo(whole);
    assertThat(tight).isEqualTo(whole);
    assertThat(rest.rowCount()).isEqualTo(n - a);
  }

  private static RowSampleState sample(
      List<Object[]> rows, int from, int to, int batchSize, int capacity, LongSupplier bound) {
    return Tables.fold(
        RowSampleState.newAccumulator(Tables.MIXED, SEED, capacity, bound),
        Tables.MIXED,
        rows,
        from,
        to,
        batchSize);
  }
}
