package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * The cascade's tiers: chosen with {@code --learn-tiers}, the neural tier trained through the
 * {@link org.synthos.api.spi.ProxyLearner} on the class path (here {@link FrequencyLearner}) with
 * its device reported, choosing tiers changing no other model, and each trained model told to the
 * progress listener, which can stop the cascade at a model boundary.
 */
@Tag("integration")
class LearningTiersTest {
  private static final String TARGET = "class";

  @Test
  void theNeuralTierTrainsThroughItsLearnerAndChangesNoOtherModel() {
    ValidationResult auto = validate(List.of(), ProgressListener.NONE);
    ValidationResult chosen = validate(List.of("gbt_small", "mlp"), ProgressListener.NONE);
    Learnability.Target a = auto.learnability().targets().get(0);
    Learnability.Target c = chosen.learnability().targets().get(0);
    assertThat(a.curves())
        .extracting(Learnability.Curve::tier)
        .containsExactly("linear", "gbt_small", "gbt_large");
    assertThat(c.curves()).extracting(Learnability.Curve::tier).containsExactly("gbt_small", "mlp");
    Learnability.Curve mlp = c.curves().get(1);
    assertThat(mlp.skipped()).isNull();
    assertThat(mlp.device()).isEqualTo(FrequencyLearner.DEVICE);
    assertThat(Arrays.stream(mlp.tstrLoss()).allMatch(loss -> loss > 0 && loss < 10)).isTrue();
    assertThat(chosen.learnability().device()).isEqualTo("cpu; mlp on " + FrequencyLearner.DEVICE);
    assertThat(auto.learnability().device()).isEqualTo("cpu");
    assertThat(c.tstr()).isEqualTo(a.tstr());
    assertThat(c.trtr()).isEqualTo(a.trtr());
    assertThat(c.curves().get(0)).usingRecursiveComparison().isEqualTo(a.curves().get(1));
    assertThat(chosen.dimensions().get(Dimension.LEARNABILITY.ordinal()))
        .isEqualTo(auto.dimensions().get(Dimension.LEARNABILITY.ordinal()));
  }

  @Test
  void eachModelIsToldAndAThrowingListenerStopsAtAModelBoundary() {
    List<ModelProgress> told = new ArrayList<>();
    validate(List.of("gbt_small", "mlp"), listener(told, Integer.MAX_VALUE));
    ModelProgress last = told.get(told.size() - 1);
    assertThat(told).hasSize(last.total());
    assertThat(told).extracting(ModelProgress::done).isSorted().doesNotHaveDuplicates();
    assertThat(told)
        .extracting(ModelProgress::role)
        .contains("band", "trtr", "tstr", "tstr_repeat");
    assertThat(told).extracting(ModelProgress::tier).containsOnly("gbt_small", "mlp");
    assertThat(told)
        .filteredOn(m -> m.tier().equals("mlp"))
        .allSatisfy(m -> assertThat(m.device()).isEqualTo(FrequencyLearner.DEVICE));
    assertThat(told)
        .allSatisfy(
            m -> {
              assertThat(m.target()).isEqualTo(TARGET);
              assertThat(m.loss()).isFinite();
              assertThat(m.etaMillis()).isNotNegative();
            });
    assertThat(last.etaMillis()).isZero();

    List<ModelProgress> cancelled = new ArrayList<>();
    assertThatThrownBy(() -> validate(List.of(), listener(cancelled, 3)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(cancelled).hasSize(3);
  }

  @Test
  void anUnknownTierIsAnInvalidArgument() {
    assertThatThrownBy(() -> LearningOptions.defaults().withTiers(List.of("gbt_huge")))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(LearningOptions.parseTiers(" linear , mlp ")).containsExactly("linear", "mlp");
    assertThat(LearningOptions.parseTiers("auto")).isEmpty();
  }

  /** Records each model; the model after the {@code allowed}-th cancels the validation. */
  private static ProgressListener listener(List<ModelProgress> told, int allowed) {
    return new ProgressListener() {
      @Override
      public void stageStarted(Stage stage, int index, int total) {}

      @Override
      public void modelTrained(ModelProgress model) {
        if (told.size() == allowed) {
          throw new SynthosException(ErrorCode.CANCELLED, "cancelled");
        }
        told.add(model);
      }
    };
  }

  private static ValidationResult validate(List<String> tiers, ProgressListener listener) {
    ColumnBatch[] h = LearnabilityTest.halves(false);
    return Validator.validate(
        ValidationInput.of(ExampleData.source("c", h[0]), ExampleData.source("r", h[1])),
        ValidationOptions.defaults()
            .withTarget(TARGET)
            .withLearning(LearningOptions.defaults().withTiers(tiers)),
        listener);
  }
}
