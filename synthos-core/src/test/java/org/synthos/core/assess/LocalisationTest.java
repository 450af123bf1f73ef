package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;

/** Localisation names the injected rows, and ablation measures the fix. */
@Tag("unit")
class LocalisationTest {
  @Test
  void memorisedCopiesAreFlaggedWithTheReferenceRowAndDroppingThemLowersRisk() {
    ColumnBatch[] h = ExampleData.halves("credit-g.csv", 21);
    Injection inj = DefectInjector.inject(h[0], h[1], Defect.MEMORISED_COPIES, 0.2, 21);

    ValidationResult r =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", inj.batch()), ExampleData.source("r", h[1])),
            ValidationOptions.defaults(),
            ProgressListener.NONE);

    Set<Long> flagged =
        r.flaggedRows().stream()
            .filter(f -> f.cause() == Cause.REFERENCE_COPY)
            .map(FlaggedRow::row)
            .collect(Collectors.toSet());
    assertThat(flagged).containsAll(inj.affectedRows());
    assertThat(r.flaggedRows())
        .filteredOn(f -> f.cause() == Cause.REFERENCE_COPY && f.group() > 0)
        .allSatisfy(
            f -> assertThat(f.reason()).startsWith("identical to reference row " + f.group()));
    Recommendation drop =
        r.recommendations().stream()
            .filter(x -> x.id().equals("drop_memorised_rows"))
            .findFirst()
            .orElseThrow();
    assertThat(drop.priority()).isEqualTo(Priority.HIGH);
    assertThat(drop.impact())
        .isInstanceOfSatisfying(
            Impact.Measured.class,
            m -> {
              assertThat(m.riskAfter()).isLessThan(m.riskBefore());
              assertThat(m.rowsRemoved()).isEqualTo(flagged.size());
              assertThat(m.decisionAfter()).isEqualTo(Decision.APPROVE);
            });
    assertThat(r.localisation())
        .filteredOn(c -> c.cause() == Cause.REFERENCE_COPY)
        .singleElement()
        .satisfies(c -> assertThat(c.exampleRows()).hasSizeLessThanOrEqualTo(20).isSorted());
  }

  @Test
  void unmeasurableFixesSayWhyInsteadOfGuessing() {
    ColumnBatch[] h = ExampleData.halves("seattle-weather.csv", 4);
    Injection inj = DefectInjector.inject(h[0], h[1], Defect.TAIL_TRUNCATION, 0.2, 4);

    ValidationResult r =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", inj.batch()), ExampleData.source("r", h[1])),
            ValidationOptions.defaults(),
            ProgressListener.NONE);

    Recommendation widen =
        r.recommendations().stream()
            .filter(x -> x.id().equals("widen_tails"))
            .findFirst()
            .orElseThrow();
    assertThat(widen.addresses()).containsExactly(Dimension.RARE_PATTERN_TAIL);
    assertThat(widen.impact())
        .isInstanceOfSatisfying(
            Impact.NotMeasured.class, n -> assertThat(n.reason()).contains("generator"));
  }
}
