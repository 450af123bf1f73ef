package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;

/** Same inputs and seed give the same result, timestamps and timings aside. */
@Tag("unit")
class DeterminismTest {
  @Test
  void sameInputsAndSeedGiveEqualResults() {
    ColumnBatch[] h = ExampleData.halves("penguins.csv", 3);
    ColumnBatch cand = DefectInjector.inject(h[0], h[1], Defect.EXACT_DUPLICATES, 0.2, 3).batch();
    List<ValidationResult> runs = new ArrayList<>();
    List<Stage> started = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(
          Validator.validate(
              ValidationInput.of(ExampleData.source("c", cand), ExampleData.source("r", h[1])),
              ValidationOptions.defaults().withSeed(99),
              (stage, index, total) -> started.add(stage)));
    }
    ValidationResult a = runs.get(0);
    ValidationResult b = runs.get(1);
    assertThat(a.validationId()).isEqualTo(b.validationId()).startsWith("val-");
    assertThat(a.datasetId()).isEqualTo(b.datasetId()).startsWith("ds-");
    assertThat(a.dimensions()).isEqualTo(b.dimensions());
    assertThat(a.verdict()).isEqualTo(b.verdict());
    assertThat(a.flaggedRows()).isEqualTo(b.flaggedRows());
    assertThat(a.recommendations()).isEqualTo(b.recommendations());
    assertThat(a.timings()).extracting(StageTiming::stage).containsExactly(Stage.values());
    assertThat(started).hasSize(2 * Stage.values().length);
  }

  @Test
  void wholeRowMeasuresBesideTheOtherPhasesGiveTheResultOfRunningThemInTurn() {
    // Duplicates feed the diversity dimension from all three phases: the evidence of the phase
    // run beside the others must reach it too.
    ColumnBatch[] h = ExampleData.halves("penguins.csv", 5);
    ColumnBatch cand = DefectInjector.inject(h[0], h[1], Defect.EXACT_DUPLICATES, 0.3, 5).batch();
    ValidationInput in =
        ValidationInput.of(ExampleData.source("c", cand), ExampleData.source("r", h[1]));
    ValidationOptions options = ValidationOptions.defaults().withSeed(7);
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    List<Stage> started = new ArrayList<>();
    ValidationResult inTurn = Validator.validate(in, options, ProgressListener.NONE, clock, 1);
    ValidationResult beside =
        Validator.validate(in, options, (stage, index, total) -> started.add(stage), clock, 2);

    assertThat(beside.dimensions()).isEqualTo(inTurn.dimensions());
    assertThat(beside.verdict()).isEqualTo(inTurn.verdict());
    assertThat(beside.flaggedRows()).isEqualTo(inTurn.flaggedRows());
    assertThat(beside.localisation()).isEqualTo(inTurn.localisation());
    assertThat(beside.recommendations()).isEqualTo(inTurn.recommendations());
    assertThat(beside.validationId()).isEqualTo(inTurn.validationId());
    DimensionResult diversity =
        beside.dimensions().stream()
            .filter(d -> d.dimension() == Dimension.DIVERSITY_RETENTION)
            .findFirst()
            .orElseThrow();
    assertThat(((DimensionResult.Scored) diversity).evidence())
        .extracting(Evidence::measure)
        .contains(Measure.EXACT_DUPLICATE_SHARE, Measure.RECALL_GAP);
    // Stages are still reported in order, each once.
    assertThat(started).containsExactly(Stage.values());
  }

  @Test
  void anotherSeedGivesAnotherValidationId() {
    ColumnBatch[] h = ExampleData.halves("penguins.csv", 3);
    ValidationInput in =
        ValidationInput.of(ExampleData.source("c", h[0]), ExampleData.source("r", h[1]));
    String a =
        Validator.validate(in, ValidationOptions.defaults().withSeed(1), ProgressListener.NONE)
            .validationId();
    String b =
        Validator.validate(in, ValidationOptions.defaults().withSeed(2), ProgressListener.NONE)
            .validationId();
    assertThat(a).isNotEqualTo(b);
  }
}
