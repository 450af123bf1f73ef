package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/** Bad or degenerate input gives a clear result or a clear error, never a crash. */
@Tag("unit")
class EdgeCaseTest {
  private static final ValidationOptions OPTIONS = ValidationOptions.defaults();

  private static ValidationResult run(DatasetSource cand, DatasetSource ref) {
    return Validator.validate(ValidationInput.of(cand, ref), OPTIONS, ProgressListener.NONE);
  }

  @Test
  void mismatchedSchemasAreReportedNotCrashed() {
    Double[] x = Batches.normal(100, 0, 1, 1);
    String[] c = Batches.categories(100, new String[] {"a", "b"}, new double[] {0.5, 0.5}, 2);
    DatasetSource ref =
        new Batches()
            .doubles("x", x)
            .strings("c", c)
            .doubles("gone", Batches.normal(100, 0, 1, 3))
            .source("ref");
    DatasetSource cand =
        new Batches()
            .doubles("x", Batches.normal(100, 0, 1, 4))
            .doubles("c", Batches.normal(100, 0, 1, 5))
            .strings("extra", c)
            .source("cand");

    ValidationResult r = run(cand, ref);

    assertThat(r.schemaDifferences())
        .extracting(SchemaDifference::column, SchemaDifference::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("c", SchemaDifference.Kind.RETYPED),
            org.assertj.core.groups.Tuple.tuple("extra", SchemaDifference.Kind.EXTRA_IN_CANDIDATE),
            org.assertj.core.groups.Tuple.tuple(
                "gone", SchemaDifference.Kind.MISSING_IN_CANDIDATE));
    assertThat(r.checks())
        .anyMatch(k -> k.kind() == CheckKind.SCHEMA_MISSING_COLUMN && k.status() == Status.FAIL);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.verdict().primaryType()).isEqualTo(CollapseType.E_STRUCTURE);
    assertThat(r.dimension(Dimension.DISTRIBUTION_FIDELITY))
        .isInstanceOf(DimensionResult.Scored.class);
  }

  @Test
  void singleColumnJudgesWhatItCanAndSaysWhyCorrelationIsNot() {
    DatasetSource ref = new Batches().doubles("x", Batches.normal(300, 0, 1, 1)).source("ref");
    DatasetSource cand = new Batches().doubles("x", Batches.normal(300, 0, 1, 2)).source("cand");

    ValidationResult r = run(cand, ref);

    assertThat(r.verdict().decision()).isEqualTo(Decision.APPROVE);
    assertThat(r.dimension(Dimension.CORRELATION_PRESERVATION))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            n -> assertThat(n.reason()).contains("two comparable columns"));
  }

  @Test
  void singleRowIsRejectedBecauseNothingCanBeJudged() {
    DatasetSource ref = new Batches().doubles("x", Batches.normal(300, 0, 1, 1)).source("ref");
    DatasetSource cand = new Batches().doubles("x", 0.1).source("cand");

    ValidationResult r = run(cand, ref);

    assertThat(r.notJudged()).hasSize(Dimension.values().length);
    assertThat(r.notJudged().get(0).reason()).contains("too few rows");
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.verdict().riskScore()).isEqualTo(100.0);
  }

  @Test
  void allNullColumnFailsWhenTheReferenceHasValues() {
    Double[] nulls = new Double[200];
    DatasetSource ref =
        new Batches()
            .doubles("x", Batches.normal(200, 0, 1, 1))
            .doubles("y", Batches.normal(200, 0, 1, 2))
            .source("ref");
    DatasetSource cand =
        new Batches().doubles("x", Batches.normal(200, 0, 1, 3)).doubles("y", nulls).source("cand");

    ValidationResult r = run(cand, ref);

    assertThat(r.checks())
        .anyMatch(
            k ->
                k.kind() == CheckKind.ALL_NULL_COLUMN
                    && k.column().equals("y")
                    && k.status() == Status.FAIL);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.recommendations()).anyMatch(x -> x.id().equals("drop_degenerate_columns"));
  }

  @Test
  void unknownTargetColumnIsAUserError() {
    DatasetSource cand = new Batches().doubles("x", Batches.normal(20, 0, 1, 1)).source("cand.csv");
    assertThatThrownBy(
            () ->
                Validator.validate(
                    ValidationInput.of(cand), OPTIONS.withTarget("label"), ProgressListener.NONE))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
              assertThat(e.getMessage()).contains("cand.csv").contains("label");
            });
  }

  @Test
  void emptyDatasetIsADataError() {
    Schema schema = Schema.of(new Field("x", ColumnType.FLOAT));
    DatasetSource empty = DatasetSource.ofBatches("empty.csv", schema, List.of());
    assertThatThrownBy(
            () -> Validator.validate(ValidationInput.of(empty), OPTIONS, ProgressListener.NONE))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_DATA_ROWS));
  }

  @Test
  void invalidCellsAboveThePolicyShareFail() {
    int n = 100;
    double[] v = new double[n];
    boolean[] bad = new boolean[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
      bad[i] = i % 10 == 0;
    }
    Schema schema = Schema.of(new Field("x", ColumnType.FLOAT));
    ColumnBatch b =
        new ColumnBatch(
            schema, List.of(new Column.Doubles(v, n, Mask.of(bad), Mask.of(bad))), 0, n);

    ValidationResult r =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", b)), OPTIONS, ProgressListener.NONE);

    assertThat(r.checks())
        .anyMatch(
            k ->
                k.kind() == CheckKind.INVALID_CELLS
                    && k.status() == Status.FAIL
                    && k.value() == 0.1);
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
  }

  @Test
  void filesBeyondTheRowCapAreSampledAndStillNameFileRows() {
    ColumnBatch credit = ExampleData.load("credit-g.csv");
    ColumnBatch dup =
        org.synthos.core.assess.inject.DefectInjector.inject(
                credit, null, org.synthos.core.assess.inject.Defect.EXACT_DUPLICATES, 0.3, 2)
            .batch();
    ValidationOptions capped =
        new ValidationOptions(Policy.defaults(), 5, null, null, 400, 200, 10, 1);

    ValidationResult r =
        Validator.validate(
            ValidationInput.of(ExampleData.source("c", dup)), capped, ProgressListener.NONE);

    assertThat(r.candidate().rows()).isEqualTo(1000);
    assertThat(r.candidate().rowsAnalysed()).isEqualTo(400);
    assertThat(r.flaggedRows())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.row()).isBetween(1L, 1000L));
    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
  }

  @Test
  void noSharedColumnIsReportedWithoutInventingDuplicates() {
    DatasetSource ref = new Batches().doubles("a", Batches.normal(50, 0, 1, 1)).source("ref");
    DatasetSource cand = new Batches().doubles("b", Batches.normal(50, 0, 1, 2)).source("cand");

    ValidationResult r = run(cand, ref);

    assertThat(r.verdict().decision()).isEqualTo(Decision.REJECT);
    assertThat(r.flaggedRows()).isEmpty();
    assertThat(r.notJudged()).hasSize(Dimension.values().length);
    assertThat(r.dimension(Dimension.DIVERSITY_RETENTION))
        .isInstanceOfSatisfying(
            DimensionResult.NotApplicable.class,
            n -> assertThat(n.reason()).contains("no column can be compared"));
    assertThat(r.verdict().primaryType()).isEqualTo(CollapseType.E_STRUCTURE);
  }

  @Test
  void timeColumnMustBeOrderable() {
    DatasetSource cand =
        new Batches()
            .doubles("x", Batches.normal(20, 0, 1, 1))
            .strings(
                "when", Batches.categories(20, new String[] {"a", "b"}, new double[] {0.5, 0.5}, 1))
            .source("cand.csv");
    assertThatThrownBy(
            () ->
                Validator.validate(
                    ValidationInput.of(cand),
                    OPTIONS.withTimeColumn("when"),
                    ProgressListener.NONE))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void nearUniqueCategoriesDoNotBuildHugeTables() {
    int n = 3000;
    String[] ids = new String[n];
    String[] ids2 = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "id-" + i;
      ids2[i] = "id-" + (i + n);
    }
    DatasetSource ref =
        new Batches().strings("code", ids).strings("other", ids.clone()).source("ref");
    DatasetSource cand =
        new Batches().strings("code", ids2).strings("other", ids2.clone()).source("cand");

    ValidationResult r = run(cand, ref);

    // A 6,000 x 6,000 table is not formed, so the only pair has no defined association.
    assertThat(r.dimension(Dimension.CORRELATION_PRESERVATION))
        .isInstanceOf(DimensionResult.NotApplicable.class);
    // Halves of the reference see only new codes too, so unseen codes are no defect here.
    assertThat(r.checks())
        .noneMatch(k -> k.kind() == CheckKind.OUT_OF_SUPPORT && k.status() != Status.PASS);
    assertThat(r.verdict().decision()).isEqualTo(Decision.APPROVE);
  }
}
