package org.synthos.core.state;

import org.synthos.api.Mask;

/** Tracks min, max and the finest unit of non-null instants. */
final class DatetimeAccumulator {
  private long count;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private Granularity finest = Granularity.DAY;

  void add(long[] values, int size, Mask nulls) {
    boolean anyNull = !nulls.isEmpty();
    for (int i = 0; i < size; i++) {
      if (anyNull && nulls.get(i)) {
        continue;
      }
      long v = values[i];
      count++;
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (finest != Granularity.MICROSECOND
          && Math.floorMod(v, finest.micros()) != 0) { // only a finer value can change it
        finest = Granularity.of(v).finer(finest);
      }
    }
  }

  DatetimeState snapshot() {
    return new DatetimeState(count, min, max, finest);
  }
}
