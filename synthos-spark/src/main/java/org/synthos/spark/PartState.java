package org.synthos.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.synthos.core.rows.RowSampleState;

/**
 * The merged pass of some partitions of one dataset, as it crosses the cluster: per column the row,
 * null and invalid counts, the seeded row sample (encoded, at most {@code maxRows} rows) and each
 * partition's content digest by partition index. Every part of the merge is order-free (sums, the
 * bottom-k sample, a sorted map), so a tree reduction in any order gives the same state.
 */
final class PartState implements Serializable {
  private static final long serialVersionUID = 1L;

  final long rows;
  final long[] nulls;
  final long[] invalid;
  final byte[] sample;
  final TreeMap<Integer, byte[]> digests;

  PartState(long rows, long[] nulls, long[] invalid, byte[] sample, Map<Integer, byte[]> digests) {
    this.rows = rows;
    this.nulls = nulls;
    this.invalid = invalid;
    this.sample = sample;
    this.digests = new TreeMap<>(digests);
  }

  PartState merge(PartState other) {
    long[] n = nulls.clone();
    long[] inv = invalid.clone();
    for (int c = 0; c < n.length; c++) {
      n[c] += other.nulls[c];
      inv[c] += other.invalid[c];
    }
    RowSampleState merged = StateBytes.sample(sample).merge(StateBytes.sample(other.sample));
    TreeMap<Integer, byte[]> d = new TreeMap<>(digests);
    d.putAll(other.digests);
    return new PartState(rows + other.rows, n, inv, StateBytes.sample(merged), d);
  }

  /** The partitions' digests in partition order. */
  List<byte[]> digestsInOrder() {
    return new ArrayList<>(digests.values());
  }

  /**
   * What one partition's pass yields: its state, the hash of each of its rows in order, and its
   * bucketed states ({@link org.synthos.core.assess.pool.Buckets#toBytes}; null when no columns are
   * hashed or the partition is empty). The bucketed states stay out of {@link PartState} so that
   * the driver pulls and merges them one partition at a time, never a tree level's worth at once.
   */
  record Output(PartState state, long firstRow, long[] hashes, byte[] buckets)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
