package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * A seeded, mergeable uniform sample of rows without replacement (bottom-k sampling).
 *
 * <p>Each global row index {@code r} gets the priority {@code fmix64(r + fmix64(seed ^ salt))}, a
 * bijective hash, so priorities are distinct and behave as independent uniform keys. The sample is
 * the {@code capacity} rows with the smallest priorities; this is the reservoir of Vitter's
 * Algorithm R made order-free by fixing each row's key in advance (Cohen and Kaplan, "Summarizing
 * data using bottom-k sketches", PODC 2007). Hence the sample of a union is the bottom-k of the two
 * samples: merge is associative, commutative, exact, and independent of partitioning and thread
 * count. {@link #empty} is the identity.
 *
 * <p>Stored column-major: one {@link Column} per schema field holding the sampled cells in priority
 * order (nulls and invalid marks kept), with the rows' global indexes and priorities.
 *
 * @param schema the sampled dataset's schema
 * @param seed the sampling seed
 * @param capacity the most rows kept
 * @param rowCount rows offered to the sample
 * @param rows global zero-based row indexes of the sampled rows, in priority order
 * @param priorities the sampled rows' priorities, ascending
 * @param columns the sampled cells, {@code columns.get(i)} for field {@code i}
 */
public record RowSampleState(
    Schema schema,
    long seed,
    int capacity,
    long rowCount,
    long[] rows,
    long[] priorities,
    List<Column> columns) {
  static final long SALT = 0x73616d706c650001L;

  public RowSampleState {
    columns = List.copyOf(columns);
    if (capacity < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "sample capacity must be >= 1, got " + capacity);
    }
    if (rows.length != priorities.length
        || rows.length > capacity
        || rows.length > rowCount
        || columns.size() != schema.size()) {
      throw new IllegalArgumentException("inconsistent row sample shape");
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).size() != rows.length) {
        throw new IllegalArgumentException("sample column " + i + " has the wrong size");
      }
    }
  }

  /** The identity for this schema, seed and capacity. */
  public static RowSampleState empty(Schema schema, long seed, int capacity) {
    List<Column> cols = new ArrayList<>();
    for (var f : schema.fields()) {
      cols.add(Columns.empty(f.type().physical()));
    }
    return new RowSampleState(schema, seed, capacity, 0, new long[0], new long[0], cols);
  }

  /** A fresh accumulator keeping at most {@code capacity} rows. */
  public static RowAccumulator<RowSampleState> newAccumulator(
      Schema schema, long seed, int capacity) {
    return new RowSampleAccumulator(schema, seed, capacity, () -> Long.MAX_VALUE);
  }

  /**
   * A fresh accumulator that passes over rows whose priority exceeds {@code bound} (read once per
   * batch). Fed the {@link #bound()} of any sample of other rows of the same dataset, it skips only
   * rows that cannot be in the sample of the whole dataset, so the merged result is the same
   * whenever a bound is seen; only work and memory shrink. Rows skipped still count in {@link
   * #rowCount}.
   */
  public static RowAccumulator<RowSampleState> newAccumulator(
      Schema schema, long seed, int capacity, LongSupplier bound) {
    return new RowSampleAccumulator(schema, seed, capacity, bound);
  }

  /**
   * The largest priority held when the sample is full, else {@code Long.MAX_VALUE}: the k-th
   * smallest priority of a superset of these rows is never larger.
   */
  public long bound() {
    return rows.length < capacity ? Long.MAX_VALUE : priorities[rows.length - 1];
  }

  /**
   * The {@link #bound()} of the sample of a whole dataset of {@code rows} rows, known before
   * reading it, since priorities depend only on the seed and row indexes: the {@code capacity}-th
   * smallest priority of rows {@code 0..rows-1}, or {@code Long.MAX_VALUE} when no row is left out.
   * Given to {@link #newAccumulator(Schema, long, int, LongSupplier)}, each part of the dataset
   * then keeps only rows of the final sample. Time O(rows log capacity), memory {@code capacity}
   * longs.
   */
  public static long boundOf(long seed, int capacity, long rows) {
    if (rows < capacity) {
      return Long.MAX_VALUE;
    }
    // A max-heap of the capacity smallest priorities seen so far.
    long[] heap = new long[capacity];
    for (int i = 0; i < capacity; i++) {
      heap[i] = Hashing.priority(seed, SALT, i);
    }
    for (int i = capacity / 2 - 1; i >= 0; i--) {
      siftDown(heap, i);
    }
    for (long r = capacity; r < rows; r++) {
      long p = Hashing.priority(seed, SALT, r);
      if (p < heap[0]) {
        heap[0] = p;
        siftDown(heap, 0);
      }
    }
    return heap[0];
  }

  private static void siftDown(long[] heap, int k) {
    int n = heap.length;
    while (true) {
      int largest = k;
      int l = 2 * k + 1;
      if (l < n && heap[l] > heap[largest]) {
        largest = l;
      }
      if (l + 1 < n && heap[l + 1] > heap[largest]) {
        largest = l + 1;
      }
      if (largest == k) {
        return;
      }
      long t = heap[k];
      heap[k] = heap[largest];
      heap[largest] = t;
      k = largest;
    }
  }

  /** Rows held. */
  public int size() {
    return rows.length;
  }

  /** The sample as one batch (its {@code firstRow} is 0; {@link #rows()} names the file rows). */
  public ColumnBatch asBatch() {
    return new ColumnBatch(schema, columns, 0, rows.length);
  }

  /** The sample of the union of both inputs' rows. */
  public RowSampleState merge(RowSampleState other) {
    RowStates.requireSameSeed(seed, other.seed);
    RowStates.requireSame("sample capacities", capacity, other.capacity);
    if (!schema.equals(other.schema)) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "cannot merge row samples of different schemas: "
              + schema.names()
              + " and "
              + other.schema.names());
    }
    int n = Math.min(capacity, rows.length + other.rows.length);
    int[] from = new int[n];
    int[] at = new int[n];
    long[] r = new long[n];
    long[] p = new long[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      boolean left =
          j >= other.rows.length
              || (i < rows.length
                  && Sorting.compare(
                          priorities[i], rows[i], 0, other.priorities[j], other.rows[j], 0)
                      <= 0);
      if (left) {
        from[k] = 0;
        at[k] = i;
        r[k] = rows[i];
        p[k] = priorities[i++];
      } else {
        from[k] = 1;
        at[k] = j;
        r[k] = other.rows[j];
        p[k] = other.priorities[j++];
      }
    }
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      cols.add(
          Columns.gather(
              schema.field(c).type().physical(),
              new Column[] {columns.get(c), other.columns.get(c)},
              from,
              at));
    }
    return new RowSampleState(schema, seed, capacity, rowCount + other.rowCount, r, p, cols);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowSampleState s
        && s.schema.equals(schema)
        && s.seed == seed
        && s.capacity == capacity
        && s.rowCount == rowCount
        && Arrays.equals(s.rows, rows)
        && Arrays.equals(s.priorities, priorities)
        && Columns.equal(s.columns, columns);
  }

  @Override
  public int hashCode() {
    return (schema.hashCode() * 31 + Arrays.hashCode(rows)) * 31 + Columns.hash(columns);
  }

  @Override
  public String toString() {
    return "RowSampleState[seed="
        + seed
        + ", capacity="
        + capacity
        + ", rows="
        + rows.length
        + " of "
        + rowCount
        + "]";
  }
}
