package org.synthos.core.assess.pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The tightest {@link BucketSample#fullBound} seen per numeric column and bucket in the merged
 * states of one pass's partitions, shared by the accumulators of its later partitions so that they
 * keep only values that can reach the final samples. Thread-safe; bounds only fall. The final merge
 * is the same with or without it: only the work depends on when a bound is seen.
 */
public final class SampleBounds {
  private final Map<String, AtomicLongArray> columns = new ConcurrentHashMap<>();

  /**
   * Sample arrays released by the pass's finished partitions ({@link Buckets.Accumulator#release}).
   */
  final BucketSample.Spares spares;

  /** For accumulators keeping {@value Buckets#SAMPLE_SIZE} values per bucket. */
  public SampleBounds() {
    this(Buckets.SAMPLE_SIZE);
  }

  /** For accumulators keeping {@code sampleSize} values per bucket. */
  public SampleBounds(int sampleSize) {
    this.spares = new BucketSample.Spares(sampleSize);
  }

  AtomicLongArray of(String column) {
    return columns.computeIfAbsent(
        column,
        name -> {
          AtomicLongArray bounds = new AtomicLongArray(Buckets.COUNT);
          for (int b = 0; b < Buckets.COUNT; b++) {
            bounds.set(b, Long.MAX_VALUE);
          }
          return bounds;
        });
  }

  /** Lowers the bounds to those of {@code merged}, the states of rows seen so far. */
  public void tighten(Buckets merged) {
    merged
        .columns()
        .forEach(
            (name, col) -> {
              if (col.numeric()) {
                AtomicLongArray bounds = of(name);
                for (int b = 0; b < Buckets.COUNT; b++) {
                  long bound = col.samples()[b].fullBound();
                  if (bound < bounds.get(b)) {
                    bounds.accumulateAndGet(b, bound, Math::min);
                  }
                }
              }
            });
  }
}
