package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
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
   * The cluster of each text: the smallest index of the texts it is joined with, so equal inputs
   * give equal clusters. Texts with no near duplicate are their own cluster.
   */
  public static int[] clusters(String[] texts) {
    int n = texts.length;
    long[][] sigs = new long[n][];
    for (int i = 0; i < n; i++) {
      sigs[i] = signature(texts[i]);
    }
    int[] parent = UnionFind.singletons(n);
    for (int b = 0; b < BANDS; b++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int i = 0; i < n; i++) {
        long key = b;
        for (int r = 0; r < ROWS; r++) {
          key = mix(key ^ sigs[i][b * ROWS + r]);
        }
        List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
        for (int m = Math.max(0, bucket.size() - BUCKET_CAP); m < bucket.size(); m++) {
          int j = bucket.get(m);
          if (UnionFind.find(parent, i) != UnionFind.find(parent, j)
              && similarity(sigs[i], sigs[j]) >= THRESHOLD) {
            UnionFind.union(parent, i, j);
          }
        }
        bucket.add(i);
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
