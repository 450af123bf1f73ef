package org.synthos.core.assess.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.synthos.core.assess.pool.IndexSort;
import org.synthos.core.assess.pool.UnionFind;

/**
 * Near-duplicate texts by MinHash with locality-sensitive hashing (Broder, "On the resemblance and
 * containment of documents", 1997; Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets",
 * ch. 3). A text's shingles are its character {@value #SHINGLE}-grams after lower-casing and
 * collapsing whitespace (a text shorter than that is one shingle); its signature holds, for each of
 * {@value #PERMUTATIONS} seeded 64-bit hash functions, the smallest hash over its shingles, so two
 * signatures agree in a slot with probability equal to the Jaccard similarity of the shingle sets.
 * The signature is cut into {@value #BANDS} bands of {@value #ROWS} slots; texts that agree on a
 * whole band become candidates (likely when Jaccard is above (1/b)^(1/r) = 0.5), and candidates
 * whose signatures agree in at least {@value #THRESHOLD} of the slots are joined into one cluster
 * (union-find, transitively). Each text is compared with at most {@value #BUCKET_CAP} earlier texts
 * per bucket, which bounds the cost when many texts share a template, and only the first {@value
 * #MAX_CODE_POINTS} code points of a text are shingled.
 *
 * <p>The hash functions are fixed, so the clusters are a function of the texts alone.
 */
public final class MinHash {
  static final int SHINGLE = 5;
  static final int PERMUTATIONS = 64;
  static final int BANDS = 16;
  static final int ROWS = PERMUTATIONS / BANDS;
  static final double THRESHOLD = 0.8;
  static final int BUCKET_CAP = 32;

  /** Only a text's first code points are shingled, which bounds the cost of long texts. */
  static final int MAX_CODE_POINTS = 4096;

  private MinHash() {}

  /** The signature of one text. */
  public static long[] signature(String text) {
    String norm = text.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    long[] sig = new long[PERMUTATIONS];
    Arrays.fill(sig, Long.MAX_VALUE);
    int[] cps = norm.codePoints().limit(MAX_CODE_POINTS).toArray();
    int shingles = Math.max(1, cps.length - SHINGLE + 1);
    for (int s = 0; s < shingles; s++) {
      long h = 0x84222325CBF29CE4L;
      for (int k = s; k < Math.min(cps.length, s + SHINGLE); k++) {
        h = mix(h ^ cps[k]);
      }
      for (int p = 0; p < PERMUTATIONS; p++) {
        long hp = mix(h ^ (0x9E3779B97F4A7C15L * (p + 1)));
        if (Long.compareUnsigned(hp, sig[p]) < 0) {
          sig[p] = hp;
        }
      }
    }
    return sig;
  }

  /** The estimated Jaccard similarity: the share of slots in which two signatures agree. */
  public static double similarity(long[] a, long[] b) {
    int same = 0;
    for (int p = 0; p < PERMUTATIONS; p++) {
      if (a[p] == b[p]) {
        same++;
      }
    }
    return (double) same / PERMUTATIONS;
  }

  /**
   * The most slots in which two signatures may differ and still be near ({@code similarity >=
   * THRESHOLD}): {@link #near} stops comparing past it.
   */
  private static final int MAX_MISMATCHES = maxMismatches();

  private static int maxMismatches() {
    int same = PERMUTATIONS;
    while (same > 0 && (double) (same - 1) / PERMUTATIONS >= THRESHOLD) {
      same--;
    }
    return PERMUTATIONS - same;
  }

  /** Whether {@code similarity(a, b) >= THRESHOLD}, without counting past the answer. */
  static boolean near(long[] a, long[] b) {
    int differ = 0;
    for (int p = 0; p < PERMUTATIONS; p++) {
      if (a[p] != b[p] && ++differ > MAX_MISMATCHES) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cluster of each text: the smallest index of the texts it is joined with, so equal inputs
   * give equal clusters. Texts with no near duplicate are their own cluster.
   *
   * <p>A text is compared with the (at most {@value #BUCKET_CAP}) texts before it in each of its
   * band buckets. The clusters are the connected components of the near pairs so found, and the
   * smaller root wins every union, so neither the order of the comparisons nor the skipping of
   * pairs already joined changes them: each band's buckets are found by sorting the texts by key
   * (then index), and the signatures are computed on every core, each into its own slot.
   */
  public static int[] clusters(String[] texts) {
    int n = texts.length;
    long[][] sigs = new long[n][];
    IntStream.range(0, n).parallel().forEach(i -> sigs[i] = signature(texts[i]));
    int[] parent = UnionFind.singletons(n);
    long[] keys = new long[n];
    int[] sorted = new int[n];
    for (int b = 0; b < BANDS; b++) {
      for (int i = 0; i < n; i++) {
        long key = b;
        for (int r = 0; r < ROWS; r++) {
          key = mix(key ^ sigs[i][b * ROWS + r]);
        }
        keys[i] = key;
        sorted[i] = i;
      }
      IndexSort.byKey(sorted, keys);
      // Runs of equal keys are the buckets, each in index order (the sort is stable).
      for (int from = 0, to; from < n; from = to) {
        to = from + 1;
        while (to < n && keys[sorted[to]] == keys[sorted[from]]) {
          to++;
        }
        for (int p = from + 1; p < to; p++) {
          int i = sorted[p];
          for (int q = Math.max(from, p - BUCKET_CAP); q < p; q++) {
            int j = sorted[q];
            if (UnionFind.find(parent, i) != UnionFind.find(parent, j) && near(sigs[i], sigs[j])) {
              UnionFind.union(parent, i, j);
            }
          }
        }
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = UnionFind.find(parent, i);
    }
    return out;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
