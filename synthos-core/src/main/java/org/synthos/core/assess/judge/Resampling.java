package org.synthos.core.assess.judge;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.pool.Pool;

/**
 * The random labellings behind the null bands, all drawn up front from the seed: pooled re-splits
 * (candidate-sized subsets of the pooled rows playing the candidate) and reference splits (random
 * reference rows playing the candidate, the candidate's rows left out), plus the independent
 * streams of the neighbour, temporal and segment measures. Drawing in a fixed order from one root
 * makes every band a function of the seed alone, whatever the thread count.
 */
final class Resampling {
  /**
   * Re-splits of a measure that depends on the rows only through one column's class counts ({@link
   * #countSplits}): drawn as counts they cost a few hypergeometric draws each, so there are enough
   * of them for the band's edge to be stable (the edge of 20 re-splits varies by about a fifth),
   * and for it to be their quantile at the 3-sd tail ({@link Bands#ofTail}): about 27 draws lie
   * beyond it.
   */
  static final int COUNT_REPLICATES = 20_000;

  final Pool data;
  final boolean[][] resplits;
  final byte[][] referenceSplits;
  final int splitSize;
  final SplittableRandom neighbourRandom;
  final SplittableRandom temporalRandom;
  final SplittableRandom segmentRandom;
  final SplittableRandom learnRandom;
  private final long bucketSeed;
  private final long countSeed;
  private final int replicates;
  private final Map<Long, boolean[][]> bucketSplits = new ConcurrentHashMap<>();

  /** One array for the observed labelling, so per-labelling caches see the same key. */
  final boolean[] observed;

  /** Each re-split's candidate rows in increasing order, listed when first asked for. */
  private final AtomicReferenceArray<int[]> resplitCandidates;

  private volatile int[] observedCandidates;

  Resampling(Pool data, long seed, int replicates) {
    this.data = data;
    this.observed = data.observedLabels();
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom labelRandom = root.split();
    this.neighbourRandom = root.split();
    this.temporalRandom = root.split();
    this.segmentRandom = root.split();
    this.learnRandom = root.split();
    this.bucketSeed = root.split().nextLong();
    this.countSeed = root.split().nextLong();
    this.replicates = data.hasReference() ? replicates : 0;
    this.resplits = new boolean[data.hasReference() ? replicates : 0][];
    for (int b = 0; b < resplits.length; b++) {
      resplits[b] = shuffledLabels(data.n, data.nC, labelRandom);
    }
    this.resplitCandidates = new AtomicReferenceArray<>(resplits.length);
    this.splitSize = Math.min(data.nC, data.nR / 2);
    this.referenceSplits = new byte[data.hasReference() ? replicates : 0][];
    for (int b = 0; b < referenceSplits.length; b++) {
      referenceSplits[b] = referenceSplit(data, splitSize, labelRandom);
    }
  }

  private static boolean[] shuffledLabels(int n, int nC, SplittableRandom random) {
    int[] idx = Shuffle.permutation(0, n, random);
    boolean[] l = new boolean[n];
    for (int i = 0; i < nC; i++) {
      l[idx[i]] = true;
    }
    return l;
  }

  /** The observed labelling's candidate rows: the pool holds them first. */
  int[] observedCandidates() {
    int[] rows = observedCandidates;
    if (rows == null) {
      // Two threads listing them list the same rows; either may be kept.
      rows = observedCandidates = IntStream.range(0, data.nC).toArray();
    }
    return rows;
  }

  /**
   * Re-split {@code b}'s candidate rows in increasing order (its {@code nC} set labels), for
   * measures that count the candidate's rows and take the reference's as the rest.
   */
  int[] candidates(int b) {
    int[] rows = resplitCandidates.get(b);
    if (rows == null) {
      boolean[] l = resplits[b];
      rows = new int[data.nC];
      int m = 0;
      for (int i = 0; i < l.length; i++) {
        if (l[i]) {
          rows[m++] = i;
        }
      }
      // Two threads listing the same re-split list the same rows; either may be kept.
      resplitCandidates.compareAndSet(b, null, rows);
    }
    return rows;
  }

