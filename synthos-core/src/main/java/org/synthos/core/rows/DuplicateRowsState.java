package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Exact duplicate rows: the 128-bit hash of every row with its global row index.
 *
 * <p>Stored: three parallel arrays sorted by {@code (high, low, row)}, 24 bytes per row (240 MB for
 * 10M rows, no object per row). Rows with equal hashes are copies of each other; a false match
 * needs a 128-bit collision (probability about {@code n^2 / 2^129}).
 *
 * <p>Merge: the linear merge of two sorted runs (as in merge sort), so merging is associative and
 * commutative whenever the row indexes of the inputs are disjoint, which global row indexes of
 * disjoint partitions are. {@link #empty(long)} is the identity. States of different seeds do not
 * merge.
 *
 * @param seed the row-hash seed
 * @param high the hashes' high words, sorted with {@code low} and {@code rows}
 * @param low the hashes' low words
 * @param rows the global zero-based row indexes
 */
public record DuplicateRowsState(long seed, long[] high, long[] low, long[] rows)
    implements RowState {
  public DuplicateRowsState {
    if (high.length != low.length || low.length != rows.length) {
      throw new IllegalArgumentException(
          "array lengths differ: " + high.length + "/" + low.length + "/" + rows.length);
    }
  }

  /** The identity for {@code seed}. */
  public static DuplicateRowsState empty(long seed) {
    return new DuplicateRowsState(seed, new long[0], new long[0], new long[0]);
  }

  /** A fresh accumulator hashing rows with {@code seed}. */
  public static RowAccumulator<DuplicateRowsState> newAccumulator(long seed) {
    return new DuplicateRowsAccumulator(seed);
  }

  @Override
  public RowStateKind kind() {
    return RowStateKind.DUPLICATE_ROWS;
  }

  @Override
  public long rowCount() {
    return rows.length;
  }

  /** Number of different rows. */
  public long distinctRowCount() {
    long distinct = 0;
    for (int i = 0; i < rows.length; i++) {
      if (i == 0 || high[i] != high[i - 1] || low[i] != low[i - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /** Rows that repeat an earlier row: {@code rowCount() - distinctRowCount()}. */
  public long duplicateRowCount() {
    return rowCount() - distinctRowCount();
  }

  /** Share of rows that repeat an earlier row; 0 for an empty state. */
  public double duplicateShare() {
    return rows.length == 0 ? 0 : (double) duplicateRowCount() / rows.length;
  }

  /**
   * The groups of identical rows (two or more members), largest first, then by first row.
   *
   * @param maxGroups the most groups returned
   * @param maxRowsPerGroup the most row indexes listed per group (the count is always exact)
   */
  public List<DuplicateGroup> groups(int maxGroups, int maxRowsPerGroup) {
    if (maxGroups < 0 || maxRowsPerGroup < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "maxGroups must be >= 0 and maxRowsPerGroup >= 1, got "
              + maxGroups
              + " and "
              + maxRowsPerGroup);
    }
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < rows.length) {
      int j = i + 1;
      while (j < rows.length && high[j] == high[i] && low[j] == low[i]) {
        j++;
      }
      if (j - i > 1) {
        runs.add(new int[] {i, j});
      }
      i = j;
    }
    // Within a run rows are ascending, so rows[run[0]] is the group's first row.
    runs.sort(
        Comparator.<int[]>comparingInt(r -> -(r[1] - r[0])).thenComparingLong(r -> rows[r[0]]));
    List<DuplicateGroup> out = new ArrayList<>();
    for (int g = 0; g < Math.min(maxGroups, runs.size()); g++) {
      int[] r = runs.get(g);
      long[] members = Arrays.copyOfRange(rows, r[0], Math.min(r[1], r[0] + maxRowsPerGroup));
      out.add(new DuplicateGroup(new RowHash(high[r[0]], low[r[0]]), r[1] - r[0], members));
    }
    return List.copyOf(out);
  }

  /** The state of the union of both inputs' rows. */
  public DuplicateRowsState merge(DuplicateRowsState other) {
    RowStates.requireSameSeed(seed, other.seed);
    int n = rows.length + other.rows.length;
    long[] h = new long[n];
    long[] l = new long[n];
    long[] r = new long[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      boolean takeLeft =
          j >= other.rows.length
              || (i < rows.length
                  && Sorting.compare(
                          high[i], low[i], rows[i], other.high[j], other.low[j], other.rows[j])
                      <= 0);
      if (takeLeft) {
        h[k] = high[i];
        l[k] = low[i];
        r[k] = rows[i++];
      } else {
        h[k] = other.high[j];
        l[k] = other.low[j];
        r[k] = other.rows[j++];
      }
    }
    return new DuplicateRowsState(seed, h, l, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DuplicateRowsState s
        && s.seed == seed
        && Arrays.equals(s.high, high)
        && Arrays.equals(s.low, low)
        && Arrays.equals(s.rows, rows);
  }

  @Override
  public int hashCode() {
    return ((Long.hashCode(seed) * 31 + Arrays.hashCode(high)) * 31 + Arrays.hashCode(low)) * 31
        + Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    return "DuplicateRowsState[seed=" + seed + ", rows=" + rows.length + "]";
  }

  /**
   * One set of identical rows.
   *
   * @param hash the rows' common hash
   * @param count how many rows share it (exact)
   * @param rows the first of their global zero-based row indexes, ascending
   */
  public record DuplicateGroup(RowHash hash, long count, long[] rows) {
    @Override
    public boolean equals(Object o) {
      return o instanceof DuplicateGroup g
          && g.hash.equals(hash)
          && g.count == count
          && Arrays.equals(g.rows, rows);
    }

    @Override
    public int hashCode() {
      return hash.hashCode() * 31 + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
      return "DuplicateGroup["
          + hash.hex()
          + ", count="
          + count
          + ", rows="
          + Arrays.toString(rows)
          + "]";
    }
  }
}
