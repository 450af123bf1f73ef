package org.synthos.core.state;

import org.synthos.api.ColumnType;
import org.synthos.api.Field;

/** Builds states from plain arrays through the public accumulators. */
final class Sketches {
  private Sketches() {}

  /** States of a float column; NaN cells become nulls. */
  static ColumnStates numeric(double[] values, int k) {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = Double.isNaN(values[i]) ? null : values[i];
    }
    ColumnAccumulator acc =
        ColumnAccumulator.of(new Field("x", ColumnType.FLOAT), StateConfig.defaults().withKllK(k));
    acc.update(TestBatches.doubles(boxed));
    return acc.snapshot();
  }

  static QuantileState of(double[] values, int k) {
    return numeric(values, k).quantiles().orElseThrow();
  }

  static MomentsState moments(double[] values) {
    return numeric(values, StateConfig.DEFAULT_KLL_K).moments().orElseThrow();
  }
}