  /**
   * Candidate rows left out (-1); {@code h} random reference rows play the candidate (1), the rest
   * the reference (0). The null of copy and duplicate measures, which the pooled re-split would
   * inflate with the candidate's own copies.
   */
  private static byte[] referenceSplit(Pool data, int h, SplittableRandom random) {
    byte[] l = new byte[data.n];
    Arrays.fill(l, 0, data.nC, (byte) -1);
    int[] idx = Shuffle.permutation(data.nC, data.nR, random);
    for (int i = 0; i < h; i++) {
      l[idx[i]] = 1;
    }
    return l;
  }

  /**
   * Re-splits of {@code count} pooled buckets (the candidate's bucket j with the reference's bucket
   * j): in each, {@code chosen} of them drawn at random play the candidate. Drawn from the seed and
   * the two sizes only, so the same for every column bucketed alike.
   */
  boolean[][] bucketSplits(int count, int chosen) {
    return bucketSplits.computeIfAbsent(
        ((long) count << 32) | chosen,
        key -> {
          SplittableRandom random = new SplittableRandom(bucketSeed ^ key * 0x9E3779B97F4A7C15L);
          boolean[][] out = new boolean[replicates][];
          for (int b = 0; b < out.length; b++) {
            out[b] = shuffledLabels(count, chosen, random);
          }
          return out;
        });
  }

  /**
   * {@link #COUNT_REPLICATES} random re-splits of the pooled rows seen through one column's counts:
   * the candidate's count of each class (multivariate hypergeometric, {@link
   * Hypergeometric#sampleCounts}) when {@code nC} of the rows, {@code pooled[i]} of class i, play
   * the candidate. Drawn from the seed and the counts only; none without a reference.
   */
  int[][] countSplits(int[] pooled, int nC) {
    SplittableRandom random = new SplittableRandom(countSeed);
    int[][] out = new int[replicates > 0 ? COUNT_REPLICATES : 0][];
    for (int b = 0; b < out.length; b++) {
      out[b] = Hypergeometric.sampleCounts(pooled, nC, random);
    }
    return out;
  }

  /**
   * {@code f} of the sides each re-split gives: {@code splits[b]} the candidate's counts of the
   * classes of {@code pooled} (the last one the nulls) out of {@code nC} rows, the reference the
   * rest.
   */
  static double[] countNulls(
      int[] pooled, int nC, int[][] splits, ToDoubleFunction<Marginals.Sides> f) {
    int k = pooled.length - 1;
    int n = Arrays.stream(pooled).sum();
    double[] out = new double[splits.length];
    for (int b = 0; b < splits.length; b++) {
      double[] c = new double[k];
      double[] r = new double[k];
      for (int i = 0; i < k; i++) {
        c[i] = splits[b][i];
        r[i] = pooled[i] - splits[b][i];
      }
      int nullsC = splits[b][k];
      Marginals.Sides s = new Marginals.Sides(null, c, r, nullsC, nC, pooled[k] - nullsC, n - nC);
      out[b] = f.applyAsDouble(s);
    }
    return out;
  }

  /** The observed labelling as bytes: candidate rows 1, reference rows 0. */
  byte[] observedBytes() {
    byte[] l = new byte[data.n];
    Arrays.fill(l, 0, data.nC, (byte) 1);
    return l;
  }

  /**
   * Evaluates replicates on all cores. Each replicate's labelling was drawn up front and its result
   * lands in its own slot, so the outcome does not depend on scheduling.
   */
  static double[] replicated(int count, IntToDoubleFunction replicate) {
    double[] out = new double[count];
    IntStream.range(0, count).parallel().forEach(b -> out[b] = replicate.applyAsDouble(b));
    return out;
  }
}
