package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;

/** The whole dataset's bound, computed from its row count alone, is the sample's own bound. */
@Tag("laws")
@net.jqwik.api.Tag("laws")
class RowSampleBoundOfTest {
  private static final long SEED = 17;

  @Provide
  Arbitrary<List<Object[]>> tables() {
    return Arbitraries.longs()
        .between(-5, 5)
        .injectNull(0.2)
        .map(v -> new Object[] {v, v == null ? null : v * 0.5, "s" + v, v != null && v > 0})
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = 200)
  void theBoundKnownInAdvanceIsTheSamplesBoundAndKeepsItUnchanged(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(min = 1, max = 12) int capacity,
      @ForAll @IntRange(min = 1, max = 9) int batchSize) {
    RowSampleState whole = sample(rows, capacity, batchSize, Long.MAX_VALUE);
    long bound = RowSampleState.boundOf(SEED, capacity, rows.size());

    assertThat(bound).isEqualTo(whole.bound());
    // Every part of the dataset fed the bound keeps only rows of the final sample.
    assertThat(sample(rows, capacity, batchSize, bound)).isEqualTo(whole);
  }

  @Property(tries = 50)
  void theBoundIsTheCapacityThSmallestPriority(
      @ForAll @IntRange(min = 1, max = 50) int capacity, @ForAll @IntRange(max = 400) int rows) {
    List<Long> priorities = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      priorities.add(Hashing.priority(SEED, RowSampleState.SALT, r));
    }
    priorities.sort(null);
    long expected = rows < capacity ? Long.MAX_VALUE : priorities.get(capacity - 1);
    assertThat(RowSampleState.boundOf(SEED, capacity, rows)).isEqualTo(expected);
  }

  private static RowSampleState sample(
      List<Object[]> rows, int capacity, int batchSize, long bound) {
    return Tables.fold(
        RowSampleState.newAccumulator(Tables.MIXED, SEED, capacity, () -> bound),
        Tables.MIXED,
        rows,
        0,
        rows.size(),
        batchSize);
  }
}
