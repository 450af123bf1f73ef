package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** The options a front end builds: what a user sets, the rest the defaults. */
@Tag("unit")
class ValidationOptionsTest {
  @Test
  void aFrontEndSetsItsOptionsAndKeepsTheDefaultsForTheRest() {
    ValidationOptions o =
        ValidationOptions.of(
            Policy.defaults(), 7, "label", "when", 5_000, "2.5s", 40_000, "gbt_small,mlp");
    ValidationOptions d = ValidationOptions.defaults();
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.targetColumn()).isEqualTo("label");
    assertThat(o.timeColumn()).isEqualTo("when");
    assertThat(o.maxRows()).isEqualTo(5_000);
    assertThat(o.multivariateRows()).isEqualTo(d.multivariateRows());
    assertThat(o.replicates()).isEqualTo(d.replicates());
    assertThat(o.ablations()).isEqualTo(d.ablations());
    assertThat(o.learning())
        .isEqualTo(
            new LearningOptions(
                2_500, 40_000, LearningOptions.DEFAULT_MAX_ROWS, List.of("gbt_small", "mlp")));
  }

  @Test
  void theDefaultBudgetAsTypedGivesTheDefaultOptions() {
    ValidationOptions d = ValidationOptions.defaults();
    assertThat(
            ValidationOptions.of(
                d.policy(),
                d.seed(),
                null,
                null,
                d.maxRows(),
                "10s",
                d.learning().predictAt(),
                "auto"))
        .isEqualTo(d);
  }

  @Test
  void budgetsReadAsAUserTypesThem() {
    assertThat(LearningOptions.budgetMillis("0", "--learn-budget")).isZero();
    assertThat(LearningOptions.budgetMillis("500ms", "--learn-budget")).isEqualTo(500);
    assertThat(LearningOptions.budgetMillis("10", "--learn-budget")).isEqualTo(10_000);
    assertThat(LearningOptions.budgetMillis(" 1.5S ", "--learn-budget")).isEqualTo(1_500);
    assertThat(LearningOptions.budgetMillis("2m", "--learn-budget")).isEqualTo(120_000);
    assertThat(LearningOptions.budgetMillis("1h", "--learn-budget")).isEqualTo(3_600_000);
    assertThatThrownBy(() -> LearningOptions.budgetMillis("ten", "--learn-budget"))
        .isInstanceOf(SynthosException.class)
        .hasMessageContaining("--learn-budget")
        .satisfies(
            e -> assertThat(((SynthosException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
