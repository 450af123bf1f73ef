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

  @Test
  void rowsOffTheReferenceManifoldAreFlaggedByMahalanobisDistance() {
    int n = 600;
    java.util.Random random = new java.util.Random(8);
    Double[] rx = new Double[n];
    Double[] ry = new Double[n];
    Double[] cx = new Double[n];
    Double[] cy = new Double[n];
    java.util.Set<Long> planted = new java.util.TreeSet<>();
    for (int i = 0; i < n; i++) {
      rx[i] = random.nextGaussian();
      ry[i] = 0.95 * rx[i] + 0.3 * random.nextGaussian();
      cx[i] = random.nextGaussian();
      cy[i] = 0.95 * cx[i] + 0.3 * random.nextGaussian();
      if (i % 5 == 0) {
        cx[i] = 1.5 + 0.1 * random.nextGaussian();
        cy[i] = -1.5 + 0.1 * random.nextGaussian();
        planted.add(i + 1L);
      }
    }
    ValidationResult r =
        Validator.validate(
            ValidationInput.of(
                new Batches().doubles("x", cx).doubles("y", cy).source("c"),
                new Batches().doubles("x", rx).doubles("y", ry).source("r")),
            ValidationOptions.defaults(),
            ProgressListener.NONE);

    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    Set<Long> off =
        r.flaggedRows().stream()
            .filter(f -> f.cause() == Cause.OFF_MANIFOLD && f.reason().contains("Mahalanobis"))
            .map(FlaggedRow::row)
            .collect(Collectors.toSet());
    assertThat(off).containsAll(planted);
    assertThat(off.size()).isLessThan(planted.size() + 10);
  }
}
