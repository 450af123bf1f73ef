package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;

/** Without a reference: intrinsic checks only, and the report says what could not be judged. */
@Tag("unit")
class IntrinsicTest {
  private static ValidationResult alone(ColumnBatch b) {
    return Validator.validate(
        ValidationInput.of(ExampleData.source("candidate", b)),
        ValidationOptions.defaults(),
        ProgressListener.NONE);
  }

  @Test
  void fileWithFortyPercentNearCopiesIsRejectedAsDuplication() {
    ColumnBatch credit = ExampleData.load("credit-g.csv");
    ColumnBatch copies =
        DefectInjector.inject(credit, null, Defect.NEAR_DUPLICATES, 0.4, 3).batch();

    ValidationResult r = alone(copies);

    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.verdict().primaryType()).isEqualTo(CollapseType.DUPLICATION);
    assertThat(r.localisation())
        .anyMatch(c -> c.cause() == Cause.NEAR_DUPLICATE || c.cause() == Cause.EXACT_DUPLICATE);
  }

  @Test
  void cleanFileIsApprovedAndTheUnjudgedDimensionsAreNamed() {
    ValidationResult r = alone(ExampleData.load("credit-g.csv"));

    assertThat(r.verdict().decision()).isEqualTo(Decision.APPROVE);
    assertThat(r.notJudged())
        .extracting(DimensionResult::dimension)
        .contains(
            Dimension.DISTRIBUTION_FIDELITY,
            Dimension.CORRELATION_PRESERVATION,
            Dimension.RARE_PATTERN_TAIL,
            Dimension.MULTIVARIATE_FIDELITY,
            Dimension.MEMORISATION_PRIVACY,
            Dimension.LEARNABILITY);
    assertThat(r.notJudged())
        .filteredOn(n -> n.dimension() == Dimension.DISTRIBUTION_FIDELITY)
        .first()
        .extracting(DimensionResult.NotApplicable::reason)
        .asString()
        .contains("reference");
    assertThat(r.verdict().reasons())
        .anyMatch(s -> s.startsWith("not judged: distribution fidelity"));
  }

  @Test
  void exactDuplicatesAreLocalisedWithTheirFirstRow() {
    ColumnBatch b =
        new Batches()
            .doubles("x", Batches.normal(200, 0, 1, 1))
            .strings(
                "c", Batches.categories(200, new String[] {"a", "b"}, new double[] {0.5, 0.5}, 2))
            .build();
    ColumnBatch dup = DefectInjector.inject(b, null, Defect.EXACT_DUPLICATES, 0.3, 5).batch();

    ValidationResult r = alone(dup);

    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.flaggedRows())
        .filteredOn(f -> f.cause() == Cause.EXACT_DUPLICATE)
        .hasSizeGreaterThan(40)
        .allSatisfy(f -> assertThat(f.group()).isLessThan(f.row()));
    Recommendation dedupe =
        r.recommendations().stream()
            .filter(x -> x.id().equals("deduplicate"))
            .findFirst()
            .orElseThrow();
    assertThat(dedupe.impact()).isInstanceOf(Impact.Measured.class);
    Impact.Measured m = (Impact.Measured) dedupe.impact();
    assertThat(m.riskAfter()).isLessThan(m.riskBefore());
    assertThat(m.decisionAfter()).isEqualTo(Decision.APPROVE);
  }

  @Test
  void driftAloneIsAWarningBecauseItMayBeRealChange() {
    // penguins.csv is sorted by species, so its measurements shift along the file.
    ValidationResult r = alone(ExampleData.load("penguins.csv"));

    assertThat(r.verdict().decision()).isEqualTo(Decision.APPROVE);
    assertThat(r.dimension(Dimension.TEMPORAL_STABILITY))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            n -> assertThat(n.reason()).contains("real change"));
    assertThat(r.checks())
        .anyMatch(c -> c.kind() == CheckKind.SEGMENT_DRIFT && c.status() == Status.WARN);
    assertThat(r.localisation()).anyMatch(c -> c.cause() == Cause.DRIFTED_SEGMENT);
  }
}
