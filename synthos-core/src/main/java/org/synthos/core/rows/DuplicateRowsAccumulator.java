package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.ColumnBatch;

/** Collects row hashes in growing primitive arrays; sorts them once per snapshot. */
final class DuplicateRowsAccumulator implements RowAccumulator<DuplicateRowsState> {
  private final long seed;
  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private long[] rows = new long[1024];
  private long[] batchHigh = new long[0];
  private long[] batchLow = new long[0];
  private int size;

  DuplicateRowsAccumulator(long seed) {
    this.seed = seed;
  }

  @Override
  public void update(ColumnBatch batch) {
    int n = batch.rowCount();
    if (batchHigh.length < n) {
      batchHigh = new long[n];
      batchLow = new long[n];
    }
    RowHasher.hashBatch(batch, seed, batchHigh, batchLow);
    ensure(size + n);
    System.arraycopy(batchHigh, 0, high, size, n);
    System.arraycopy(batchLow, 0, low, size, n);
    long first = batch.firstRow();
    for (int i = 0; i < n; i++) {
      rows[size + i] = first + i;
    }
    size += n;
  }

  private void ensure(int needed) {
    if (needed > high.length) {
      int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, high.length * 3L / 2));
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      rows = Arrays.copyOf(rows, capacity);
    }
  }

  @Override
  public DuplicateRowsState snapshot() {
    // Sorting in place is harmless: the accumulator's contents are a multiset.
    Sorting.sort(high, low, rows, 0, size);
    return new DuplicateRowsState(
        seed, Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(rows, size));
  }
}
