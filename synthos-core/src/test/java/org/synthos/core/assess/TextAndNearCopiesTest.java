package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;
import org.synthos.core.assess.pool.TextLengths;

/**
 * The user's two reports, reproduced on committed real data: a text column drawn from 25 distinct
 * texts must be rejected for its text measures while a fresh real half is approved, and rows that
 * copy another row with one number nudged by under 1%, or (in a table of 21 columns) with two cells
 * redrawn, must be flagged and rejected.
 */
@Tag("integration")
class TextAndNearCopiesTest {
  private static final Set<Measure> TEXT_MEASURES =
      Set.of(
          Measure.TEXT_REPEAT_SHARE,
          Measure.TEXT_TOP_SHARE_EXCESS,
          Measure.TEXT_HEAD_SHARE_EXCESS,
          Measure.TEXT_DISTINCT_1_DEFICIT,
          Measure.TEXT_DISTINCT_2_DEFICIT,
          Measure.TEXT_COMPRESSION_DEFICIT,
          Measure.TEXT_ENTROPY_DEFICIT,
          Measure.TEXT_VOCABULARY_COVERAGE_GAP);

  private static ValidationResult validate(ColumnBatch cand, ColumnBatch ref, long seed) {
    return Validator.validate(
        ValidationInput.of(ExampleData.source("cand", cand), ExampleData.source("ref", ref)),
        ValidationOptions.defaults().withSeed(seed).withAblations(0),
        ProgressListener.NONE);
  }

  @ParameterizedTest(name = "cars split {0}")
  @ValueSource(longs = {11, 12, 13})
  void textsDrawnFromTwentyFiveAreRejectedForTheirTextMeasuresAndARealHalfIsApproved(long seed) {
    ColumnBatch[] h = ExampleData.halves("cars.jsonl", seed);
    ValidationResult clean = validate(h[1], h[0], seed);
    assertThat(clean.verdict().decision())
        .as(clean.verdict().reasons().toString())
        .isEqualTo(Decision.APPROVE);

    Injection inj = DefectInjector.inject(h[1], null, Defect.TEXT_REPETITION, 1.0, seed + 1);
    ValidationResult r = validate(inj.batch(), h[0], seed);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    DimensionResult.Scored diversity =
        (DimensionResult.Scored) r.dimension(Dimension.DIVERSITY_RETENTION);
    assertThat(diversity.status()).isEqualTo(Status.FAIL);
    List<Evidence> failing = diversity.evidence().stream().filter(e -> e.score() < 60).toList();
    assertThat(failing).isNotEmpty();
    assertThat(failing).allMatch(e -> TEXT_MEASURES.contains(e.measure()));
    assertThat(failing).allMatch(e -> "Name".equals(e.column()));
    assertThat(r.verdict().reasons().toString()).contains("diversity");
    assertThat(r.flaggedRows().stream().filter(f -> f.cause() == Cause.REPEATED_TEXT).count())
        .isGreaterThan(inj.batch().rowCount() / 2);
  }

  /**
   * A text column's lengths are judged over every row, from the pass's length states: on a clean
   * split (every row held, every bucket exact) the KS statistics equal the two-sample statistic of
   * the texts' lengths computed directly.
   */
  @ParameterizedTest(name = "cars split {0}")
  @ValueSource(longs = {11})
  void textLengthsAreJudgedOverEveryRowFromTheirStates(long seed) {
    ColumnBatch[] h = ExampleData.halves("cars.jsonl", seed);
    ValidationResult r = validate(h[1], h[0], seed);
    DimensionResult.Scored fidelity =
        (DimensionResult.Scored) r.dimension(Dimension.DISTRIBUTION_FIDELITY);
    int name = h[0].schema().indexOf("Name").orElseThrow();
    String[] cand = ((Column.Strings) h[1].column(name)).values();
    String[] ref = ((Column.Strings) h[0].column(name)).values();
    for (Measure m : List.of(Measure.TEXT_LENGTH_KS, Measure.TEXT_TOKENS_KS)) {
      Evidence e =
          fidelity.evidence().stream().filter(x -> x.measure() == m).findFirst().orElseThrow();
      assertThat(e.rows()).isEqualTo(Evidence.RowScope.ALL);
      assertThat(e.detail()).contains("over every row");
      ToIntFunction<String> length =
          m == Measure.TEXT_LENGTH_KS ? TextLengths::characters : TextLengths::tokens;
      assertThat(e.value()).isCloseTo(ks(cand, ref, length), within(1e-12));
    }
  }

