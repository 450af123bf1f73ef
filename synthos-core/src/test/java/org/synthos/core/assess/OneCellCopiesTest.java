package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Pool;

/** Rows that differ from another in one cell alone are near copies in tables of 8 columns. */
@Tag("unit")
class OneCellCopiesTest {
  private static final int N = 200;

  private static Batches table(int columns, boolean changeOneCategory) {
    Batches b = new Batches();
    for (int c = 0; c < columns; c++) {
      if (c % 2 == 0) {
        Double[] x = Batches.normal(N, 0, 1, 10 + c);
        if (changeOneCategory) {
          // Rows 100..139 copy rows 0..39 on every number.
          System.arraycopy(x, 0, x, 100, 40);
        }
        b.doubles("x" + c, x);
      } else {
        String[] s =
            Batches.categories(
                N, new String[] {"a", "b", "c", "d"}, new double[] {.25, .25, .25, .25}, 20 + c);
        if (changeOneCategory) {
          System.arraycopy(s, 0, s, 100, 40);
          if (c == 1) {
            // ... and on every category but this one.
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
  void copiesWithOneCategoryChangedAreNearInWideTablesOnly() {
    assertThat(nearShare(table(8, false))).isZero();
    assertThat(nearShare(table(8, true))).isCloseTo(40.0 / N, within(1e-12));
    // Seven columns: agreeing on six cells is not called a copy.
    assertThat(nearShare(table(7, true))).isZero();
  }
}
