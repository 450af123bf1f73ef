package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.pool.Pool;

/**
 * A segment's precomputed cells, over the categories present in it, give the bias-corrected V of
 * both sides to the bit, as the table over every pooled category does.
 */
@Tag("laws")
class SegmentCellsTest {
  @Test
  void cellsOverPresentCategoriesGiveThePooledTablesValues() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      int n = 50 + random.nextInt(400);
      int ka = 2 + random.nextInt(30);
      int kb = 2 + random.nextInt(30);
      String[] a = new String[n];
      String[] b = new String[n];
      for (int i = 0; i < n; i++) {
        int x = random.nextInt(ka);
        // b leans on a, so that the tables are not independent noise; a few cells are missing.
        int y = random.nextInt(3) == 0 ? random.nextInt(kb) : x % kb;
        a[i] = random.nextInt(40) == 0 ? null : "a" + x;
        b[i] = random.nextInt(40) == 0 ? null : "b" + y;
      }
      Pool.Var va = Pool.categorical("a", a);
      Pool.Var vb = Pool.categorical("b", b);
      // A segment: a random subset of the rows, so that some pooled categories are absent.
      int[] rows =
          java.util.stream.IntStream.range(0, n).filter(i -> random.nextInt(3) > 0).toArray();
      Pool.Var ra = AssociationLoss.restrict(va, rows);
      Pool.Var rb = AssociationLoss.restrict(vb, rows);
      if (!Association.formed(ra.categories(), rb.categories())) {
        continue;
      }
      boolean[] labels = new boolean[rows.length];
      long[] words = new long[(rows.length + 63) / 64];
      for (int k = 0; k < labels.length; k++) {
        labels[k] = random.nextBoolean();
        if (labels[k]) {
          words[k / 64] |= 1L << k;
        }
      }
      AssociationLoss.Cells cells =
          AssociationLoss.Cells.of(ra.codes, rb.codes, ra.categories(), rb.categories());
      double[] expected =
          AssociationLoss.strengths(new AssociationLoss.Pair(ra, rb, 0), null, labels);
      double[] actual = cells.strengths(words);
      assertThat(cells.ka()).isLessThanOrEqualTo(ra.categories());
      for (int side = 0; side < 2; side++) {
        assertThat(Double.doubleToRawLongBits(actual[side]))
            .as("trial %d side %d: %s vs %s", trial, side, actual[side], expected[side])
            .isEqualTo(Double.doubleToRawLongBits(expected[side]));
      }
    }
  }
}
