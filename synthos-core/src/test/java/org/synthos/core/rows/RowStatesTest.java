package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

@Tag("unit")
class RowStatesTest {
  private static RowHash hashOf(ColumnType type, Object value, long seed) {
    Schema schema = Schema.of(new Field("x", type));
    List<Object[]> one = new ArrayList<>();
    one.add(new Object[] {value});
    return RowHasher.hash(Tables.batch(schema, one, 0), 0, seed);
  }

  private static List<Object[]> rows(Object[]... rows) {
    return new ArrayList<>(Arrays.asList(rows));
  }

  @Test
  void hashesAreTypeAwareCanonicalValues() {
    assertThat(hashOf(ColumnType.INTEGER, 1L, 1)).isEqualTo(hashOf(ColumnType.FLOAT, 1.0, 1));
    assertThat(hashOf(ColumnType.FLOAT, -0.0, 1)).isEqualTo(hashOf(ColumnType.FLOAT, 0.0, 1));
    assertThat(hashOf(ColumnType.FLOAT, Double.NaN, 1))
        .isEqualTo(hashOf(ColumnType.FLOAT, -Double.NaN, 1));
    assertThat(hashOf(ColumnType.FLOAT, 1.5, 1)).isNotEqualTo(hashOf(ColumnType.FLOAT, 1.0, 1));
    assertThat(hashOf(ColumnType.CATEGORICAL, "", 1))
        .isNotEqualTo(hashOf(ColumnType.CATEGORICAL, null, 1));
    assertThat(hashOf(ColumnType.BOOLEAN, true, 1)).isNotEqualTo(hashOf(ColumnType.INTEGER, 1L, 1));
    assertThat(hashOf(ColumnType.INTEGER, null, 1))
        .isEqualTo(hashOf(ColumnType.CATEGORICAL, null, 1));
    assertThat(hashOf(ColumnType.INTEGER, 1L, 1)).isNotEqualTo(hashOf(ColumnType.INTEGER, 1L, 2));
    // 2^53 + 1 has no exact double, so it must not collide with the double 2^53.
    assertThat(hashOf(ColumnType.INTEGER, (1L << 53) + 1, 1))
        .isNotEqualTo(hashOf(ColumnType.FLOAT, (double) (1L << 53), 1));
  }

  @Test
  void hashesAreStableAcrossReleases() {
    // Pinned: a change here breaks every stored state and must bump the codec version.
    Schema schema = Tables.MIXED;
    ColumnBatch batch = Tables.batch(schema, rows(new Object[] {42L, 2.5, "Paris", true}), 0);
    assertThat(RowHasher.hash(batch, 0, 0).hex()).isEqualTo("6bac2deb8b917f65ea568688de6c93f8");
  }

  @Test
  void columnOrderMatters() {
    Schema two = Schema.of(new Field("a", ColumnType.INTEGER), new Field("b", ColumnType.INTEGER));
    ColumnBatch batch = Tables.batch(two, rows(new Object[] {1L, 2L}, new Object[] {2L, 1L}), 0);
    assertThat(RowHasher.hash(batch, 0, 0)).isNotEqualTo(RowHasher.hash(batch, 1, 0));
  }

  @Test
  void emptyAndSingleRowHaveNoDuplicates() {
    DuplicateRowsState empty = DuplicateRowsState.empty(3);
    assertThat(empty.rowCount()).isZero();
    assertThat(empty.duplicateRowCount()).isZero();
    assertThat(empty.duplicateShare()).isZero();
    assertThat(empty.groups(10, 10)).isEmpty();
    List<Object[]> one = rows(new Object[] {1L, 1.0, "a", true});
    DuplicateRowsState single =
        Tables.fold(DuplicateRowsState.newAccumulator(3), Tables.MIXED, one, 0, 1, 1);
    assertThat(single.distinctRowCount()).isEqualTo(1);
    assertThat(single.duplicateRowCount()).isZero();
  }

