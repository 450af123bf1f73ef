package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synthos.api.ColumnBatch;

/**
 * A fresh real sample of the reference's population must pass: every committed example, split into
 * random halves with several seeds, is approved with low risk.
 */
@Tag("integration")
class CalibrationTest {
  /** Five splits per example by default; {@code -Dsynthos.calibration.splits=30} runs more. */
  static Stream<Arguments> halves() {
    int splits = Integer.getInteger("synthos.calibration.splits", 5);
    return ExampleData.NAMES.stream()
        .flatMap(
            n ->
                java.util.stream.LongStream.range(11, 11 + splits)
                    .mapToObj(s -> Arguments.of(n, s)));
  }

  @ParameterizedTest(name = "{0} split {1}")
  @MethodSource("halves")
  void randomHalfOfRealDataIsApprovedWithLowRisk(String name, long seed) {
    ColumnBatch[] h = ExampleData.halves(name, seed);
    ValidationResult r =
        Validator.validate(
            ValidationInput.of(
                ExampleData.source("half-a", h[0]), ExampleData.source("half-b", h[1])),
            ValidationOptions.defaults().withSeed(seed).withAblations(0),
            ProgressListener.NONE);

    assertThat(r.verdict().decision())
        .as(r.verdict().reasons().toString())
        .isEqualTo(Decision.APPROVE);
    assertThat(r.verdict().riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(r.verdict().collapseTypes()).isEmpty();
    for (DimensionResult d : r.dimensions()) {
      if (d instanceof DimensionResult.Scored s) {
        assertThat(s.score()).isBetween(0.0, 100.0);
        assertThat(s.status()).as(d.dimension().key()).isNotEqualTo(Status.FAIL);
      }
    }
    assertThat(r.dimension(Dimension.LEARNABILITY)).isInstanceOf(DimensionResult.Scored.class);
  }
}