  /** The two-sample KS statistic of the texts' lengths: the largest gap of the two ECDFs. */
  private static double ks(String[] a, String[] b, ToIntFunction<String> length) {
    double[] x = Arrays.stream(a).filter(t -> t != null).mapToDouble(length::applyAsInt).toArray();
    double[] y = Arrays.stream(b).filter(t -> t != null).mapToDouble(length::applyAsInt).toArray();
    double worst = 0;
    for (double v : DoubleStream.concat(Arrays.stream(x), Arrays.stream(y)).toArray()) {
      double fx = Arrays.stream(x).filter(t -> t <= v).count() / (double) x.length;
      double fy = Arrays.stream(y).filter(t -> t <= v).count() / (double) y.length;
      worst = Math.max(worst, Math.abs(fx - fy));
    }
    return worst;
  }

  /**
   * Half of cars' names (two to four words) replaced by five templates with a varied last word: the
   * texts stay distinct, so the head share must reject it, and the flagged rows must be mostly the
   * templated ones.
   */
  @ParameterizedTest(name = "cars split {0}")
  @ValueSource(longs = {11, 12, 13})
  void templatedNamesAreRejectedForTheirHeadShareAndTheTemplatedRowsAreFlagged(long seed) {
    ColumnBatch[] h = ExampleData.halves("cars.jsonl", seed);
    Injection inj = DefectInjector.inject(h[1], null, Defect.TEMPLATE_COLLAPSE, 0.5, seed + 1);
    ValidationResult r = validate(inj.batch(), h[0], seed);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    DimensionResult.Scored diversity =
        (DimensionResult.Scored) r.dimension(Dimension.DIVERSITY_RETENTION);
    assertThat(diversity.status()).isEqualTo(Status.FAIL);
    Evidence head =
        diversity.evidence().stream()
            .filter(e -> e.measure() == Measure.TEXT_HEAD_SHARE_EXCESS)
            .findFirst()
            .orElseThrow();
    assertThat(head.score()).as(head.toString()).isLessThan(20);
    Set<Long> injected = new HashSet<>(inj.affectedRows());
    List<Long> flagged =
        r.flaggedRows().stream()
            .filter(f -> f.cause() == Cause.TEMPLATED_TEXT)
            .map(FlaggedRow::row)
            .toList();
    long hits = flagged.stream().filter(injected::contains).count();
    String counts = hits + " of " + flagged.size() + " flagged, " + injected.size() + " injected";
    assertThat((double) hits / flagged.size()).as(counts).isGreaterThanOrEqualTo(0.9);
    assertThat((double) hits / injected.size()).as(counts).isGreaterThanOrEqualTo(0.5);
  }

  @ParameterizedTest(name = "credit-g split {0}")
  @ValueSource(longs = {11, 12})
  void nearCopiesWithOneNumberNudgedAreFlaggedAndRejected(long seed) {
    nearCopiesAreFlaggedAndRejected(Defect.NEAR_COPIES, seed);
  }

  @ParameterizedTest(name = "credit-g split {0}")
  @ValueSource(longs = {11, 12})
  void nearCopiesWithTwoCellsRedrawnAreFlaggedAndRejected(long seed) {
    nearCopiesAreFlaggedAndRejected(Defect.NEAR_COPIES_TWO_CELLS, seed);
  }

  private static void nearCopiesAreFlaggedAndRejected(Defect defect, long seed) {
    ColumnBatch[] h = ExampleData.halves("credit-g.csv", seed);
    Injection inj = DefectInjector.inject(h[1], null, defect, 0.3, seed + 1);
    ValidationResult r = validate(inj.batch(), h[0], seed);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    // Of a copy and its source, the later row is flagged and names the earlier one as its group:
    // an injected copy is found when it is flagged or heads a flagged group.
    Set<Long> flagged = new HashSet<>();
    for (FlaggedRow f : r.flaggedRows()) {
      if (f.cause() == Cause.NEAR_DUPLICATE || f.cause() == Cause.EXACT_DUPLICATE) {
        flagged.add(f.row());
        flagged.add(f.group());
      }
    }
    long found = inj.affectedRows().stream().filter(flagged::contains).count();
    assertThat((double) found / inj.affectedRows().size()).isGreaterThanOrEqualTo(0.9);
  }
}
