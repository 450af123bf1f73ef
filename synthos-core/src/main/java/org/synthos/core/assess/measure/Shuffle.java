package org.synthos.core.assess.measure;

import java.util.SplittableRandom;

/**
 * Seeded Fisher-Yates shuffles, the source of randomness in row re-splits (re-splits seen through
 * one column's class counts are drawn by {@link Hypergeometric#sampleCounts}).
 */
public final class Shuffle {
  private Shuffle() {}

  /** A uniformly random permutation of {@code from .. from + n - 1}. */
  public static int[] permutation(int from, int n, SplittableRandom random) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = from + i;
    }
    inPlace(idx, random);
    return idx;
  }

  public static void inPlace(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