  @Test
  void allDuplicatesFormOneGroupWithCappedRowList() {
    List<Object[]> same = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      same.add(new Object[] {5L, null, "", false});
    }
    DuplicateRowsState s =
        Tables.fold(DuplicateRowsState.newAccumulator(9), Tables.MIXED, same, 0, 1000, 97);
    assertThat(s.distinctRowCount()).isEqualTo(1);
    assertThat(s.duplicateRowCount()).isEqualTo(999);
    List<DuplicateRowsState.DuplicateGroup> groups = s.groups(5, 3);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).count()).isEqualTo(1000);
    assertThat(groups.get(0).rows()).containsExactly(0, 1, 2);
  }

  @Test
  void snapshotsStayImmutableWhileTheAccumulatorGoesOn() {
    List<Object[]> t = new ArrayList<>();
    for (long i = 0; i < 50; i++) {
      t.add(new Object[] {i % 7, 0.5, "a", true});
    }
    RowAccumulator<DuplicateRowsState> acc = DuplicateRowsState.newAccumulator(2);
    acc.update(Tables.batch(Tables.MIXED, t.subList(0, 20), 0));
    DuplicateRowsState first = acc.snapshot();
    RowState copy = RowStateCodec.decode(RowStateCodec.encode(first));
    assertThat(acc.snapshot()).isSameAs(first);
    acc.update(Tables.batch(Tables.MIXED, t.subList(20, 50), 20));
    DuplicateRowsState second = acc.snapshot();
    assertThat(first).isEqualTo(copy);
    assertThat(second.rowCount()).isEqualTo(50);
    assertThat(second.distinctRowCount()).isEqualTo(7);
  }

  @Test
  void groupsAreLargestFirstWithGlobalRowIndexes() {
    List<Object[]> t =
        rows(
            new Object[] {1L, 0.0, "a", true},
            new Object[] {2L, 0.0, "a", true},
            new Object[] {2L, 0.0, "a", true},
            new Object[] {1L, 0.0, "a", true},
            new Object[] {2L, 0.0, "a", true},
            new Object[] {3L, 0.0, "a", true});
    DuplicateRowsState s =
        Tables.fold(DuplicateRowsState.newAccumulator(1), Tables.MIXED, t, 0, 6, 4);
    List<DuplicateRowsState.DuplicateGroup> g = s.groups(10, 10);
    assertThat(g).hasSize(2);
    assertThat(g.get(0).rows()).containsExactly(1, 2, 4);
    assertThat(g.get(1).rows()).containsExactly(0, 3);
  }

  @Test
  void memorisedCopiesListTheCandidateRows() {
    List<Object[]> ref =
        rows(new Object[] {1L, 1.0, "a", true}, new Object[] {2L, 2.0, "b", false});
    List<Object[]> cand =
        rows(
            new Object[] {9L, 9.0, "z", true},
            new Object[] {2L, 2.0, "b", false},
            new Object[] {2L, 2.0, "b", false},
            new Object[] {1L, 1.0, "a", true});
    DuplicateRowsState r =
        Tables.fold(DuplicateRowsState.newAccumulator(4), Tables.MIXED, ref, 0, 2, 2);
    DuplicateRowsState c =
        Tables.fold(DuplicateRowsState.newAccumulator(4), Tables.MIXED, cand, 0, 4, 3);
    MemorisedCopies m = MemorisedCopies.find(c, r, 2);
    assertThat(m.copiedRows()).isEqualTo(3);
    assertThat(m.distinctCopies()).isEqualTo(2);
    assertThat(m.firstCopiedRows()).containsExactly(1, 2);
    assertThat(m.copiedShare()).isEqualTo(0.75);
    assertThatThrownBy(() -> MemorisedCopies.find(c, DuplicateRowsState.empty(5), 1))
        .isInstanceOf(SynthosException.class);
  }

  @Test
  void statesOfDifferentSeedsDoNotMerge() {
    assertThatThrownBy(() -> DuplicateRowsState.empty(1).merge(DuplicateRowsState.empty(2)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("left=1, right=2");
  }

  @Test
  void codecRejectsNewerVersionsAndCorruptBytes() {
    byte[] bytes = RowStateCodec.encode(DuplicateRowsState.empty(1));
    byte[] newer = bytes.clone();
    newer[4] = (byte) (RowStateCodec.VERSION + 1);
    assertThatThrownBy(() -> RowStateCodec.decode(newer))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION))
        .hasMessageContaining("supports at most version 1");
    byte[] badMagic = bytes.clone();
    badMagic[0] = 0;
    assertThatThrownBy(() -> RowStateCodec.decode(badMagic))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> RowStateCodec.decode(truncated))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE));
  }

  /** Ten categorical columns of random letters, with planted near and exact copies. */
  private static List<Object[]> wideRows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] row = new Object[10];
      for (int c = 0; c < 10; c++) {
        row[c] = "v" + r.nextInt(1000);
      }
      out.add(row);
    }
    return out;
  }

  private static Schema wideSchema() {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      fields.add(new Field("c" + c, ColumnType.CATEGORICAL));
    }
    return new Schema(fields);
  }

  @Test
  void nearDuplicatesFindRowsDifferingInOneCell() {
    List<Object[]> t = wideRows(500, 1);
    // Rows 100..104 copy rows 0..4 except one cell: Jaccard 9/11 = 0.82.
    for (int i = 0; i < 5; i++) {
      Object[] copy = t.get(i).clone();
      copy[i] = "changed";
      t.set(100 + i, copy);
    }
    t.set(200, t.get(10).clone()); // an exact copy: reported by DuplicateRowsState instead
    NearDuplicateState s =
        Tables.fold(
            NearDuplicateState.newAccumulator(
                3,
                10_000,
                NearDuplicateState.DEFAULT_BANDS,
                NearDuplicateState.DEFAULT_ROWS_PER_BAND),
            wideSchema(),
            t,
            0,
            t.size(),
            128);
    NearDuplicateReport report = s.find(0.6, 100);
    assertThat(report.exhaustive()).isTrue();
    assertThat(report.pairs())
        .extracting(p -> p.firstRow() + "-" + p.secondRow())
        .containsExactlyInAnyOrder("0-100", "1-101", "2-102", "3-103", "4-104");
    assertThat(report.pairs())
        .allSatisfy(p -> assertThat(p.estimatedJaccard()).isBetween(0.6, 1.0));
    assertThat(report.groups()).hasSize(5);
  }

  @Test
  void textCellsAreShingledByWord() {
    Schema schema =
        Schema.of(new Field("id", ColumnType.IDENTIFIER), new Field("body", ColumnType.TEXT));
    String base = "the quick brown fox jumps over the lazy dog near the river bank today";
    List<Object[]> t =
        rows(
            new Object[] {"a", base},
            new Object[] {"b", base.replace("lazy", "sleepy")},
            new Object[] {"c", "an entirely different sentence about tabular data quality"},
            new Object[] {"d", null},
            new Object[] {"e", ""});
    NearDuplicateState s =
        Tables.fold(NearDuplicateState.newAccumulator(5, 100, 32, 2), schema, t, 0, t.size(), 2);
    NearDuplicateReport report = s.find(0.5, 10);
    assertThat(report.pairs()).hasSize(1);
    assertThat(report.pairs().get(0).firstRow()).isZero();
    assertThat(report.pairs().get(0).secondRow()).isEqualTo(1);
    // 12 distinct words plus the id per row: 11 tokens shared of 15, Jaccard 0.73.
    assertThat(report.pairs().get(0).estimatedJaccard()).isBetween(0.6, 0.95);
  }

  @Test
  void nearDuplicateSearchIsBoundedByItsCapacity() {
    List<Object[]> t = wideRows(300, 2);
    NearDuplicateState s =
        Tables.fold(NearDuplicateState.newAccumulator(3, 50, 16, 4), wideSchema(), t, 0, 300, 64);
    assertThat(s.size()).isEqualTo(50);
    assertThat(s.rowCount()).isEqualTo(300);
    NearDuplicateReport report = s.find(0.5, 10);
    assertThat(report.sampledRows()).isEqualTo(50);
    assertThat(report.exhaustive()).isFalse();
  }

  @Test
  void sampleIsDeterministicBoundedAndColumnMajor() {
    List<Object[]> t = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      t.add(new Object[] {i, i / 2.0, i % 3 == 0 ? null : "s" + (i % 7), i % 2 == 0});
    }
    RowSampleState a =
        Tables.fold(
            RowSampleState.newAccumulator(Tables.MIXED, 11, 100), Tables.MIXED, t, 0, 1000, 33);
    RowSampleState b =
        Tables.fold(
            RowSampleState.newAccumulator(Tables.MIXED, 11, 100), Tables.MIXED, t, 0, 1000, 250);
    RowSampleState other =
        Tables.fold(
            RowSampleState.newAccumulator(Tables.MIXED, 12, 100), Tables.MIXED, t, 0, 1000, 33);
    assertThat(a).isEqualTo(b);
    assertThat(a.rows()).isNotEqualTo(other.rows());
    assertThat(a.size()).isEqualTo(100);
    assertThat(a.rowCount()).isEqualTo(1000);
    ColumnBatch batch = a.asBatch();
    for (int k = 0; k < a.size(); k++) {
      long row = a.rows()[k];
      assertThat(((org.synthos.api.Column.Longs) batch.column(0)).values()[k]).isEqualTo(row);
      assertThat(batch.column(2).isNull(k)).isEqualTo(row % 3 == 0);
    }
    // Roughly uniform: the sampled rows' mean index is near the middle.
    double mean = Arrays.stream(a.rows()).average().orElseThrow();
    assertThat(mean).isBetween(400.0, 600.0);
  }

  @Test
  void sampleRejectsAnotherSchema() {
    RowAccumulator<RowSampleState> acc = RowSampleState.newAccumulator(Tables.MIXED, 1, 5);
    Schema other = Schema.of(new Field("x", ColumnType.INTEGER));
    List<Object[]> one = rows(new Object[] {1L});
    assertThatThrownBy(() -> acc.update(Tables.batch(other, one, 0)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
  }
}
