package org.synthos.core.profile;

import org.synthos.api.ColumnBatch;

/**
 * Extra per-partition work that rides {@link Profiler}'s pass, so a caller can fold more states
 * (row hashes, samples, digests) from the same read and on the same threads as the profile.
 *
 * <p>The contract mirrors the profile's own: partition {@code p} gets a fresh accumulator from
 * {@link #open(long)}, is fed its batches in file order on one thread, and is closed into a result;
 * results are merged left to right in partition order. A rider whose results depend only on the
 * rows and their global indexes therefore gives the same result for every thread count.
 *
 * @param <A> the mutable accumulator of one partition
 * @param <R> the immutable result of one or more consecutive partitions
 */
public interface PartitionRider<A, R> {
  /** A fresh accumulator for partition {@code partition} (0, 1, ...). */
  A open(long partition);

  /** Adds one batch of the partition; called on the partition's worker thread only. */
  void update(A accumulator, ColumnBatch batch);

  /** The result of everything the accumulator was fed. */
  R close(A accumulator);

  /** The result of {@code earlier}'s rows followed by {@code later}'s. */
  R merge(R earlier, R later);
}
