package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.ValidationOptions;

/**
 * A held-out confirmation run differs from the derivation run in its seeds and nothing else; a run
 * holding fewer rows, in that alone.
 */
class CalibrationPlanTest {
  @Test
  void withFirstSeedMovesOnlyTheSeeds() {
    CalibrationPlan plan =
        CalibrationPlan.quick().withDatasets(Set.of("penguins")).withSeeds(7, 3).withThreads(1);
    CalibrationPlan held = plan.withFirstSeed(20_000);

    assertThat(held.firstSeed()).isEqualTo(20_000);
    assertThat(held).usingRecursiveComparison().ignoringFields("firstSeed").isEqualTo(plan);
    assertThat(plan.firstSeed()).isEqualTo(CalibrationPlan.QUICK_FIRST_SEED);
  }

  /** Fewer rows held per file judges the splits as large files are; nothing else moves. */
  @Test
  void withMaxRowsMovesOnlyTheRowsHeld() {
    CalibrationPlan plan = CalibrationPlan.quick().withDatasets(Set.of("penguins"));
    CalibrationPlan sampled = plan.withMaxRows(100);

    assertThat(plan.maxRows()).isEqualTo(ValidationOptions.defaults().maxRows());
    assertThat(sampled.maxRows()).isEqualTo(100);
    assertThat(sampled).usingRecursiveComparison().ignoringFields("maxRows").isEqualTo(plan);
    assertThatThrownBy(() -> plan.withMaxRows(0)).isInstanceOf(SynthosException.class);
  }
}
