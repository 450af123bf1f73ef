package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exact rows walked a part of the hash range at a time give what one walk over every hash gives:
 * the same counts and the same listed rows, with hashes of both signs, repeats within the candidate
 * and copies of the reference spread over many parts and chunks.
 */
@Tag("unit")
class ExactRowsPartsTest {
  @Test
  void partsOfTheHashRangeGiveTheWholeWalk() {
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 20; trial++) {
      long[] pool = new long[50 + random.nextInt(2_000)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = random.nextLong();
      }
      RowHashes candidate = hashes(random, pool, 1 + random.nextInt(5_000));
      RowHashes reference =
          random.nextInt(4) == 0 ? null : hashes(random, pool, 1 + random.nextInt(5_000));
      ExactRows whole = ExactRows.of(candidate, reference, 50, Long.MAX_VALUE);
      for (long partRows : new long[] {1, 7, 100, 1_000}) {
        ExactRows parts = ExactRows.of(candidate, reference, 50, partRows);
        assertThat(parts).usingRecursiveComparison().isEqualTo(whole);
      }
      assertThat(whole.duplicateRows).isPositive();
    }
  }

  /** {@code rows} hashes, each a fresh value or one of {@code pool}, in chunks of random sizes. */
  private static RowHashes hashes(SplittableRandom random, long[] pool, int rows) {
    List<Long> first = new ArrayList<>();
    List<long[]> chunks = new ArrayList<>();
    for (int row = 0; row < rows; ) {
      long[] chunk = new long[Math.min(rows - row, 1 + random.nextInt(700))];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = random.nextInt(3) == 0 ? random.nextLong() : pool[random.nextInt(pool.length)];
      }
      first.add((long) row);
      chunks.add(chunk);
      row += chunk.length;
    }
    return new RowHashes(first, chunks);
  }
}
