package org.synthos.core.state;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.synthos.api.Mask;

/** Feeds non-null cells of batches to a heap HLL sketch. */
final class DistinctAccumulator {
  private static final byte[] EMPTY_STRING_KEY = {(byte) 0xFF};
  private final HllSketch sketch;

  DistinctAccumulator(int lgK) {
    this.sketch = new HllSketch(lgK, TgtHllType.HLL_8);
  }

  void add(double[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      // DataSketches canonicalises -0.0 and NaN itself.
      sketch.update(values[i]);
    }
  }

  void add(long[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      sketch.update(values[i]);
    }
  }

  void add(boolean[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      sketch.update(values[i] ? 1L : 0L);
    }
  }

  void add(String[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      String v = values[i];
      if ((anyNull && nulls.get(i)) || v == null) {
        continue;
      }
      if (v.isEmpty()) {
        // DataSketches ignores empty strings; 0xFF never occurs in UTF-8, so this cannot collide.
        sketch.update(EMPTY_STRING_KEY);
      } else {
        sketch.update(v);
      }
    }
  }

  DistinctState snapshot() {
    return DistinctState.of(sketch);
  }
}
