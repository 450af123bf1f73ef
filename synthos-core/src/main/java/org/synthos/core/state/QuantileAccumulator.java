package org.synthos.core.state;

import org.synthos.api.Mask;

/** Feeds the finite non-null values of batches to a seeded {@link KllSketch}. */
final class QuantileAccumulator {
  private final KllSketch sketch;
  private double[] buffer = new double[0];

  QuantileAccumulator(int k, long seed) {
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

  QuantileState snapshot() {
    return QuantileState.of(sketch);
  }
}
