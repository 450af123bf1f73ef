package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A partition's snapshot holds the smallest {@code capacity} (key, value) items added, in (key,
 * value) order, whatever the keys' spread: the full signed range, a narrow one, keys below a bound,
 * and repeated keys with their values.
 */
@Tag("unit")
class BucketSampleSnapshotTest {
  private record Item(long key, double value) {}

  private static final Comparator<Item> ORDER =
      Comparator.comparingLong(Item::key).thenComparing(Item::value, Double::compare);

  @Test
  void snapshotKeepsTheSmallestItemsInKeyOrder() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 400; trial++) {
      int capacity = 1 + random.nextInt(trial < 100 ? 8 : 3_000);
      int adds = random.nextInt(3 * capacity + 2);
      long spread =
          switch (trial % 4) {
            case 0 -> Long.MAX_VALUE;
            case 1 -> 1 + random.nextInt(50);
            case 2 -> 1L << 40;
            default -> 1L << 62;
          };
      BucketSample.Accumulator accumulator = new BucketSample.Accumulator(capacity);
      long bound = random.nextBoolean() ? Long.MAX_VALUE : random.nextLong();
      accumulator.tighten(bound);
      List<Item> kept = new ArrayList<>();
      for (int i = 0; i < adds; i++) {
        long key =
            spread == Long.MAX_VALUE ? random.nextLong() : random.nextLong(spread) - spread / 2;
        double value = random.nextInt(5) - 2;
        accumulator.add(key, value);
        if (key <= bound) {
          kept.add(new Item(key, value));
        }
      }
      kept.sort(ORDER);
      List<Item> expected = kept.subList(0, Math.min(capacity, kept.size()));
      BucketSample snapshot = accumulator.snapshot();
      assertThat(snapshot.count()).isEqualTo(adds);
      BucketSample expectedSample = BucketSample.empty(capacity);
      for (Item item : expected) {
        BucketSample.Accumulator one = new BucketSample.Accumulator(capacity);
        one.add(item.key(), item.value());
        expectedSample = expectedSample.merge(one.snapshot());
      }
      assertThat(snapshot.values()).containsExactly(expectedSample.values());
      assertThat(snapshot.size()).isEqualTo(expected.size());
      assertThat(snapshot.fullBound())
          .isEqualTo(
              expected.size() == capacity ? expected.get(capacity - 1).key() : Long.MAX_VALUE);
    }
  }
}
