package org.synthos.core.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.multivariate.GoldenFixture;

// tools/golden/rows_duplicates.py: numpy.unique(axis=0) counts over column codes
@Tag("golden")
class RowsGoldenTest {
  private static final Schema SCHEMA =
      Schema.of(
          new Field("a", ColumnType.INTEGER),
          new Field("b", ColumnType.FLOAT),
          new Field("c", ColumnType.CATEGORICAL));

  private static List<Object[]> rows(List<String[]> table) {
    List<Object[]> out = new ArrayList<>();
    for (String[] cells : table) {
      Object[] row = new Object[cells.length];
      for (int c = 0; c < cells.length; c++) {
        String v = cells[c].substring(2);
        row[c] =
            switch (cells[c].charAt(0)) {
              case 'i' -> Long.parseLong(v);
              case 'f' -> Double.parseDouble(v);
              case 's' -> v;
              default -> null;
            };
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void duplicateCountsAndCopiesMatchNumpy() {
    GoldenFixture f = GoldenFixture.load("rows_duplicates.txt");
    List<Object[]> reference = rows(f.table("reference"));
    List<Object[]> candidate = rows(f.table("candidate"));
    DuplicateRowsState ref =
        Tables.fold(
            DuplicateRowsState.newAccumulator(42), SCHEMA, reference, 0, reference.size(), 64);
    DuplicateRowsState cand =
        Tables.fold(
            DuplicateRowsState.newAccumulator(42), SCHEMA, candidate, 0, candidate.size(), 50);

    assertThat(ref.distinctRowCount()).isEqualTo((long) f.value("reference_distinct"));
    assertThat(ref.duplicateRowCount()).isEqualTo((long) f.value("reference_duplicates"));
    long[] sizes =
        ref.groups(Integer.MAX_VALUE, 1).stream()
            .mapToLong(DuplicateRowsState.DuplicateGroup::count)
            .toArray();
    double[] expected = f.vector("reference_group_sizes");
    assertThat(sizes).hasSize(expected.length);
    for (int i = 0; i < sizes.length; i++) {
      assertThat(sizes[i]).isEqualTo((long) expected[i]);
    }

    MemorisedCopies copies = MemorisedCopies.find(cand, ref, Integer.MAX_VALUE);
    assertThat(copies.copiedRows()).isEqualTo((long) f.value("candidate_copied"));
    assertThat(copies.distinctCopies()).isEqualTo((long) f.value("candidate_distinct_copies"));
    double[] copiedRows = f.vector("candidate_copied_rows");
    assertThat(copies.firstCopiedRows()).hasSize(copiedRows.length);
    for (int i = 0; i < copiedRows.length; i++) {
      assertThat(copies.firstCopiedRows()[i]).isEqualTo((long) copiedRows[i]);
    }
  }
}
