package org.synthos.core.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.synthos.api.Mask;

/**
 * Counts values exactly in a hash map until the cap of distinct values, then moves every count to a
 * frequent-items sketch and keeps feeding it, so memory stays bounded by the cap.
 */
final class FrequencyAccumulator {
  private final int cap;
  private final int lgMapSize;
  private HashMap<String, long[]> counts = new HashMap<>();
  private ItemsSketch<String> sketch;

  FrequencyAccumulator(int cap, int lgMapSize) {
    this.cap = cap;
    this.lgMapSize = lgMapSize;
  }

  void add(String[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      String v = values[i];
      if ((anyNull && nulls.get(i)) || v == null) {
        continue;
      }
      if (sketch != null) {
        sketch.update(v);
        continue;
      }
      long[] c = counts.get(v);
      if (c == null) {
        counts.put(v, new long[] {1});
        if (counts.size() > cap) {
          spill();
        }
      } else {
        c[0]++;
      }
    }
  }

  void add(boolean[] values, int size, Mask nulls) {
    long trues = 0;
    long falses = 0;
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      if (values[i]) {
        trues++;
      } else {
        falses++;
      }
    }
    addCount("true", trues);
    addCount("false", falses);
  }

  private void addCount(String value, long n) {
    if (n > 0) {
      counts.computeIfAbsent(value, k -> new long[1])[0] += n;
    }
  }

  private void spill() {
    sketch = new ItemsSketch<>(1 << lgMapSize);
    counts.forEach((v, c) -> sketch.update(v, c[0]));
    counts = null;
  }

  FrequencyState snapshot() {
    if (sketch != null) {
      return FrequencyState.ofSketch(sketch, cap, lgMapSize);
    }
    Map<String, Long> copy = new HashMap<>(counts.size() * 2);
    counts.forEach((v, c) -> copy.put(v, c[0]));
    return FrequencyState.ofCounts(copy, cap, lgMapSize);
  }
}
