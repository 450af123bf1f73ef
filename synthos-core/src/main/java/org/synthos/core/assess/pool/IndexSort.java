package org.synthos.core.assess.pool;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Stable sorts of row indices by a key per row, without boxing: equal keys keep the indices' order.
 * A stable sort's result is the one order by (key, position), whatever the algorithm, so these can
 * replace any other stable sort by the same keys without changing a result.
 */
public final class IndexSort {
  private IndexSort() {}

  /**
   * Stable sort of row indices by their values, without boxing: equal values keep the indices'
   * order. The values must not be NaN (every caller sorts present values or maps NaN to a bound);
   * -0.0 and 0.0 are equal, as {@code <} has them.
   */
  public static void byValue(int[] idx, double[] v) {
    long[] key = new long[idx.length];
    for (int p = 0; p < idx.length; p++) {
      double x = v[idx[p]];
      key[p] = orderedBits(x == 0 ? 0.0 : x);
    }
    sortAligned(idx, key);
  }

  /**
   * A key whose signed order is {@link Double#compare}'s order of {@code x} (-0.0 before 0.0, NaN
   * last).
   */
  public static long orderedBits(double x) {
    long bits = Double.doubleToLongBits(x);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** Stable sort of indices by {@code key[index]}, without boxing. */
  public static void byKey(int[] idx, long[] key) {
    long[] aligned = new long[idx.length];
    for (int p = 0; p < idx.length; p++) {
      aligned[p] = key[idx[p]];
    }
    sortAligned(idx, aligned);
  }

  /**
   * Dense ids of equal keys, numbered in order of each key's first position: the ids a map filled
   * in position order gives ({@code ids.putIfAbsent(key[i], ids.size())}), without boxing.
   * Positions sorted stably by key put each key's first position at the head of its run.
   */
  public static int[] firstSeenIds(long[] key) {
    int n = key.length;
    int[] byKey = IntStream.range(0, n).toArray();
    byKey(byKey, key);
    int[] run = new int[n];
    long[] head = new long[n];
    int runs = 0;
    for (int p = 0; p < n; p++) {
      if (p == 0 || key[byKey[p]] != key[byKey[p - 1]]) {
        head[runs++] = byKey[p];
      }
      run[byKey[p]] = runs - 1;
    }
    int[] byHead = IntStream.range(0, runs).toArray();
    byKey(byHead, Arrays.copyOf(head, runs));
    int[] id = new int[runs];
    for (int k = 0; k < runs; k++) {
      id[byHead[k]] = k;
    }
    for (int i = 0; i < n; i++) {
      run[i] = id[run[i]];
    }
    return run;
  }

  /**
   * Sorts {@code keys} ascending, signed order: the array {@link Arrays#sort(long[])} gives (sorted
   * primitives have one order), by the radix sort below from {@link #ARRAY_RADIX_MIN} keys on.
   * Hashes and packed hash keys are the large inputs: all eight bytes vary, and the comparison
   * sort's branches mispredict half the time.
   */
  public static void sortKeys(long[] keys) {
    if (keys.length < ARRAY_RADIX_MIN) {
      Arrays.sort(keys);
    } else {
      radixSort(null, keys);
    }
  }

  /**
   * Sorts {@code values} ascending in {@link Arrays#sort(double[])}'s order (-0.0 before 0.0), by
   * the radix sort of their {@link #orderedBits}, mapped back bit for bit. Arrays holding NaN,
   * whose bits that mapping would not keep, and short arrays go to {@link Arrays#sort(double[])}.
   */
  public static void sortValues(double[] values) {
    int n = values.length;
    if (n < ARRAY_RADIX_MIN) {
      Arrays.sort(values);
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      double x = values[i];
      if (x != x) {
        Arrays.sort(values);
        return;
      }
      keys[i] = orderedBits(x);
    }
    radixSort(null, keys);
    for (int i = 0; i < n; i++) {
      long k = keys[i];
      values[i] = Double.longBitsToDouble(k ^ ((k >> 63) & Long.MAX_VALUE));
    }
  }

  /**
   * From this many values on, {@link #sortKeys} and {@link #sortValues} sort by radix: below it the
   * JDK's sort, whose code a short run has already compiled, costs less than compiling this one.
   */
  static final int ARRAY_RADIX_MIN = 1 << 16;

  /** From this many indices on, the stable sort is a radix sort. */
  static final int RADIX_MIN = 1 << 12;

  /**
   * Least-significant-digit radix sort of (key, index) pairs, or of keys alone when {@code idx} is
   * null, by the key's eight bytes, signed order (the top bit flipped): each pass is a stable
   * counting sort, so the result is the one stable order. Every byte's counts come from one read of
   * the keys, and a byte that all keys share costs no pass. At the pool's sizes (10^5 rows and
   * more) it takes about half the merge sort's time, whose comparisons mispredict half the time.
   */
  private static void radixSort(int[] idx, long[] key) {
    int n = key.length;
    int[][] counts = new int[8][257];
    for (int p = 0; p < n; p++) {
      long k = key[p] ^ Long.MIN_VALUE;
      for (int d = 0; d < 8; d++) {
        counts[d][(int) ((k >>> (8 * d)) & 0xFF) + 1]++;
      }
    }
    long[] keyBuffer = new long[n];
    int[] idxBuffer = idx == null ? null : new int[n];
    long[] keyFrom = key;
    int[] idxFrom = idx;
    long[] keyTo = keyBuffer;
    int[] idxTo = idxBuffer;
    for (int d = 0; d < 8; d++) {
      int[] start = counts[d];
      if (start[(int) (((keyFrom[0] ^ Long.MIN_VALUE) >>> (8 * d)) & 0xFF) + 1] == n) {
        continue;
      }
      for (int b = 1; b < 257; b++) {
        start[b] += start[b - 1];
      }
      int shift = 8 * d;
      if (idx == null) {
        for (int p = 0; p < n; p++) {
          long k = keyFrom[p];
          keyTo[start[(int) (((k ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++] = k;
        }
      } else {
        for (int p = 0; p < n; p++) {
          long k = keyFrom[p];
          int at = start[(int) (((k ^ Long.MIN_VALUE) >>> shift) & 0xFF)]++;
          keyTo[at] = k;
          idxTo[at] = idxFrom[p];
        }
      }
      long[] k = keyFrom;
      keyFrom = keyTo;
      keyTo = k;
      int[] i = idxFrom;
      idxFrom = idxTo;
      idxTo = i;
    }
    if (keyFrom != key) {
      System.arraycopy(keyFrom, 0, key, 0, n);
      if (idx != null) {
        System.arraycopy(idxFrom, 0, idx, 0, n);
      }
    }
  }

  /** Runs of this many indices are insertion-sorted before the merges. */
  private static final int INSERTION_RUN = 16;

  /**
   * Stable sort of {@code idx} by {@code key}, where {@code key[p]} belongs to {@code idx[p]}: the
   * keys travel with the indices, so the merges read both in sequence instead of looking each key
   * up. A stable sort's result is the one order by (key, position), whatever the algorithm.
   */
  private static void sortAligned(int[] idx, long[] key) {
    int n = idx.length;
    if (n >= RADIX_MIN) {
      radixSort(idx, key);
      return;
    }
    for (int lo = 0; lo < n; lo += INSERTION_RUN) {
      int hi = Math.min(lo + INSERTION_RUN, n);
      for (int i = lo + 1; i < hi; i++) {
        long k = key[i];
        int x = idx[i];
        int j = i - 1;
        while (j >= lo && k < key[j]) {
          key[j + 1] = key[j];
          idx[j + 1] = idx[j];
          j--;
        }
        key[j + 1] = k;
        idx[j + 1] = x;
      }
    }
    long[] keyBuffer = new long[n];
    int[] idxBuffer = new int[n];
    for (int width = INSERTION_RUN; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        if (key[mid - 1] <= key[mid]) {
          continue;
        }
        int a = lo;
        int b = mid;
        int o = lo;
        while (a < mid && b < hi) {
          if (key[b] < key[a]) {
            keyBuffer[o] = key[b];
            idxBuffer[o++] = idx[b++];
          } else {
            keyBuffer[o] = key[a];
            idxBuffer[o++] = idx[a++];
          }
        }
        System.arraycopy(key, a, keyBuffer, o, mid - a);
        System.arraycopy(idx, a, idxBuffer, o, mid - a);
        o += mid - a;
        System.arraycopy(key, b, keyBuffer, o, hi - b);
        System.arraycopy(idx, b, idxBuffer, o, hi - b);
        System.arraycopy(keyBuffer, lo, key, lo, hi - lo);
        System.arraycopy(idxBuffer, lo, idx, lo, hi - lo);
      }
    }
  }
}
