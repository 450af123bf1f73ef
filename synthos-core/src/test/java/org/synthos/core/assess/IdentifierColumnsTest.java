package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;

/**
 * Identifiers are never compared as categories or numbers; they are checked for repeats, keys
 * shared with the reference and format drift.
 */
@Tag("integration")
class IdentifierColumnsTest {
  private static final int N = 400;

  private static Batches table(String[] ids, long seed) {
    return new Batches()
        .strings("order_id", ColumnType.IDENTIFIER, ids)
        .doubles("amount", Batches.normal(N, 100, 15, seed))
        .strings(
            "channel",
            Batches.categories(
                N, new String[] {"web", "shop", "phone"}, new double[] {.5, .3, .2}, seed + 7));
  }

  private static String[] ids(int from, String format) {
    String[] out = new String[N];
    for (int i = 0; i < N; i++) {
      out[i] = String.format(format, from + i);
    }
    return out;
  }

  private static ValidationResult validate(Batches cand, Batches ref) {
    return Validator.validate(
        ValidationInput.of(cand.source("cand"), ref.source("ref")),
        ValidationOptions.defaults().withAblations(0),
        ProgressListener.NONE);
  }

  private static List<Evidence> evidence(ValidationResult r, Measure m) {
    return r.dimensions().stream()
        .filter(d -> d instanceof DimensionResult.Scored)
        .flatMap(d -> ((DimensionResult.Scored) d).evidence().stream())
        .filter(e -> e.measure() == m)
        .toList();
  }

  @Test
  void freshKeysOfTheSameFormatPassAndAreNotComparedAsCategories() {
    ValidationResult r = validate(table(ids(5000, "INV-%05d"), 1), table(ids(1000, "INV-%05d"), 2));
    assertThat(r.verdict().decision())
        .as(r.verdict().reasons().toString())
        .isEqualTo(Decision.APPROVE);
    assertThat(evidence(r, Measure.IDENTIFIER_LEAK_SHARE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isZero();
              assertThat(e.column()).isEqualTo("order_id");
            });
    assertThat(evidence(r, Measure.IDENTIFIER_FORMAT_DRIFT))
        .singleElement()
        .satisfies(e -> assertThat(e.score()).isEqualTo(100));
    for (Measure m : List.of(Measure.TVD, Measure.KS_STATISTIC, Measure.DISTINCT_DEFICIT)) {
      assertThat(evidence(r, m)).noneMatch(e -> "order_id".equals(e.column()));
    }
  }

  @Test
  void leakedRepeatedAndReformattedKeysAreNamed() {
    String[] leaked = ids(1000, "INV-%05d");
    for (int i = 0; i < N / 2; i++) {
      leaked[i] = String.format("INV-%05d", 9000 + i);
    }
    ValidationResult r = validate(table(leaked, 1), table(ids(1000, "INV-%05d"), 2));
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(evidence(r, Measure.IDENTIFIER_LEAK_SHARE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo(0.5);
              assertThat(e.score()).isZero();
            });

    String[] repeated = ids(5000, "INV-%05d");
    for (int i = 0; i < N / 4; i++) {
      repeated[N - 1 - i] = repeated[i];
    }
    ValidationResult rep = validate(table(repeated, 1), table(ids(1000, "INV-%05d"), 2));
    assertThat(evidence(rep, Measure.IDENTIFIER_REPEAT_SHARE))
        .singleElement()
        .satisfies(e -> assertThat(e.score()).isZero());

    ValidationResult drift = validate(table(ids(5000, "%d"), 1), table(ids(1000, "INV-%05d"), 2));
    assertThat(evidence(drift, Measure.IDENTIFIER_FORMAT_DRIFT))
        .singleElement()
        .satisfies(e -> assertThat(e.value()).isEqualTo(1.0));
    assertThat(drift.verdict().decision()).isEqualTo(Decision.REJECT);
  }
}
