package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;

@Tag("unit")
class TypeInferenceTest {
  private static List<String> repeat(int n, java.util.function.IntFunction<String> f) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(f.apply(i));
    }
    return out;
  }

  @Test
  void numbers() {
    assertThat(TypeInference.infer("n", List.of("1", "-0", "3"))).isEqualTo(ColumnType.INTEGER);
    assertThat(TypeInference.infer("x", List.of("1", "2.5", "NaN"))).isEqualTo(ColumnType.FLOAT);
    assertThat(TypeInference.infer("x", List.of("1e308", "inf"))).isEqualTo(ColumnType.FLOAT);
    assertThat(TypeInference.infer("label", List.of("0", "1", "1"))).isEqualTo(ColumnType.INTEGER);
  }

  @Test
  void majorityDecidesAndTheMinorityBecomesInvalidLater() {
    assertThat(TypeInference.infer("v", List.of("1", "2", "x"))).isEqualTo(ColumnType.INTEGER);
    assertThat(TypeInference.infer("v", List.of("1", "x", "z"))).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void booleansAndDatetimes() {
    assertThat(TypeInference.infer("b", List.of("true", "False", "1")))
        .isEqualTo(ColumnType.BOOLEAN);
    assertThat(TypeInference.infer("b", List.of("yes", "no"))).isEqualTo(ColumnType.BOOLEAN);
    assertThat(TypeInference.infer("t", List.of("2024-02-29", "2024/03/01", "2024-03-01T10:00Z")))
        .isEqualTo(ColumnType.DATETIME);
  }

  @Test
  void stringsSplitIntoCategoricalTextAndIdentifier() {
    assertThat(TypeInference.infer("color", repeat(100, i -> i % 2 == 0 ? "red" : "blue")))
        .isEqualTo(ColumnType.CATEGORICAL);
    assertThat(
            TypeInference.infer(
                "review", repeat(30, i -> "a long free text review number " + i + " with words")))
        .isEqualTo(ColumnType.TEXT);
    assertThat(TypeInference.infer("name", repeat(100, i -> "Person " + (i % 60))))
        .isEqualTo(ColumnType.TEXT);
    assertThat(TypeInference.infer("sku", repeat(50, i -> "SKU-" + i)))
        .isEqualTo(ColumnType.IDENTIFIER);
    assertThat(TypeInference.infer("user_id", List.of("7", "9", "12")))
        .isEqualTo(ColumnType.IDENTIFIER);
    assertThat(TypeInference.infer("customerId", List.of("a", "b")))
        .isEqualTo(ColumnType.IDENTIFIER);
    assertThat(TypeInference.infer("x", List.of("a", "b", "c"))).isEqualTo(ColumnType.CATEGORICAL);
  }

  @Test
  void zeroPaddedIntegersAreCodes() {
    assertThat(TypeInference.infer("zip", List.of("01234", "75001", "13002")))
        .isEqualTo(ColumnType.CATEGORICAL);
    assertThat(TypeInference.infer("n", List.of("0", "10", "-0"))).isEqualTo(ColumnType.INTEGER);
    assertThat(TypeInference.infer("x", List.of("0.5", "01.5"))).isEqualTo(ColumnType.FLOAT);
  }

  @Test
  void emptySampleIsText() {
    assertThat(TypeInference.infer("all_null", List.of())).isEqualTo(ColumnType.TEXT);
  }

  @Test
  void keyHints() {
    assertThat(TypeInference.hintsKey("ID")).isTrue();
    assertThat(TypeInference.hintsKey("order_uuid")).isTrue();
    assertThat(TypeInference.hintsKey("paid")).isFalse();
    assertThat(TypeInference.hintsKey("valid")).isFalse();
  }
}
