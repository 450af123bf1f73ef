package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

@Tag("unit")
class RowHashAndSampleTest {
  /** The 128-bit hash of each row of a batch, high word first, as 32 hexadecimal digits. */
  private static List<String> hashes(ColumnBatch batch, long seed) {
    long[] high = new long[batch.rowCount()];
    long[] low = new long[batch.rowCount()];
    RowHasher.hashBatch(batch, seed, high, low);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < high.length; i++) {
      out.add(String.format("%016x%016x", high[i], low[i]));
    }
    return out;
  }

  private static String hashOf(ColumnType type, Object value, long seed) {
    Schema schema = Schema.of(new Field("x", type));
    List<Object[]> one = new ArrayList<>();
    one.add(new Object[] {value});
    return hashes(Tables.batch(schema, one, 0), seed).get(0);
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
    // Pinned: the full pass compares hashes of two files, which must agree across versions.
    ColumnBatch batch = Tables.batch(Tables.MIXED, rows(new Object[] {42L, 2.5, "Paris", true}), 0);
    assertThat(hashes(batch, 0)).containsExactly("6bac2deb8b917f65ea568688de6c93f8");
  }

  @Test
  void columnOrderMatters() {
    Schema two = Schema.of(new Field("a", ColumnType.INTEGER), new Field("b", ColumnType.INTEGER));
    ColumnBatch batch = Tables.batch(two, rows(new Object[] {1L, 2L}, new Object[] {2L, 1L}), 0);
    List<String> h = hashes(batch, 0);
    assertThat(h.get(0)).isNotEqualTo(h.get(1));
  }

  @Test
  void samplesOfDifferentSeedsDoNotMerge() {
    assertThatThrownBy(
            () ->
                RowSampleState.empty(Tables.MIXED, 1, 5)
                    .merge(RowSampleState.empty(Tables.MIXED, 2, 5)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("left=1, right=2");
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
