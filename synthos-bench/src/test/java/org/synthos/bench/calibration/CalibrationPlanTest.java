package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A held-out confirmation run differs from the derivation run in its seeds and nothing else. */
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
}
