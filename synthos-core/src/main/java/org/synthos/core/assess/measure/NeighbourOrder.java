package org.synthos.core.assess.measure;

import java.util.Arrays;

/**
 * A row's neighbours in order, from a symmetric distance matrix ({@code dist[i * m + j]}): nearest
 * first, ties by row index. The order by (distance, index) is total, so any prefix of it is the
 * prefix of the full sort, however it was found: by insertion into a short sorted prefix, or by
 * selecting the smallest keys and sorting only those. A key packs a distance's float bits (non-
 * negative, so ordered as integers) above the row index.
 */
final class NeighbourOrder {
  /**
   * Neighbours kept in order per row at first; a walk that goes further gets a longer prefix. The
   * walks of the measures mostly stop within a few dozen neighbours.
   */
  static final int PREFIX = 64;

  private NeighbourOrder() {}

  /**
   * The {@code limit} nearest neighbours of row {@code i} (all of them when {@code limit >= m -
   * 1}), nearest first, ties by row index.
   */
  static int[] nearest(float[] dist, int m, int i, int limit) {
    int n = Math.min(limit, m - 1);
    if (n > PREFIX && n < m - 1) {
      return bySelection(dist, m, i, n);
    }
    long[] keys = new long[n];
    int k = 0;
    for (int j = 0; j < m; j++) {
      if (j == i) {
        continue;
      }
      long key = key(dist, m, i, j);
      if (k < n) {
        keys[k++] = key;
        if (k == n) {
          Arrays.sort(keys);
        }
      } else if (key < keys[n - 1]) {
        // Insertion into the sorted prefix, dropping its largest.
        int at = n - 1;
        while (at > 0 && keys[at - 1] > key) {
          keys[at] = keys[at - 1];
          at--;
        }
        keys[at] = key;
      }
    }
    if (k < n) {
      Arrays.sort(keys, 0, k);
    }
    return rows(keys, k);
  }

  /**
   * The first {@code n} of row {@code i}'s neighbours in order, by selecting the {@code n} smallest
   * keys and sorting only those.
   */
  private static int[] bySelection(float[] dist, int m, int i, int n) {
    long[] keys = new long[m - 1];
    int k = 0;
    for (int j = 0; j < m; j++) {
      if (j != i) {
        keys[k++] = key(dist, m, i, j);
      }
    }
    selectSmallest(keys, n);
    Arrays.sort(keys, 0, n);
    return rows(keys, n);
  }

  private static long key(float[] dist, int m, int i, int j) {
    return ((long) Float.floatToIntBits(dist[i * m + j]) << 32) | j;
  }

  /** The row indices of the first {@code n} keys. */
  private static int[] rows(long[] keys, int n) {
    int[] row = new int[n];
    for (int t = 0; t < n; t++) {
      row[t] = (int) keys[t];
    }
    return row;
  }

  /** Moves the {@code n} smallest of the distinct {@code keys} to its first {@code n} places. */
  static void selectSmallest(long[] keys, int n) {
    int lo = 0;
    int hi = keys.length - 1;
    while (lo < hi) {
      // Median of three as the pivot; keys are distinct, so the partition always shrinks.
      int mid = (lo + hi) >>> 1;
      long a = keys[lo];
      long b = keys[mid];
      long c = keys[hi];
      long pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int l = lo;
      int r = hi;
      while (l <= r) {
        while (keys[l] < pivot) {
          l++;
        }
        while (keys[r] > pivot) {
          r--;
        }
        if (l <= r) {
          long x = keys[l];
          keys[l++] = keys[r];
          keys[r--] = x;
        }
      }
      // Now keys[lo..r] <= pivot <= keys[l..hi], with l > r.
      if (n - 1 <= r) {
        hi = r;
      } else if (n - 1 >= l) {
        lo = l;
      } else {
        return;
      }
    }
  }
}
