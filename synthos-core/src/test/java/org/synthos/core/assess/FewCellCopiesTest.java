package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Pool;

/**
 * Rows that differ from another in one cell alone are near copies in tables of 8 columns, in two
 * cells in tables of 12.
 */
@Tag("unit")
class FewCellCopiesTest {
  private static final int N = 200;

  /** Rows 100..139 copy rows 0..39 except in the first {@code changed} columns. */
  private static Batches table(int columns, int changed) {
    return table(columns, changed, 0);
  }

  private static Batches table(int columns, int changed, int seeds) {
    Batches b = new Batches();
    for (int c = 0; c < columns; c++) {
      if (c % 2 == 0) {
        Double[] x = Batches.normal(N, 0, 1, seeds + 10 + c);
        if (changed > 0) {
          System.arraycopy(x, 0, x, 100, 40);
          if (c < changed) {
            // A number moved far beyond the near tolerance.
            for (int i = 100; i < 140; i++) {
              x[i] = x[i] + 5;
            }
          }
        }
        b.doubles("x" + c, x);
      } else {
        String[] s =
            Batches.categories(
                N,
                new String[] {"a", "b", "c", "d"},
                new double[] {.25, .25, .25, .25},
                seeds + 20 + c);
        if (changed > 0) {
          System.arraycopy(s, 0, s, 100, 40);
          if (c < changed) {
            for (int i = 100; i < 140; i++) {
              s[i] = s[i].equals("a") ? "b" : "a";
            }
          }
        }
        b.strings("c" + c, s);
      }
    }
    return b;
  }

  private static double nearShare(Batches b) {
    Pool p = VerdictMeasuresGoldenTest.pool(b, null);
    byte[] all = new byte[p.n];
    Arrays.fill(all, (byte) 1);
    return Measures.repeatShare(p.nearGroup, all) - Measures.repeatShare(p.exactGroup, all);
  }

  @Test
  void copiesWithOneCellChangedAreNearFromEightColumns() {
    assertThat(nearShare(table(8, 0))).isZero();
    // Column 0 (a number) differs; so does column 1 (a category) when two change.
    assertThat(nearShare(table(8, 1))).isCloseTo(40.0 / N, within(1e-12));
    assertThat(nearShare(table(8, 2))).isZero();
    // Seven columns: agreeing on six cells is not called a copy.
    assertThat(nearShare(table(7, 1))).isZero();
  }

  @Test
  void copiesWithTwoCellsChangedAreNearFromTwelveColumns() {
    assertThat(nearShare(table(12, 0))).isZero();
    assertThat(nearShare(table(12, 1))).isCloseTo(40.0 / N, within(1e-12));
    assertThat(nearShare(table(12, 2))).isCloseTo(40.0 / N, within(1e-12));
    assertThat(nearShare(table(12, 3))).isZero();
    // Eleven columns: one cell only.
    assertThat(nearShare(table(11, 2))).isZero();
    assertThat(nearShare(table(11, 1))).isCloseTo(40.0 / N, within(1e-12));
  }

  /**
   * A reference whose distinct rows mostly agree on all but a cell or two (ten constant columns):
   * there agreeing on all but one or two cells says nothing, so only the numeric tolerance joins.
   */
  private static Batches tiedReference(int columns) {
    Batches b = new Batches();
    for (int c = 0; c < columns; c++) {
      if (c % 2 == 0) {
        Double[] x = c == 0 ? Batches.normal(N, 0, 1, 99) : new Double[N];
        if (c != 0) {
          Arrays.fill(x, 0.0);
        }
        b.doubles("x" + c, x);
      } else {
        String[] s =
            c == 1
                ? Batches.categories(
                    N, new String[] {"a", "b", "c", "d"}, new double[] {.25, .25, .25, .25}, 98)
                : new String[N];
        if (c != 1) {
          Arrays.fill(s, "a");
        }
        b.strings("c" + c, s);
      }
    }
    return b;
  }

  private static double candidateNearShare(Batches candidate, Batches reference) {
    Pool p = VerdictMeasuresGoldenTest.pool(candidate, reference);
    byte[] candidateRows = new byte[p.n];
    Arrays.fill(candidateRows, 0, p.nC, (byte) 1);
    return Measures.repeatShare(p.nearGroup, candidateRows)
        - Measures.repeatShare(p.exactGroup, candidateRows);
  }

  @Test
  void aReferenceFullOfFewCellPartnersTurnsTheRelationOff() {
    // Against a reference of unrelated rows, the 40 one-cell copies are near copies.
    assertThat(candidateNearShare(table(12, 1), table(12, 0, 1000)))
        .isCloseTo(40.0 / N, within(1e-12));
    // Against one where almost every real row has such a partner, they are not.
    assertThat(candidateNearShare(table(12, 1), tiedReference(12))).isZero();
  }

  /**
   * On categorical tables dense with one- and two-cell partners (two or three levels a column, so
   * groups chain across the searches that leave different columns out), the near groups are the
   * connected components of every pair differing in at most the allowed cells, each named by its
   * first row: searches run on several cores give the groups of one search after another.
   */
  @Test
  void nearGroupsAreTheComponentsOfEveryFewCellPair() {
    for (int columns : new int[] {8, 12}) {
      int levels = columns == 8 ? 2 : 3;
      String[][] cells = new String[columns][];
      Batches b = new Batches();
      for (int c = 0; c < columns; c++) {
        String[] labels = Arrays.copyOf(new String[] {"a", "b", "c"}, levels);
        double[] weights = new double[levels];
        Arrays.fill(weights, 1.0 / levels);
        cells[c] = Batches.categories(N, labels, weights, 500 + c);
        b.strings("c" + c, cells[c]);
      }
      int allowed = columns >= 12 ? 2 : 1;
      int[] root = new int[N];
      for (int i = 0; i < N; i++) {
        root[i] = i;
      }
      for (int i = 0; i < N; i++) {
        for (int j = i + 1; j < N; j++) {
          int differ = 0;
          for (String[] column : cells) {
            differ += column[i].equals(column[j]) ? 0 : 1;
          }
          if (differ <= allowed) {
            int ri = find(root, i);
            int rj = find(root, j);
            root[Math.max(ri, rj)] = Math.min(ri, rj);
          }
        }
      }
      Pool p = VerdictMeasuresGoldenTest.pool(b, null);
      int joined = 0;
      for (int i = 0; i < N; i++) {
        assertThat(p.nearGroup[i]).as("row %d of %d columns", i, columns).isEqualTo(find(root, i));
        joined += find(root, i) != i ? 1 : 0;
      }
      assertThat(joined).as("rows joined to an earlier one").isGreaterThan(N / 4);
    }
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      i = root[i];
    }
    return i;
  }
}
