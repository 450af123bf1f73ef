package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.PairAccumulator;
import org.synthos.core.state.PairStates;
import org.synthos.core.state.StateConfig;
import org.synthos.core.state.TestBatches;

/** Against {@code tools/golden/sdmetrics_defs.py} (SDMetrics 0.29 definitions on credit-g). */
@Tag("golden")
class SdmetricsGoldenTest {
  @Test
  void columnAndPairMetricsAgreeWithSdmetrics() {
    int checked = 0;
    for (Map<String, Object> c : Golden.cases("sdmetrics")) {
      String name = (String) c.get("name");
      Map<String, Object> e = Golden.map(c, "expected");
      switch ((String) c.get("kind")) {
        case "categorical" -> {
          ColumnStates r = Sketches.categorical(Golden.strings(c, "real"));
          ColumnStates s = Sketches.categorical(Golden.strings(c, "synthetic"));
          assertThat(
                  Fidelity.tvComplement(
                          r.frequencies().orElseThrow(), s.frequencies().orElseThrow())
                      .orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "tv_complement"), within(1e-12));
          assertThat(
                  Fidelity.categoryCoverage(
                          r.frequencies().orElseThrow(), s.frequencies().orElseThrow())
                      .orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "category_coverage"), within(1e-12));
          assertThat(Fidelity.missingValueSimilarity(r.counts(), s.counts()).orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "missing_value_similarity"), within(1e-12));
        }
        case "numeric" -> {
          ColumnStates r = Sketches.numeric(Golden.doubles(c, "real"), 200);
          ColumnStates s = Sketches.numeric(Golden.doubles(c, "synthetic"), 200);
          assertThat(
                  Fidelity.rangeCoverage(r.moments().orElseThrow(), s.moments().orElseThrow())
                      .orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "range_coverage"), within(1e-12));
          assertThat(Fidelity.missingValueSimilarity(r.counts(), s.counts()).orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "missing_value_similarity"), within(1e-12));
        }
        case "numeric_pair" -> {
          PairStates r = pairs(ColumnType.FLOAT, c, "real");
          PairStates s = pairs(ColumnType.FLOAT, c, "synthetic");
          ColumnPair key = new ColumnPair(0, 1);
          assertThat(
                  Fidelity.correlationSimilarity(r.coMoments().get(key), s.coMoments().get(key))
                      .orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "correlation_similarity"), within(1e-12));
        }
        case "categorical_pair" -> {
          PairStates r = pairs(ColumnType.CATEGORICAL, c, "real");
          PairStates s = pairs(ColumnType.CATEGORICAL, c, "synthetic");
          ColumnPair key = new ColumnPair(0, 1);
          assertThat(
                  Fidelity.contingencySimilarity(r.contingency().get(key), s.contingency().get(key))
                      .orElseThrow())
              .as(name)
              .isCloseTo(Golden.number(e, "contingency_similarity"), within(1e-12));
        }
        default -> throw new IllegalStateException("unknown case kind in " + name);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }

  private static PairStates pairs(ColumnType type, Map<String, Object> c, String side) {
    Schema schema = Schema.of(new Field("x", type), new Field("y", type));
    Column x;
    Column y;
    if (type == ColumnType.FLOAT) {
      x = TestBatches.doubles(nullsForNaN(Golden.doubles(c, side + "_x")));
      y = TestBatches.doubles(nullsForNaN(Golden.doubles(c, side + "_y")));
    } else {
      x = TestBatches.strings(Golden.strings(c, side + "_x"));
      y = TestBatches.strings(Golden.strings(c, side + "_y"));
    }
    PairAccumulator acc = PairAccumulator.of(schema, StateConfig.defaults(), 10, 10);
    acc.update(TestBatches.batch(schema, 0, x, y));
    return acc.snapshot();
  }

  private static Double[] nullsForNaN(double[] v) {
    Double[] out = new Double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.isNaN(v[i]) ? null : v[i];
    }
    return out;
  }
}
