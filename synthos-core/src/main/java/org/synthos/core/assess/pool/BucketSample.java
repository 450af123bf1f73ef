package org.synthos.core.assess.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bucket's present values of one numeric column as a bottom-k sample: of the values added, the
 * {@link #capacity} whose rows have the smallest keys, with the number of values added. A key is a
 * bijective hash of the row's file index ({@link Buckets#hash}), so distinct rows never tie, and
 * the kept values are a uniform sample without replacement of the bucket's values that depends on
 * the set of rows alone, not on the order they came in or how they were partitioned (Cohen and
 * Kaplan, "Summarizing Data using Bottom-k Sketches", PODC 2007). While at most {@link #capacity}
 * values were added it holds every one ({@link #exact}).
 *
 * <p>Immutable: items in ascending (key, value) order. {@link #merge} keeps the smallest {@link
 * #capacity} items of both and adds the counts: associative and commutative, with the empty sample
 * of the same capacity as identity.
 */
public final class BucketSample {
  private final int capacity;
  private final long count;
  private final long[] keys;
  private final double[] values;

  private BucketSample(int capacity, long count, long[] keys, double[] values) {
    this.capacity = capacity;
    this.count = count;
    this.keys = keys;
    this.values = values;
  }

  /** No values, keeping up to {@code capacity}. */
  public static BucketSample empty(int capacity) {
    return new BucketSample(capacity, 0, new long[0], new double[0]);
  }

  /** The most values kept. */
  public int capacity() {
    return capacity;
  }

  /** Values added. */
  public long count() {
    return count;
  }

  /** Values kept. */
  public int size() {
    return keys.length;
  }

  /** Whether every value added is kept. */
  public boolean exact() {
    return count == keys.length;
  }

  /** The kept values, in key order. */
  public double[] values() {
    return values.clone();
  }

  /**
   * The largest kept key once the sample is full, else {@link Long#MAX_VALUE}: a value whose key is
   * larger cannot enter any merge of this sample with others ({@link Accumulator#tighten}).
   */
  public long fullBound() {
    return keys.length == capacity ? keys[keys.length - 1] : Long.MAX_VALUE;
  }

  /** The values added per value kept: the weight that makes the sample stand for the bucket. */
  public double scale() {
    return keys.length == 0 ? 0 : (double) count / keys.length;
  }

  /** The smallest {@code min(capacity)} items of both; the counts add. */
  public BucketSample merge(BucketSample o) {
    int cap = Math.min(capacity, o.capacity);
    int n = Math.min(cap, keys.length + o.keys.length);
    return mergeInto(o, cap, new long[n], new double[n]);
  }

  /**
   * {@link #merge} for a pass that uses neither this sample nor {@code o} again: a full-size result
   * is written into arrays from {@code spares}, and the full-size arrays of both go back to them.
   * The merged state of a pass is replaced at each partition's merge, so without reuse each merge's
   * arrays outlive young collections and die in the old generation. The same items as {@link
   * #merge}.
   */
  BucketSample mergeReleasing(BucketSample o, Spares spares) {
    int cap = Math.min(capacity, o.capacity);
    int n = Math.min(cap, keys.length + o.keys.length);
    Spares.Pair spare = n == spares.capacity ? spares.poll() : null;
    BucketSample merged =
        spare == null
            ? mergeInto(o, cap, new long[n], new double[n])
            : mergeInto(o, cap, spare.keys(), spare.values());
    release(spares);
    o.release(spares);
    return merged;
  }

  private void release(Spares spares) {
    if (keys.length == spares.capacity) {
      spares.offer(keys, values);
    }
  }

  /** Merges into {@code k} and {@code v}, whose length is the merged size. */
  private BucketSample mergeInto(BucketSample o, int cap, long[] k, double[] v) {
    int n = k.length;
    int i = 0;
    int j = 0;
    for (int m = 0; m < n; m++) {
      boolean mine =
          j == o.keys.length
              || (i < keys.length && compare(keys[i], values[i], o.keys[j], o.values[j]) <= 0);
      k[m] = mine ? keys[i] : o.keys[j];
      v[m] = mine ? values[i++] : o.values[j++];
    }
    return new BucketSample(cap, count + o.count, k, v);
  }

  /** (key, value) order: total, so that merging equal keys (the same row twice) is symmetric. */
  private static int compare(long ka, double va, long kb, double vb) {
    int c = Long.compare(ka, kb);
    return c != 0 ? c : Double.compare(va, vb);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(capacity);
    out.writeLong(count);
    out.writeInt(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.writeLong(keys[i]);
      out.writeDouble(values[i]);
    }
  }

  /** Reads a sample written by {@link #write}; null when the bytes break its invariants. */
  static BucketSample read(DataInputStream in) throws IOException {
    int capacity = in.readInt();
    long count = in.readLong();
    int n = in.readInt();
    if (capacity < 1 || n < 0 || n > capacity || count < n || (n < capacity && count != n)) {
      return null;
    }
    long[] k = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = in.readLong();
      v[i] = in.readDouble();
      if (Double.isNaN(v[i]) || (i > 0 && compare(k[i - 1], v[i - 1], k[i], v[i]) > 0)) {
        return null;
      }
    }
    return new BucketSample(capacity, count, k, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketSample s
        && capacity == s.capacity
        && count == s.count
        && Arrays.equals(keys, s.keys)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(count) + Arrays.hashCode(keys);
  }

  @Override
  public String toString() {
    return "BucketSample[" + size() + " of " + count + ", capacity " + capacity + "]";
  }

  /**
   * The mutable sample of one partition's bucket: appends while under capacity, then keeps a
   * max-heap on (key, value) so that a value is kept only when it beats the largest kept.
   *
   * <p>A bound taken from a full sample of other rows ({@link #tighten}) lets it count, and not
   * keep, values with larger keys: at least {@link #capacity} values of those rows have smaller
   * keys, so such a value is in no merge with them. Its own snapshot then holds fewer items, and a
   * merge with the bound's sample is the same as without the bound.
   */
  static final class Accumulator {
    private final int capacity;
    private final Spares spares;
    private long bound = Long.MAX_VALUE;
    private long count;
    private long[] keys = new long[16];
    private double[] values = new double[16];
    private int size;
    private boolean heap;

    Accumulator(int capacity) {
      this(capacity, null);
    }

    /** Growing into full-size arrays that earlier partitions released to {@code spares}. */
    Accumulator(int capacity, Spares spares) {
      this.capacity = capacity;
      this.spares = spares != null && spares.capacity == capacity ? spares : null;
    }

    /**
     * Hands this accumulator's full-size arrays to its spares for a later partition; it must not be
     * used afterwards. Without spares it only forgets them.
     */
    void release() {
      if (spares != null && keys.length == capacity) {
        spares.offer(keys, values);
      }
      keys = null;
      values = null;
    }

    /**
     * Skips from now on values whose keys exceed {@code fullBound}, the {@link
     * BucketSample#fullBound} of a sample of other rows than this accumulator's.
     */
    void tighten(long fullBound) {
      bound = Math.min(bound, fullBound);
    }

    /** Whether {@link #add} would only count a value of this key. */
    boolean skips(long key) {
      return key > bound;
    }

    void add(long key, double value) {
      count++;
      if (key > bound) {
        return;
      }
      if (size < capacity) {
        if (size == keys.length) {
          grow();
        }
        keys[size] = key;
        values[size++] = value;
        return;
      }
      if (!heap) {
        heapify(keys, values, size);
        heap = true;
      }
      if (compare(key, value, keys[0], values[0]) < 0) {
        keys[0] = key;
        values[0] = value;
        siftDown(keys, values, 0, size);
      }
    }

    private void grow() {
      Spares.Pair spare = spares == null ? null : spares.poll();
      if (spare != null) {
        System.arraycopy(keys, 0, spare.keys(), 0, size);
        System.arraycopy(values, 0, spare.values(), 0, size);
        keys = spare.keys();
        values = spare.values();
        return;
      }
      int grown = Math.min(capacity, 2 * size);
      keys = Arrays.copyOf(keys, grown);
      values = Arrays.copyOf(values, grown);
    }

    /**
     * The kept items in (key, value) order. Keys are hashes, spread evenly over the range between
     * the smallest and largest kept, so a counting sort on each key's offset in that range, about
     * one item per slot, leaves the items nearly ordered; an insertion pass by whole keys and
     * values then orders the few that share a slot, one comparison per item otherwise (a comparison
     * sort of the items took a sixth of the pass at a million rows).
     */
    BucketSample snapshot() {
      Spares.Pair spare = spares != null && size == capacity ? spares.poll() : null;
      long[] k = spare != null ? spare.keys() : new long[size];
      double[] v = spare != null ? spare.values() : new double[size];
      if (size > 0) {
        long min = keys[0];
        long max = keys[0];
        for (int i = 1; i < size; i++) {
          min = Math.min(min, keys[i]);
          max = Math.max(max, keys[i]);
        }
        int slotBits = 32 - Integer.numberOfLeadingZeros(size);
        // Offsets from the smallest key fit 64 unsigned bits; keep their top slotBits bits.
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - slotBits);
        int[] start = new int[(1 << slotBits) + 1];
        for (int i = 0; i < size; i++) {
          start[(int) ((keys[i] - min) >>> shift) + 1]++;
        }
        for (int s = 1; s < start.length; s++) {
          start[s] += start[s - 1];
        }
        for (int i = 0; i < size; i++) {
          int j = start[(int) ((keys[i] - min) >>> shift)]++;
          k[j] = keys[i];
          v[j] = values[i];
        }
      }
      for (int j = 1; j < size; j++) {
        for (int m = j; m > 0 && compare(k[m - 1], v[m - 1], k[m], v[m]) > 0; m--) {
          swap(k, v, m - 1, m);
        }
      }
      return new BucketSample(capacity, count, k, v);
    }

    private static void heapify(long[] k, double[] v, int n) {
      for (int i = n / 2 - 1; i >= 0; i--) {
        siftDown(k, v, i, n);
      }
    }

    private static void siftDown(long[] k, double[] v, int i, int end) {
      while (true) {
        int largest = i;
        for (int c = 2 * i + 1; c <= 2 * i + 2 && c < end; c++) {
          if (compare(k[c], v[c], k[largest], v[largest]) > 0) {
            largest = c;
          }
        }
        if (largest == i) {
          return;
        }
        swap(k, v, i, largest);
        i = largest;
      }
    }

    private static void swap(long[] k, double[] v, int a, int b) {
      long key = k[a];
      k[a] = k[b];
      k[b] = key;
      double value = v[a];
      v[a] = v[b];
      v[b] = value;
    }
  }

  /**
   * Full-size arrays of finished partitions' accumulators and of samples merged away ({@link
   * #mergeReleasing}), taken by later accumulators when they outgrow their first arrays, by full
   * snapshots and by full merges. A partition's samples live until its end, so without reuse each
   * partition's arrays (about 32 KB per bucket and numeric column) outlive young collections, are
   * copied to the old generation and die there; and growing by doubling copies them about twice on
   * the way. Thread-safe; which arrays an accumulator gets never changes what it keeps. Holds at
   * most {@value #MAX_SPARES} pairs.
   */
  static final class Spares {
    static final int MAX_SPARES = 1 << 14;

    record Pair(long[] keys, double[] values) {}

    private final int capacity;
    private final ConcurrentLinkedQueue<Pair> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    Spares(int capacity) {
      this.capacity = capacity;
    }

    void offer(long[] keys, double[] values) {
      if (size.incrementAndGet() <= MAX_SPARES) {
        queue.offer(new Pair(keys, values));
      } else {
        size.decrementAndGet();
      }
    }

    Pair poll() {
      Pair a = queue.poll();
      if (a != null) {
        size.decrementAndGet();
      }
      return a;
    }
  }
}
