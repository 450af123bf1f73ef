package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.ColumnBatch;

/**
 * Collects row hashes in growing primitive arrays and sorts them once per snapshot.
 *
 * <p>A snapshot hands its sorted, trimmed arrays to the state instead of copying them (the peak is
 * the arrays plus one trimmed array, not two full sets); the accumulator then treats them as shared
 * and copies them before its next update.
 */
final class DuplicateRowsAccumulator implements RowAccumulator<DuplicateRowsState> {
  private final long seed;
  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private long[] rows = new long[1024];
  private long[] batchHigh = new long[0];
  private long[] batchLow = new long[0];
  private int size;
  private DuplicateRowsState shared;

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
    if (needed > high.length || shared != null) {
      int capacity =
          (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, Math.max(1024, size * 3L / 2)));
      high = Arrays.copyOf(high, capacity);
      low = Arrays.copyOf(low, capacity);
      rows = Arrays.copyOf(rows, capacity);
      shared = null;
    }
  }

  @Override
  public DuplicateRowsState snapshot() {
    if (shared != null) {
      return shared;
    }
    // Sorting in place is harmless: the accumulator's contents are a multiset.
    Sorting.sort(high, low, rows, 0, size);
    // Trim one array at a time so that only one extra array is alive at once.
    high = Arrays.copyOf(high, size);
    low = Arrays.copyOf(low, size);
    rows = Arrays.copyOf(rows, size);
    shared = new DuplicateRowsState(seed, high, low, rows);
    return shared;
  }
}
