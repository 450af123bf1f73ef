package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Schema;
import org.synthos.core.rows.RowSampleState;

/**
 * The bound a pass's kept row samples would have once merged, worked out from their priorities
 * alone, is the bound of their merge: the capacity-th smallest priority, over the full signed
 * range, narrow ranges and repeated priorities.
 */
@Tag("unit")
class SampleBoundTest {
  private static final Schema NO_COLUMNS = new Schema(List.of());

  @Test
  void boundFromPrioritiesIsTheMergedSamplesBound() {
    SplittableRandom random = new SplittableRandom(29);
    for (int trial = 0; trial < 500; trial++) {
      int capacity = 1 + random.nextInt(trial < 200 ? 10 : 500);
      long spread = trial % 3 == 0 ? 0 : 1 + random.nextInt(trial % 3 == 1 ? 20 : 1_000_000);
      List<RowSampleState> samples = new ArrayList<>();
      int parts = 1 + random.nextInt(6);
      long nextRow = 0;
      long held = 0;
      for (int p = 0; p < parts; p++) {
        int n = random.nextInt(capacity + 1);
        long[] priorities = new long[n];
        for (int i = 0; i < n; i++) {
          priorities[i] = spread == 0 ? random.nextLong() : random.nextLong(spread) - spread / 2;
        }
        Arrays.sort(priorities);
        long[] rows = new long[n];
        for (int i = 0; i < n; i++) {
          rows[i] = nextRow++;
        }
        samples.add(new RowSampleState(NO_COLUMNS, 1, capacity, n, rows, priorities, List.of()));
        held += n;
      }
      if (held <= capacity) {
        continue;
      }
      RowSampleState merged = samples.get(0);
      for (int p = 1; p < samples.size(); p++) {
        merged = merged.merge(samples.get(p));
      }
      assertThat(FullPass.smallestPriority(samples, capacity))
          .as("trial %d", trial)
          .isEqualTo(merged.bound());
    }
  }
}
