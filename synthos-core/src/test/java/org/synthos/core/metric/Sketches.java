package org.synthos.core.metric;

import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.core.state.ColumnAccumulator;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.CountsState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;
import org.synthos.core.state.StateConfig;
import org.synthos.core.state.TestBatches;

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

  static ColumnStates categorical(String[] values) {
    ColumnAccumulator acc =
        ColumnAccumulator.of(new Field("c", ColumnType.CATEGORICAL), StateConfig.defaults());
    acc.update(TestBatches.strings(values));
    return acc.snapshot();
  }

  static FrequencyState frequencies(String[] values) {
    return categorical(values).frequencies().orElseThrow();
  }

  static CountsState counts(String[] values) {
    return categorical(values).counts();
  }

  /** The contingency table of two categorical columns with a per-column category cap. */
  static org.synthos.core.state.ContingencyState table(String[] a, String[] b, int cap) {
    org.synthos.api.Schema schema =
        org.synthos.api.Schema.of(
            new Field("a", ColumnType.CATEGORICAL), new Field("b", ColumnType.CATEGORICAL));
    org.synthos.core.state.PairAccumulator acc =
        org.synthos.core.state.PairAccumulator.of(
            schema, StateConfig.defaults().withPairCategoryCap(cap), 2, 2);
    acc.update(TestBatches.batch(schema, 0, TestBatches.strings(a), TestBatches.strings(b)));
    return acc.snapshot().contingency().get(new org.synthos.core.state.ColumnPair(0, 1));
  }
}
