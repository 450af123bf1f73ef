package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.core.state.ColumnPair;
import org.synthos.core.state.PairStates;

/**
 * The baseline's SDMetrics 0.29 metrics against {@code tools/golden/sdmetrics_defs.py} (their
 * published definitions, transcribed, on credit-g columns with nulls and an unseen category).
 */
@Tag("golden")
class SdmetricsGoldenTest {
  private static final ColumnPair PAIR = new ColumnPair(0, 1);

  @Test
  void baselineMetricsAgreeWithSdmetrics() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/golden/sdmetrics.json")) {
      cases = new ObjectMapper().readTree(in).get("cases");
    }
    int checked = 0;
    for (JsonNode c : cases) {
      String name = c.get("name").asText();
      JsonNode e = c.get("expected");
      double got;
      double expected;
      switch (c.get("kind").asText()) {
        case "categorical" -> {
          Field f = new Field("c", ColumnType.CATEGORICAL);
          got =
              QualityBaseline.tvComplement(
                  QualityBaseline.frequencies(f, column(c.get("real"), false)),
                  QualityBaseline.frequencies(f, column(c.get("synthetic"), false)));
          expected = e.get("tv_complement").asDouble();
        }
        case "numeric" -> {
          got =
              QualityBaseline.ksComplement(
                  QualityBaseline.present(column(c.get("real"), true)),
                  QualityBaseline.present(column(c.get("synthetic"), true)));
          expected = e.get("ks_complement").asDouble();
        }
        case "numeric_pair" -> {
          got =
              QualityBaseline.correlationSimilarity(
                  pairs(c, "real", true).coMoments().get(PAIR),
                  pairs(c, "synthetic", true).coMoments().get(PAIR));
          expected = e.get("correlation_similarity").asDouble();
        }
        case "categorical_pair" -> {
          got =
              QualityBaseline.contingencySimilarity(
                  pairs(c, "real", false).contingency().get(PAIR),
                  pairs(c, "synthetic", false).contingency().get(PAIR));
          expected = e.get("contingency_similarity").asDouble();
        }
        default -> throw new IllegalStateException("unknown case kind in " + name);
      }
      assertThat(got).as(name).isCloseTo(expected, within(1e-12));
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }

  /** A column of JSON cells; null is a null cell. */
  private static Column column(JsonNode cells, boolean numeric) {
    int n = cells.size();
    boolean[] nulls = new boolean[n];
    double[] numbers = new double[n];
    String[] strings = new String[n];
    for (int i = 0; i < n; i++) {
      nulls[i] = cells.get(i).isNull();
      if (numeric) {
        numbers[i] = nulls[i] ? 0 : cells.get(i).asDouble();
      } else {
        strings[i] = nulls[i] ? null : cells.get(i).asText();
      }
    }
    return numeric
        ? new Column.Doubles(numbers, n, Mask.of(nulls), Mask.none(n))
        : new Column.Strings(strings, n, Mask.of(nulls), Mask.none(n));
  }

  private static PairStates pairs(JsonNode c, String side, boolean numeric) {
    ColumnType type = numeric ? ColumnType.FLOAT : ColumnType.CATEGORICAL;
    Column x = column(c.get(side + "_x"), numeric);
    Column y = column(c.get(side + "_y"), numeric);
    Schema schema = new Schema(List.of(new Field("x", type), new Field("y", type)));
    return QualityBaseline.pairStates(new ColumnBatch(schema, List.of(x, y), 0, x.size()));
  }
}
