package org.synthos.api;

import java.util.Arrays;

/**
 * A fixed-size bit set marking rows of a batch (null cells or invalid cells).
 *
 * <p>Built by a reader through {@link #builder(int)}, then read-only. Bit {@code i} set means row
 * {@code i} is marked.
 */
public final class Mask {
  private static final long[] NO_WORDS = new long[0];

  private final long[] words;
  private final int size;
  private final int cardinality;

  private Mask(long[] words, int size) {
    this.words = words;
    this.size = size;
    int c = 0;
    for (long w : words) {
      c += Long.bitCount(w);
    }
    this.cardinality = c;
  }

  /** A mask of {@code size} rows with no bit set. */
  public static Mask none(int size) {
    return new Mask(NO_WORDS, size);
  }

  /** Builds a mask from a boolean per row. */
  public static Mask of(boolean[] marked) {
    Builder b = builder(marked.length);
    for (int i = 0; i < marked.length; i++) {
      if (marked[i]) {
        b.set(i);
      }
    }
    return b.build(marked.length);
  }

  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  public boolean get(int row) {
    int w = row >>> 6;
    return w < words.length && (words[w] & (1L << row)) != 0;
  }

  /** Number of rows covered. */
  public int size() {
    return size;
  }

  /** Number of marked rows. */
  public int cardinality() {
    return cardinality;
  }

  public boolean isEmpty() {
    return cardinality == 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mask m) || m.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (get(i) != m.get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) {
      if (get(i)) {
        h = 31 * h + i;
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "Mask[size=" + size + ", marked=" + cardinality + "]";
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private long[] words;

    private Builder(int capacity) {
      this.words = new long[(Math.max(capacity, 1) + 63) >>> 6];
    }

    public Builder set(int row) {
      int w = row >>> 6;
      if (w >= words.length) {
        words = Arrays.copyOf(words, Math.max(w + 1, words.length * 2));
      }
      words[w] |= 1L << row;
      return this;
    }

    /** Freezes the first {@code size} rows; the builder must not be used afterwards. */
    public Mask build(int size) {
      int needed = (size + 63) >>> 6;
      long[] frozen = Arrays.copyOf(words, needed);
      if ((size & 63) != 0 && needed > 0) {
        frozen[needed - 1] &= (1L << size) - 1;
      }
      return new Mask(frozen, size);
    }
  }
}
