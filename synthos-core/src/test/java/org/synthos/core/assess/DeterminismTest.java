package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

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
