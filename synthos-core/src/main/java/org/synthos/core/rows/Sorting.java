package org.synthos.core.rows;

/** In-place sorts of parallel primitive arrays, so that no row ever becomes an object. */
final class Sorting {
  private static final int INSERTION_THRESHOLD = 24;

  private Sorting() {}

  /** Sorts {@code [from, to)} of the three arrays by {@code (a, b, c)} lexicographically. */
  static void sort(long[] a, long[] b, long[] c, int from, int to) {
    while (to - from > INSERTION_THRESHOLD) {
      int mid = (from + to) >>> 1;
      int p = medianOfThree(a, b, c, from, mid, to - 1);
      long pa = a[p];
      long pb = b[p];
      long pc = c[p];
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (compare(a[i], b[i], c[i], pa, pb, pc) < 0) {
          i++;
        }
        while (compare(a[j], b[j], c[j], pa, pb, pc) > 0) {
          j--;
        }
        if (i <= j) {
          swap(a, b, c, i, j);
          i++;
          j--;
        }
      }
      // Recurse into the smaller side to bound the stack depth.
      if (j - from < to - i) {
        sort(a, b, c, from, j + 1);
        from = i;
      } else {
        sort(a, b, c, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      for (int k = i;
          k > from && compare(a[k - 1], b[k - 1], c[k - 1], a[k], b[k], c[k]) > 0;
          k--) {
        swap(a, b, c, k - 1, k);
      }
    }
  }

  static int compare(long a1, long b1, long c1, long a2, long b2, long c2) {
    int r = Long.compare(a1, a2);
    if (r != 0) {
      return r;
    }
    r = Long.compare(b1, b2);
    return r != 0 ? r : Long.compare(c1, c2);
  }

  private static int medianOfThree(long[] a, long[] b, long[] c, int x, int y, int z) {
    boolean xy = compare(a[x], b[x], c[x], a[y], b[y], c[y]) < 0;
    boolean yz = compare(a[y], b[y], c[y], a[z], b[z], c[z]) < 0;
    boolean xz = compare(a[x], b[x], c[x], a[z], b[z], c[z]) < 0;
    if (xy == yz) {
      return y;
    }
    return xy == xz ? z : x;
  }

  private static void swap(long[] a, long[] b, long[] c, int i, int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
    t = b[i];
    b[i] = b[j];
    b[j] = t;
    t = c[i];
    c[i] = c[j];
    c[j] = t;
  }
}
