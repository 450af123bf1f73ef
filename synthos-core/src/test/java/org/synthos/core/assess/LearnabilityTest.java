package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;

/**
 * The learnability dimension end to end on real data: a clean random half of credit-g passes with
 * the models trained on it inside the band of models trained on real rows, a seattle-weather
 * candidate whose label was shuffled fails, and results repeat for a seed.
 */
@Tag("integration")
class LearnabilityTest {
  private static final String DATA = "credit-g.csv";
  private static final String TARGET = "class";

  @Test
  void aCleanHalfIsAsLearnableAsRealData() {
    ValidationResult r = validate(false, ValidationOptions.defaults().withTarget(TARGET));
    DimensionResult.Scored d = learnability(r);
    assertThat(d.status()).isEqualTo(Status.PASS);
    Evidence gap = evidence(d, Measure.LEARNABILITY_GAP);
    assertThat(gap.column()).isEqualTo(TARGET);
    assertThat(gap.value()).isLessThanOrEqualTo(gap.nullBand().upper());
    Learnability.Target t = r.learnability().targets().get(0);
    assertThat(t.chosenBy()).isEqualTo("--target");
    assertThat(t.metric()).isEqualTo("roc_auc");
    assertThat(t.tstr()).isGreaterThan(0.6);
    assertThat(t.curves())
        .extracting(Learnability.Curve::tier)
        .containsExactly("linear", "gbt_small", "gbt_large");
    Learnability.CurveFit fit = t.curves().get(1).fit();
    assertThat(fit).isNotNull();
    assertThat(fit.predictAt()).isEqualTo(10L * 500);
    assertThat(fit.lower()).isLessThanOrEqualTo(fit.predicted());
    assertThat(fit.upper()).isGreaterThanOrEqualTo(fit.predicted());
  }

  /**
   * On seattle-weather, where the other columns predict the weather well: credit-g's class is
   * predicted weakly (ROC AUC near 0.68 from 166 rows), too weakly for a lost signal to stand out
   * from the noise of models trained on so few rows.
   */
  @Test
  void aShuffledLabelFailsLearnability() {
    ValidationResult r =
        validate(
            "seattle-weather.csv",
            "weather",
            true,
            ValidationOptions.defaults().withTarget("weather"));
    DimensionResult.Scored d = learnability(r);
    assertThat(d.status()).isEqualTo(Status.FAIL);
    Evidence gap = evidence(d, Measure.LEARNABILITY_GAP);
    assertThat(gap.value()).isGreaterThan(gap.nullBand().upper());
    assertThat(r.learnability().targets().get(0).tstr()).isLessThan(0.65);
    assertThat(r.recommendations()).extracting(Recommendation::id).contains("condition_on_target");
  }

  @Test
  void targetsAreChosenAutomaticallyAndResultsRepeat() {
    ValidationOptions o = ValidationOptions.defaults().withSeed(7);
    ValidationResult a = validate(false, o);
    ValidationResult b = validate(false, o);
    assertThat(a.learnability().targets()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(a.learnability().targets())
        .allSatisfy(t -> assertThat(t.chosenBy()).startsWith("chosen automatically"));
    // credit-g's weakly predicted label is its last column: learned by convention.
    assertThat(a.learnability().targets())
        .filteredOn(t -> t.column().equals(TARGET))
        .singleElement()
        .satisfies(t -> assertThat(t.chosenBy()).contains("the last column"));
    assertThat(a.dimensions()).isEqualTo(b.dimensions());
    assertThat(a.learnability().targets().get(0).tstr())
        .isEqualTo(b.learnability().targets().get(0).tstr());
  }

  @Test
  void aZeroBudgetOrNoReferenceIsNotApplicableWithAReason() {
    ColumnBatch[] h = halves(false);
    ValidationResult off =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", h[0]), ExampleData.source("r", h[1])),
            ValidationOptions.defaults().withLearning(new LearningOptions(0, 0, 100)),
            ProgressListener.NONE);
    assertThat(off.dimensions().get(Dimension.LEARNABILITY.ordinal()))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            na -> assertThat(na.reason()).contains("turned off"));
    ValidationResult alone =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", h[0]), null),
            ValidationOptions.defaults(),
            ProgressListener.NONE);
    assertThat(alone.dimensions().get(Dimension.LEARNABILITY.ordinal()))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            na -> assertThat(na.reason()).contains("reference"));
  }

  @Test
  void unrelatedColumnsHaveNothingToLearn() {
    int n = 600;
    ColumnBatch cand = noise(n, 1);
    ColumnBatch ref = noise(n, 2);
    ValidationResult r =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", cand), ExampleData.source("r", ref)),
            ValidationOptions.defaults(),
            ProgressListener.NONE);
    assertThat(r.dimensions().get(Dimension.LEARNABILITY.ordinal()))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            na -> assertThat(na.reason()).startsWith("no column is learnable"));
  }

  private static ColumnBatch noise(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(
          new String[] {
            Double.toString(random.nextGaussian()),
            Double.toString(random.nextGaussian()),
            random.nextBoolean() ? "a" : "b"
          });
    }
    ExampleData.Text t = new ExampleData.Text(List.of("x", "y", "z"), rows);
    return ExampleData.batch(ExampleData.schemaOf(t), rows, 0);
  }

  private static ValidationResult validate(boolean shuffleLabel, ValidationOptions options) {
    return validate(DATA, TARGET, shuffleLabel, options);
  }

  private static ValidationResult validate(
      String data, String target, boolean shuffleLabel, ValidationOptions options) {
    ColumnBatch[] h = halves(data, target, shuffleLabel);
    return Validator.validate(
        ValidationInput.of(ExampleData.source("c", h[0]), ExampleData.source("r", h[1])),
        options,
        ProgressListener.NONE);
  }

  /** Random halves of credit-g; the first (the candidate) with its label shuffled when asked. */
  static ColumnBatch[] halves(boolean shuffleLabel) {
    return halves(DATA, TARGET, shuffleLabel);
  }

  private static ColumnBatch[] halves(String data, String target, boolean shuffleLabel) {
    ExampleData.Text t = ExampleData.readText(data);
    Schema schema = ExampleData.schemaOf(t);
    SplittableRandom random = new SplittableRandom(11);
    List<String[]> a = new ArrayList<>();
    List<String[]> b = new ArrayList<>();
    for (String[] row : t.rows()) {
      (random.nextBoolean() && a.size() < t.rows().size() / 2 ? a : b).add(row.clone());
    }
    while (a.size() < b.size()) {
      a.add(b.remove(b.size() - 1));
    }
    if (shuffleLabel) {
      int c = t.header().indexOf(target);
      for (int i = a.size() - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        String x = a.get(i)[c];
        a.get(i)[c] = a.get(k)[c];
        a.get(k)[c] = x;
      }
    }
    return new ColumnBatch[] {ExampleData.batch(schema, a, 0), ExampleData.batch(schema, b, 0)};
  }

  private static DimensionResult.Scored learnability(ValidationResult r) {
    DimensionResult d = r.dimensions().get(Dimension.LEARNABILITY.ordinal());
    assertThat(d).isInstanceOf(DimensionResult.Scored.class);
    return (DimensionResult.Scored) d;
  }

  private static Evidence evidence(DimensionResult.Scored d, Measure m) {
    return d.evidence().stream().filter(e -> e.measure() == m).findFirst().orElseThrow();
  }
}
