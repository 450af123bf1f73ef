package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.TypeReason;

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
  void everyDecisionNamesItsRule() {
    assertThat(TypeInference.decide("n", List.of("1", "2", "2")).reason())
        .isEqualTo(TypeReason.NUMBERS);
    assertThat(TypeInference.decide("user_id", List.of("7", "9", "12")).reason())
        .isEqualTo(TypeReason.INTEGER_KEY_NAME);
    assertThat(TypeInference.decide("sku", repeat(50, i -> "SKU-" + i)).reason())
        .isEqualTo(TypeReason.UNIQUE_KEY_SHAPED);
    assertThat(
            TypeInference.decide(
                    "review",
                    repeat(30, i -> "a long free text review number " + i + " with words"))
                .reason())
        .isEqualTo(TypeReason.LONG_STRINGS);
    assertThat(TypeInference.decide("name", repeat(100, i -> "Person " + (i % 60))).reason())
        .isEqualTo(TypeReason.MANY_DISTINCT);
    assertThat(TypeInference.decide("color", List.of("red", "blue", "red")).reason())
        .isEqualTo(TypeReason.FEW_DISTINCT);
    assertThat(TypeInference.decide("zip", List.of("01234", "01234", "13002")).reason())
        .isEqualTo(TypeReason.ZERO_PADDED_CODES);
    assertThat(TypeInference.decide("b", List.of("yes", "no")).reason())
        .isEqualTo(TypeReason.BOOLEAN_WORDS);
    assertThat(TypeInference.decide("none", List.of()).reason()).isEqualTo(TypeReason.NO_VALUES);
  }

  @Test
  void consecutiveDistinctIntegersAndUuidsAreIdentifiers() {
    // Row numbers in a shuffled order: a sequence whatever the file order.
    List<String> rows = repeat(40, i -> Integer.toString(1000 + (i * 7) % 40));
    Field f = TypeInference.decide("row", rows);
    assertThat(f.type()).isEqualTo(ColumnType.IDENTIFIER);
    assertThat(f.reason()).isEqualTo(TypeReason.INTEGER_SEQUENCE);
    // Distinct integers with gaps are numbers; so are too few of them.
    assertThat(TypeInference.infer("n", repeat(40, i -> Integer.toString(3 * i))))
        .isEqualTo(ColumnType.INTEGER);
    assertThat(TypeInference.infer("n", repeat(10, Integer::toString)))
        .isEqualTo(ColumnType.INTEGER);
    List<String> uuids = repeat(3, i -> "3f2b9c1e-aa10-4c3e-9d1f-01234567890" + i);
    uuids.add(uuids.get(0));
    Field u = TypeInference.decide("ref", uuids);
    assertThat(u.type()).isEqualTo(ColumnType.IDENTIFIER);
    assertThat(u.reason()).isEqualTo(TypeReason.UUID_VALUES);
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
