package org.synthos.core.state;

import org.synthos.api.Mask;

/**
 * Feeds the finite non-null values of batches to a seeded {@link KllSketch}. Mutable and
 * single-threaded; {@link #absorb} is the KLL merge without going through the immutable state.
 */
public final class QuantileAccumulator {
  private final KllSketch sketch;
  private double[] buffer = new double[0];

  /** An empty sketch of size {@code k} whose compaction offsets come from {@code seed}. */
  public QuantileAccumulator(int k, long seed) {
    this.sketch = new KllSketch(k, seed);
  }

  void add(double[] values, int size, Mask nulls) {
    if (buffer.length < size) {
      buffer = new double[size];
    }
    boolean anyNull = !nulls.isEmpty();
    int n = 0;
    for (int i = 0; i < size; i++) {
      double x = values[i];
      if ((anyNull && nulls.get(i)) || !Double.isFinite(x)) {
        continue;
      }
      buffer[n++] = x;
    }
    sketch.update(buffer, 0, n);
  }

  void add(long[] values, int size, Mask nulls) {
    if (buffer.length < size) {
      buffer = new double[size];
    }
    boolean anyNull = !nulls.isEmpty();
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      buffer[n++] = values[i];
    }
    sketch.update(buffer, 0, n);
  }

  /** Adds {@code values[0 .. n)}, which the caller has checked are finite. */
  public void addFinite(double[] values, int n) {
    sketch.update(values, 0, n);
  }

  /** Merges {@code other}'s sketch into this one; {@code other} is left as it was. */
  public void absorb(QuantileAccumulator other) {
    sketch.merge(other.sketch);
  }

  /** Values added so far. */
  public long count() {
    return sketch.n();
  }

  /** The immutable state of everything added so far. */
  public QuantileState snapshot() {
    return QuantileState.of(sketch);
  }
}
