package org.synthos.core.state;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A mutable KLL sketch of doubles (Karnin, Lang, Liberty, "Optimal Quantile Approximation in
 * Streams", FOCS 2016) laid out as in Apache DataSketches' {@code KllDoublesSketch}: the same level
 * capacities (k at the top level, shrinking by 2/3 per level down to at least {@link #MIN_WIDTH}),
 * the same lazy "compact the lowest full level" policy on update and the same general compaction on
 * merge, so it has DataSketches' accuracy at the same k.
 *
 * <p>The one difference is the source of the compaction offsets. DataSketches draws them from a
 * static, unseeded generator shared by every sketch; here each sketch owns a SplitMix64 generator
 * (Steele, Lea, Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014) whose state
 * is part of the sketch and of its image. The sketch is therefore a pure function of its seed and
 * the sequence of updates and merges. A merge folds the other sketch's generator state into this
 * one, so partitions seeded differently keep independent coin flips after merging.
 *
 * <p>Items live in one array; level h holds {@code items[levels[h] .. levels[h + 1])}, each of
 * weight 2^h, with free space below level 0. Levels above 0 are sorted. Single-threaded.
 */
final class KllSketch {
  static final int MIN_WIDTH = 8;
  static final int IMAGE_VERSION = 1;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long[] POWERS_OF_THREE = powersOfThree();

  private final int k;
  private int minK;
  private long n;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private long random;
  private int numLevels;
  private int[] levels;
  private double[] items;

  KllSketch(int k, long seed) {
    this.k = k;
    this.minK = k;
    // mixed so that nearby seeds (partition 0, 1, 2...) start far apart in the generator's cycle
    this.random = mix(seed ^ GOLDEN_GAMMA);
    this.numLevels = 1;
    this.levels = new int[] {k, k};
    this.items = new double[k];
  }

  int k() {
    return k;
  }

  long n() {
    return n;
  }

  int retained() {
    return levels[numLevels] - levels[0];
  }

  /** Adds {@code values[from .. from + length)}; the caller has removed NaN and infinities. */
  void update(double[] values, int from, int length) {
    if (length == 0) {
      return;
    }
    double lo = n == 0 ? values[from] : min;
    double hi = n == 0 ? values[from] : max;
    int end = from + length;
    for (int i = from; i < end; i++) {
      double x = values[i];
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    min = lo;
    max = hi;
    int next = from;
    while (next < end) {
      if (levels[0] == 0) {
        compressWhileUpdating();
      }
      int chunk = Math.min(levels[0], end - next);
      levels[0] -= chunk;
      System.arraycopy(values, next, items, levels[0], chunk);
      next += chunk;
    }
    n += length;
  }

  private void updateOne(double x) {
    if (levels[0] == 0) {
      compressWhileUpdating();
    }
    items[--levels[0]] = x;
  }

  /** Folds {@code other} into this sketch; {@code other} is not changed. */
  void merge(KllSketch other) {
    if (other.n == 0) {
      return;
    }
    min = n == 0 ? other.min : Math.min(min, other.min);
    max = n == 0 ? other.max : Math.max(max, other.max);
    long mergedN = n + other.n;
    for (int i = other.levels[0]; i < other.levels[1]; i++) {
      updateOne(other.items[i]);
    }
    if (other.numLevels >= 2) {
      mergeHigherLevels(other);
    }
    n = mergedN;
    minK = Math.min(minK, other.minK);
    random = mix(random ^ Long.rotateLeft(other.random, 31));
  }

  private void mergeHigherLevels(KllSketch other) {
    int provisional = Math.max(numLevels, other.numLevels);
    double[] work = new double[retained() + other.retained()];
    int[] inLevels = new int[Math.max(provisional, maxLevels(n + other.n)) + 2];
    int[] outLevels = new int[inLevels.length];
    int selfZero = levels[1] - levels[0];
    System.arraycopy(items, levels[0], work, 0, selfZero);
    inLevels[1] = selfZero;
    for (int h = 1; h < provisional; h++) {
      int selfPop = h < numLevels ? levels[h + 1] - levels[h] : 0;
      int otherPop = h < other.numLevels ? other.levels[h + 1] - other.levels[h] : 0;
      inLevels[h + 1] = inLevels[h] + selfPop + otherPop;
      int selfStart = selfPop > 0 ? levels[h] : 0;
      int otherStart = otherPop > 0 ? other.levels[h] : 0;
      mergeSorted(items, selfStart, selfPop, other.items, otherStart, otherPop, work, inLevels[h]);
    }
    int[] result = generalCompress(provisional, work, inLevels, outLevels);
    int finalLevels = result[0];
    int capacity = result[1];
    int population = result[2];
    double[] fresh = new double[capacity];
    int shift = capacity - population - outLevels[0];
    System.arraycopy(work, outLevels[0], fresh, capacity - population, population);
    int[] freshLevels = new int[finalLevels + 1];
    for (int h = 0; h <= finalLevels; h++) {
      freshLevels[h] = outLevels[h] + shift;
    }
    items = fresh;
    levels = freshLevels;
    numLevels = finalLevels;
  }

  /**
   * DataSketches' general compression: walking up from level 0, every level at or over its capacity
   * (while the sketch is over its total capacity) is halved into the level above. Works in place in
   * {@code buf}; returns {levels, total capacity, items retained}.
   */
  private int[] generalCompress(int levelsIn, double[] buf, int[] inLevels, int[] outLevels) {
    int levelCount = levelsIn;
    int current = inLevels[levelCount] - inLevels[0];
    int target = totalCapacity(k, levelCount);
    outLevels[0] = 0;
    for (int h = 0; h < levelCount; h++) {
      if (h == levelCount - 1) {
        inLevels[h + 2] = inLevels[h + 1];
      }
      int rawBeg = inLevels[h];
      int rawLim = inLevels[h + 1];
      int rawPop = rawLim - rawBeg;
      if (current < target || rawPop < levelCapacity(k, levelCount, h)) {
        System.arraycopy(buf, rawBeg, buf, outLevels[h], rawPop);
        outLevels[h + 1] = outLevels[h] + rawPop;
        continue;
      }
      int popAbove = inLevels[h + 2] - rawLim;
      boolean odd = (rawPop & 1) == 1;
      int adjBeg = odd ? rawBeg + 1 : rawBeg;
      int adjPop = odd ? rawPop - 1 : rawPop;
      int half = adjPop / 2;
      if (odd) {
        buf[outLevels[h]] = buf[rawBeg];
        outLevels[h + 1] = outLevels[h] + 1;
      } else {
        outLevels[h + 1] = outLevels[h];
      }
      if (h == 0) {
        Arrays.sort(buf, adjBeg, adjBeg + adjPop);
      }
      halveInto(buf, adjBeg, adjPop, rawLim, popAbove);
      current -= half;
      inLevels[h + 1] -= half;
      if (h == levelCount - 1) {
        levelCount++;
        target += levelCapacity(k, levelCount, 0);
      }
    }
    return new int[] {levelCount, target, current};
  }

  /** Compacts the lowest level at or over its capacity, adding a level on top when needed. */
  private void compressWhileUpdating() {
    int level = 0;
    while (levels[level + 1] - levels[level] < levelCapacity(k, numLevels, level)) {
      level++;
    }
    if (level == numLevels - 1) {
      addEmptyTopLevel();
    }
    int rawBeg = levels[level];
    int rawLim = levels[level + 1];
    int popAbove = levels[level + 2] - rawLim;
    int rawPop = rawLim - rawBeg;
    boolean odd = (rawPop & 1) == 1;
    int adjBeg = odd ? rawBeg + 1 : rawBeg;
    int adjPop = odd ? rawPop - 1 : rawPop;
    int half = adjPop / 2;
    if (level == 0) {
      Arrays.sort(items, adjBeg, adjBeg + adjPop);
    }
    halveInto(items, adjBeg, adjPop, rawLim, popAbove);
    levels[level + 1] = rawLim - half;
    if (odd) {
      levels[level] = levels[level + 1] - 1;
      items[levels[level]] = items[rawBeg];
    } else {
      levels[level] = levels[level + 1];
    }
    if (level > 0) {
      System.arraycopy(items, levels[0], items, levels[0] + half, rawBeg - levels[0]);
    }
    for (int h = 0; h < level; h++) {
      levels[h] += half;
    }
  }

  /**
   * Keeps every other item of the sorted run {@code buf[start .. start + length)} (even positions
   * or odd, by one coin flip) and merges the survivors into the sorted level above, which starts at
   * {@code above} with {@code popAbove} items; the result ends where that level ended.
   */
  private void halveInto(double[] buf, int start, int length, int above, int popAbove) {
    int half = length / 2;
    int offset = nextBit();
    if (popAbove == 0) {
      int j = start + length - 1 - offset;
      for (int i = start + length - 1; i >= start + half; i--) {
        buf[i] = buf[j];
        j -= 2;
      }
    } else {
      int j = start + offset;
      for (int i = start; i < start + half; i++) {
        buf[i] = buf[j];
        j += 2;
      }
      mergeSorted(buf, start, half, buf, above, popAbove, buf, start + half);
    }
  }

  private void addEmptyTopLevel() {
    int oldCapacity = levels[numLevels];
    int newLevels = numLevels + 1;
    int newCapacity = totalCapacity(k, newLevels);
    int delta = newCapacity - oldCapacity;
    int[] grown = new int[newLevels + 1];
    for (int h = 0; h <= numLevels; h++) {
      grown[h] = levels[h] + delta;
    }
    grown[newLevels] = newCapacity;
    double[] bigger = new double[newCapacity];
    System.arraycopy(items, 0, bigger, delta, oldCapacity);
    items = bigger;
    levels = grown;
    numLevels = newLevels;
  }

  /** One SplitMix64 step, reduced to its top bit. */
  private int nextBit() {
    random += GOLDEN_GAMMA;
    return (int) (mix(random) >>> 63);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Merges two sorted runs into {@code c} from {@code cStart}. The output may overlap the inputs as
   * in the compactions: it never overtakes an unread item.
   */
  private static void mergeSorted(
      double[] a, int aStart, int aLen, double[] b, int bStart, int bLen, double[] c, int cStart) {
    int i = aStart;
    int aEnd = aStart + aLen;
    int j = bStart;
    int bEnd = bStart + bLen;
    int o = cStart;
    while (i < aEnd && j < bEnd) {
      c[o++] = a[i] <= b[j] ? a[i++] : b[j++];
    }
    while (i < aEnd) {
      c[o++] = a[i++];
    }
    while (j < bEnd) {
      c[o++] = b[j++];
    }
  }

  /** Capacity of level {@code height}: max(8, round(k (2/3)^depth)), depth counted from the top. */
  static int levelCapacity(int k, int numLevels, int height) {
    int depth = numLevels - height - 1;
    return Math.max(MIN_WIDTH, capacityAtDepth(k, depth));
  }

  private static int capacityAtDepth(int k, int depth) {
    if (depth <= 30) {
      return capacityAtSmallDepth(k, depth);
    }
    int half = depth / 2;
    return capacityAtSmallDepth(capacityAtSmallDepth(k, half), depth - half);
  }

  private static int capacityAtSmallDepth(long k, int depth) {
    long twoK = k << 1;
    long scaled = (twoK << depth) / POWERS_OF_THREE[depth];
    return (int) ((scaled + 1) >>> 1);
  }

  static int totalCapacity(int k, int numLevels) {
    int total = 0;
    for (int h = 0; h < numLevels; h++) {
      total += levelCapacity(k, numLevels, h);
    }
    return total;
  }

  /** An upper bound on the levels a sketch of n items can need: 1 + floor(log2 n). */
  private static int maxLevels(long n) {
    return 64 - Long.numberOfLeadingZeros(Math.max(1, n));
  }

  private static long[] powersOfThree() {
    long[] p = new long[31];
    p[0] = 1;
    for (int i = 1; i < p.length; i++) {
      p[i] = p[i - 1] * 3;
    }
    return p;
  }

  /**
   * The sorted view of the retained items: distinct values ascending with the total weight of items
   * at or below each, the exact min and max included as DataSketches' sorted view does.
   */
  SortedQuantiles sortedView() {
    int retained = retained();
    double[] values = new double[retained];
    long[] weights = new long[retained];
    int level0 = levels[1] - levels[0];
    System.arraycopy(items, levels[0], values, 0, level0);
    Arrays.sort(values, 0, level0);
    Arrays.fill(weights, 0, level0, 1L);
    int filled = level0;
    double[] scratchValues = new double[retained];
    long[] scratchWeights = new long[retained];
    for (int h = 1; h < numLevels; h++) {
      int pop = levels[h + 1] - levels[h];
      if (pop == 0) {
        continue;
      }
      long w = 1L << h;
      int i = 0;
      int j = levels[h];
      int end = levels[h + 1];
      int o = 0;
      while (i < filled && j < end) {
        if (values[i] <= items[j]) {
          scratchValues[o] = values[i];
          scratchWeights[o++] = weights[i++];
        } else {
          scratchValues[o] = items[j++];
          scratchWeights[o++] = w;
        }
      }
      while (i < filled) {
        scratchValues[o] = values[i];
        scratchWeights[o++] = weights[i++];
      }
      while (j < end) {
        scratchValues[o] = items[j++];
        scratchWeights[o++] = w;
      }
      filled = o;
      double[] tv = values;
      values = scratchValues;
      scratchValues = tv;
      long[] tw = weights;
      weights = scratchWeights;
      scratchWeights = tw;
    }
    return SortedQuantiles.of(values, weights, filled, n, min, max);
  }

  /** The normalized rank error of DataSketches' KLL at this k (99% confidence). */
  static double normalizedRankError(int k, boolean pmf) {
    // DataSketches' empirical fits for its KLL (KllSketch.getNormalizedRankError)
    return pmf ? 2.446 / Math.pow(k, 0.9433) : 2.296 / Math.pow(k, 0.9723);
  }

  int minK() {
    return minK;
  }

  /**
   * The compact image: version byte, k, minK (ints), n (long), min, max (doubles), generator state
   * (long), level count (byte), each level's size (ints, level 0 first), then the retained items
   * level by level. Free space is not stored; it is implied by k and the level count.
   */
  byte[] toImage() {
    int retained = retained();
    ByteBuffer out =
        ByteBuffer.allocate(1 + 4 + 4 + 8 + 8 + 8 + 8 + 1 + 4 * numLevels + 8 * retained);
    out.put((byte) IMAGE_VERSION);
    out.putInt(k);
    out.putInt(minK);
    out.putLong(n);
    out.putDouble(min);
    out.putDouble(max);
    // an empty sketch never flips a coin before it is merged into, so its generator state is
    // irrelevant; writing 0 makes every empty sketch of size k the same state
    out.putLong(n == 0 ? 0 : random);
    out.put((byte) numLevels);
    for (int h = 0; h < numLevels; h++) {
      out.putInt(levels[h + 1] - levels[h]);
    }
    for (int i = levels[0]; i < levels[numLevels]; i++) {
      out.putDouble(items[i]);
    }
    return out.array();
  }

  /**
   * Reads an image of {@link #toImage}; throws IllegalArgumentException naming what is wrong when
   * it is not one (or not one this version reads).
   */
  static KllSketch fromImage(byte[] image) {
    ByteBuffer in = ByteBuffer.wrap(image);
    try {
      int version = in.get() & 0xFF;
      if (version != IMAGE_VERSION) {
        throw new IllegalArgumentException("unknown quantile sketch image version " + version);
      }
      int k = in.getInt();
      int minK = in.getInt();
      if (k < MIN_WIDTH || k > 65535 || minK < MIN_WIDTH || minK > k) {
        throw new IllegalArgumentException("quantile sketch has invalid k " + k + "/" + minK);
      }
      KllSketch s = new KllSketch(k, 0);
      s.minK = minK;
      s.n = in.getLong();
      s.min = in.getDouble();
      s.max = in.getDouble();
      s.random = in.getLong();
      int levelCount = in.get() & 0xFF;
      if (levelCount < 1 || levelCount > 64) {
        throw new IllegalArgumentException("quantile sketch has " + levelCount + " levels");
      }
      int capacity = totalCapacity(k, levelCount);
      int[] sizes = new int[levelCount];
      long retained = 0;
      long weight = 0;
      for (int h = 0; h < levelCount; h++) {
        sizes[h] = in.getInt();
        if (sizes[h] < 0) {
          throw new IllegalArgumentException("quantile sketch has a negative level size");
        }
        retained += sizes[h];
        weight += (long) sizes[h] << h;
      }
      if (retained > capacity || weight != s.n || s.n < 0) {
        throw new IllegalArgumentException("quantile sketch levels do not add up to its count");
      }
      int[] levels = new int[levelCount + 1];
      levels[0] = capacity - (int) retained;
      for (int h = 0; h < levelCount; h++) {
        levels[h + 1] = levels[h] + sizes[h];
      }
      double[] items = new double[capacity];
      for (int i = levels[0]; i < capacity; i++) {
        items[i] = in.getDouble();
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("quantile sketch image has trailing bytes");
      }
      s.numLevels = levelCount;
      s.levels = levels;
      s.items = items;
      return s;
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("quantile sketch image is truncated", e);
    }
  }
}
