package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A pass's merges that hand their inputs' arrays back for reuse ({@link
 * BucketSample#mergeReleasing}), with accumulators and snapshots taking arrays from the same
 * spares, give the samples of plain merges at every step: an array is never written while a live
 * sample still holds it.
 */
@Tag("laws")
class BucketSampleReleasingTest {
  @Test
  void mergesThatReleaseTheirArraysKeepThePlainMergesItems() {
    SplittableRandom random = new SplittableRandom(31);
    for (int trial = 0; trial < 300; trial++) {
      int capacity = 1 + random.nextInt(trial < 100 ? 8 : 300);
      BucketSample.Spares spares = new BucketSample.Spares(capacity);
      BucketSample released = BucketSample.empty(capacity);
      BucketSample plain = BucketSample.empty(capacity);
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        BucketSample.Accumulator reusing = new BucketSample.Accumulator(capacity, spares);
        BucketSample.Accumulator fresh = new BucketSample.Accumulator(capacity);
        if (p > 0 && random.nextBoolean()) {
          // A later part keeps only what can reach the merged sample, as in the pass.
          reusing.tighten(released.fullBound());
          fresh.tighten(plain.fullBound());
        }
        int adds = random.nextInt(3 * capacity + 2);
        for (int i = 0; i < adds; i++) {
          long key = random.nextLong();
          double value = random.nextInt(7) - 3;
          reusing.add(key, value);
          fresh.add(key, value);
        }
        BucketSample part = reusing.snapshot();
        reusing.release();
        BucketSample plainPart = fresh.snapshot();
        assertThat(part).as("trial %d part %d", trial, p).isEqualTo(plainPart);
        released = released.mergeReleasing(part, spares);
        plain = plain.merge(plainPart);
        assertThat(released).as("trial %d part %d", trial, p).isEqualTo(plain);
        assertThat(released.values()).containsExactly(plain.values());
      }
    }
  }
}
