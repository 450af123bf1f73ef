package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.Stage;

@Tag("unit")
class AssessmentRunnerStagesTest {
  @TempDir Path dir;

  private static ValidationRunner.Inputs inputs(Path data, ValidationRequest request) {
    return new ValidationRunner.Inputs("j", "v", "d", request, data, Optional.empty());
  }

  @Test
  void everyValidatorStageIsReportedInOrderWithRisingProgress() throws Exception {
    Path data = Harness.csv(dir.resolve("s.csv"), 300, 5);
    ProfileRunnerTest.Recorder r = new ProfileRunnerTest.Recorder();
    ValidationRunner.Outcome out =
        new AssessmentRunner().run(inputs(data, ValidationRequest.of("data/s.csv")), r);
    assertThat(r.stagesDone)
        .containsExactlyElementsOf(Arrays.stream(Stage.values()).map(Stage::key).toList());
    assertThat(r.percents).isSorted().last().isEqualTo(95.0);
    assertThat(out.rowsProcessed()).isEqualTo(300);
    assertThat(out.collapseScore().getAsDouble())
        .isEqualTo(100 - out.report().at("/results/risk_score").asDouble(), offsetOf(1e-6));
    assertThat(out.html()).hasValueSatisfying(h -> assertThat(h).contains("data/s.csv"));
    assertThat(out.report().at("/provenance/candidate/uri").asText()).isEqualTo("data/s.csv");
  }

  @Test
  void aCancelledJobStopsAndErrorsNameTheUsersUri() throws Exception {
    Path data = Harness.csv(dir.resolve("c.csv"), 300, 6);
    ProfileRunnerTest.Recorder cancelled =
        new ProfileRunnerTest.Recorder() {
          @Override
          public void checkpoint() {
            if (stagesDone.size() >= 2) {
              throw new SynthosException(ErrorCode.CANCELLED, "cancelled by request");
            }
          }
        };
    assertThatThrownBy(
            () ->
                new AssessmentRunner()
                    .run(inputs(data, ValidationRequest.of("data/c.csv")), cancelled))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(cancelled.stagesDone).hasSize(2);

    ValidationRequest badTarget =
        new ValidationRequest(
            "data/c.csv",
            Optional.empty(),
            Optional.of("nope"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(
            () ->
                new AssessmentRunner()
                    .run(inputs(data, badTarget), new ProfileRunnerTest.Recorder()))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
              assertThat(e.location().orElseThrow().file()).isEqualTo("data/c.csv");
            });
  }

  @Test
  void phaseCallsOnTheSameFilesShareOneValidation() throws Exception {
    Path data = Harness.csv(dir.resolve("p.csv"), 300, 7);
    AssessmentRunner runner = new AssessmentRunner();
    ValidationRequest request = ValidationRequest.of("data/p.csv");
    ProfileRunnerTest.Recorder first = new ProfileRunnerTest.Recorder();
    ValidationRunner.PhaseResult collapse =
        runner.phase(ValidationRunner.Phase.COLLAPSE, inputs(data, request), first);
    assertThat(first.stagesDone).isNotEmpty();

    ProfileRunnerTest.Recorder second = new ProfileRunnerTest.Recorder();
    ValidationRunner.PhaseResult recommendations =
        runner.phase(ValidationRunner.Phase.RECOMMENDATIONS, inputs(data, request), second);
    assertThat(second.stagesDone).as("the second phase reuses the validation").isEmpty();
    assertThat(((ValidationRunner.PhaseResult.Ok) recommendations).result().path("risk_score"))
        .isEqualTo(((ValidationRunner.PhaseResult.Ok) collapse).result().path("risk_score"));

    Harness.csv(data, 300, 8);
    ProfileRunnerTest.Recorder changed = new ProfileRunnerTest.Recorder();
    runner.phase(ValidationRunner.Phase.COLLAPSE, inputs(data, request), changed);
    assertThat(changed.stagesDone).as("other contents are validated anew").isNotEmpty();
  }

  @Test
  void policiesAreTheDefaultNameOrAYamlDocument() {
    assertThat(AssessmentRunner.policy(Optional.of("default")).name()).isEqualTo("default");
    assertThat(AssessmentRunner.policy(Optional.of("name: strict\nmax_risk: 40\n")).maxRisk())
        .isEqualTo(40);
    assertThatThrownBy(() -> AssessmentRunner.policy(Optional.of("strictest")))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY));
    assertThatThrownBy(() -> AssessmentRunner.policy(Optional.of("max_risk: 400\n")))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_POLICY));
  }

  private static org.assertj.core.data.Offset<Double> offsetOf(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
