package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;

/**
 * The target's class prior, judged on its own ({@link Measure#TARGET_PRIOR_SHIFT}), on random
 * halves of credit-g (500 rows a side, {@code class} 70% good): a clean half keeps its shares
 * inside the band; label noise (half of the labels flipped: the prior moves to about 50/50 while
 * the learnability gap of 166 training rows stays inside its band) and class imbalance (the
 * minority class thinned) fail learnability on the prior, flag the over-represented class's rows
 * and recommend restoring the shares.
 */
@Tag("integration")
class TargetPriorTest {
  private static final String TARGET = "class";

  @Test
  void aCleanHalfKeepsItsClassShares() {
    ColumnBatch[] h = LearnabilityTest.halves(false);
    ValidationResult r = validate(h[0], h[1]);
    Evidence prior = prior(r);
    // Re-splits drawn as class counts: 2,000 of them, not the 20 row re-splits of other measures.
    assertThat(prior.nullBand().replicates()).isEqualTo(20_000);
    assertThat(prior.value()).isLessThanOrEqualTo(prior.nullBand().upper());
    assertThat(prior.score()).isEqualTo(100);
    assertThat(r.recommendations())
        .extracting(Recommendation::id)
        .doesNotContain("restore_class_shares");
  }

  @Test
  void labelNoiseFailsOnTheShiftedPrior() {
    ColumnBatch[] h = LearnabilityTest.halves(false);
    ColumnBatch noisy = DefectInjector.inject(h[0], h[1], Defect.LABEL_NOISE, 0.5, 3).batch();
    ValidationResult r = validate(noisy, h[1]);
    Evidence prior = prior(r);
    // 30% bad in the reference, about 50% in the candidate.
    assertThat(prior.value()).isGreaterThan(0.12);
    assertThat(prior.score()).isZero();
    // Towards even shares: labels redrawn at random, which the prior alone cannot type.
    assertThat(prior.cause()).isNull();
    assertThat(r.dimensions().get(Dimension.LEARNABILITY.ordinal()))
        .isInstanceOfSatisfying(
            DimensionResult.Scored.class, d -> assertThat(d.status()).isEqualTo(Status.FAIL));
    assertThat(r.approved()).isFalse();
    assertThat(r.recommendations())
        .extracting(Recommendation::id)
        .contains("restore_class_shares", "rebalance_over_represented_modes");
    assertThat(r.flaggedRows())
        .filteredOn(f -> f.cause() == Cause.OVER_REPRESENTED_MODE)
        .isNotEmpty()
        .anySatisfy(f -> assertThat(f.reason()).startsWith("class = 'bad'"));
  }

  @Test
  void classImbalanceFailsOnTheShiftedPrior() {
    ColumnBatch[] h = LearnabilityTest.halves(false);
    ColumnBatch thinned = DefectInjector.inject(h[0], h[1], Defect.CLASS_IMBALANCE, 0.7, 5).batch();
    ValidationResult r = validate(thinned, h[1]);
    Evidence prior = prior(r);
    assertThat(prior.value()).isGreaterThan(prior.nullBand().upper());
    assertThat(prior.score()).isZero();
    assertThat(prior.cause()).isEqualTo(CollapseType.A_DISTRIBUTION);
    assertThat(r.approved()).isFalse();
    // good grew from 70% to about 86%: less than 1.5 times, flagged because it is the target.
    assertThat(r.flaggedRows())
        .filteredOn(f -> f.cause() == Cause.OVER_REPRESENTED_MODE)
        .anySatisfy(f -> assertThat(f.reason()).startsWith("class = 'good'"));
  }

  private static ValidationResult validate(ColumnBatch candidate, ColumnBatch reference) {
    return Validator.validate(
        ValidationInput.of(ExampleData.source("c", candidate), ExampleData.source("r", reference)),
        ValidationOptions.defaults().withTarget(TARGET),
        ProgressListener.NONE);
  }

  private static Evidence prior(ValidationResult r) {
    DimensionResult d = r.dimensions().get(Dimension.LEARNABILITY.ordinal());
    assertThat(d).isInstanceOf(DimensionResult.Scored.class);
    return ((DimensionResult.Scored) d)
        .evidence().stream()
            .filter(e -> e.measure() == Measure.TARGET_PRIOR_SHIFT)
            .filter(e -> TARGET.equals(e.column()))
            .findFirst()
            .orElseThrow();
  }
}
