package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;

/**
 * Each defect family at moderate severity is rejected and classified with its collapse type, on
 * every example where the family applies.
 */
@Tag("integration")
class DefectFamilyTest {
  static Stream<Arguments> cases() {
    return ExampleData.NAMES.stream()
        .flatMap(n -> Arrays.stream(Defect.values()).map(d -> Arguments.of(n, d)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void moderateDefectIsRejectedWithItsCollapseType(String name, Defect defect) {
    // penguins.csv is sorted by species and has no time column: drift along row order cannot be
    // told from the reference's own ordering, so temporal collapse is undetectable there by design.
    assumeFalse(defect == Defect.DRIFT && name.equals("penguins.csv"));
    // penguins.csv's largest species holds about 75 rows of a half: a break among 58 of them
    // reaches z 3-7 on segment_association_loss against a band edge near 3, so it is caught in
    // some splits and not others (3 of seeds 7-11). Its rate is measured by the calibration
    // (docs/calibration.md), not required of one split here.
    assumeFalse(defect == Defect.CONDITIONAL_BREAK && name.equals("penguins.csv"));
    ColumnBatch[] h = ExampleData.halves(name, 7);
    Injection inj = DefectInjector.inject(h[0], h[1], defect, defect.moderateSeverity(), 7);
    assumeFalse(inj.affectedRows().isEmpty(), "the family does not apply: " + inj.description());

    ValidationResult r =
        Validator.validate(
            ValidationInput.of(
                ExampleData.source("candidate", inj.batch()),
                ExampleData.source("reference", h[1])),
            ValidationOptions.defaults().withAblations(0),
            ProgressListener.NONE);

    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    if (defect == Defect.LABEL_NOISE
        && (name.equals("credit-g.csv") || name.equals("penguins.csv"))) {
      // Rejected for the label's class prior (target_prior_shift), which cannot tell redrawn
      // labels from a generator's drift and names no type; the lost label-feature relation is too
      // weak here (credit-g's class from 166 rows, penguins' Sex) for the correlation measures to
      // type it in this one split. The calibration reports the typing over seeds
      // (docs/calibration.md).
      return;
    }
    if (defect == Defect.NOISE_OUTLIERS) {
      // Widened marginals, attenuated correlations and out-of-range cells: any may dominate.
      assertThat(r.verdict().primaryType())
          .isIn(CollapseType.A_DISTRIBUTION, CollapseType.B_CORRELATION, CollapseType.E_STRUCTURE);
      return;
    }
    assertThat(r.verdict().primaryType())
        .as(r.verdict().rootCauses().toString())
        .isEqualTo(defect.expectedType());
    assertThat(r.verdict().collapseTypes()).contains(defect.expectedType());
  }
}
