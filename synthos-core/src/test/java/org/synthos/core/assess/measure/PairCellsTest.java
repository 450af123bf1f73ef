package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.pool.Pool;

/**
 * Counting a labelling's candidate rows into a pair's precomputed cells, the reference's table
 * being the rest, gives the values of counting both sides row by row, to the bit; so do the
 * one-pass association of both sides and the pooled loss over such cells.
 */
@Tag("laws")
class PairCellsTest {
  @Test
  void candidateRowsAndTheRestGiveTheRowByRowTables() {
    SplittableRandom random = new SplittableRandom(5);
    int formed = 0;
    for (int trial = 0; trial < 300; trial++) {
      int n = 20 + random.nextInt(600);
      Pool.Var a = categorical("a", n, 2 + random.nextInt(25), random);
      // Some pairs are a category against a number cut at its quintiles, as the judge forms them.
      Pool.Var b =
          random.nextBoolean()
              ? categorical("b", n, 1 + random.nextInt(25), random)
              : numeric("b", n, random);
      boolean[] labels = new boolean[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextInt(3) > 0;
      }
      int[] candidates = IntStream.range(0, n).filter(i -> labels[i]).toArray();
      Association.PairCells cells = Association.PairCells.of(a, b);
      double[][] expected = Association.contingencyBoth(a, b, null, labels);
      if (expected == null) {
        assertThat(cells).isNull();
        assertThat(Association.associationGap(a, b, labels)).isNaN();
        continue;
      }
      formed++;
      double[][] actual = cells.contingencyBoth(candidates);
      for (int side = 0; side < 2; side++) {
        for (int f = 0; f < expected[side].length; f++) {
          assertThat(Double.doubleToRawLongBits(actual[side][f]))
              .as("trial %d side %d field %d", trial, side, f)
              .isEqualTo(Double.doubleToRawLongBits(expected[side][f]));
        }
      }
      assertThat(Double.doubleToRawLongBits(cells.gap(candidates)))
          .isEqualTo(Double.doubleToRawLongBits(Association.associationGap(a, b, labels)));
      double[] both = Association.associationBoth(a, b, labels);
      assertThat(Double.doubleToRawLongBits(both[0]))
          .isEqualTo(Double.doubleToRawLongBits(Association.association(a, b, labels, true)));
      assertThat(Double.doubleToRawLongBits(both[1]))
          .isEqualTo(Double.doubleToRawLongBits(Association.association(a, b, labels, false)));

      Pool.Var x = numeric("x", n, random);
      Pool.Var y = numeric("y", n, random);
      List<AssociationLoss.Pair> pairs =
          List.of(
              new AssociationLoss.Pair(a, b, 0.3),
              new AssociationLoss.Pair(x, y, 0.2),
              new AssociationLoss.Pair(a, x, 0.1));
      double loss = AssociationLoss.loss(pairs, AssociationLoss.cells(pairs), labels, candidates);
      assertThat(Double.doubleToRawLongBits(loss))
          .isEqualTo(Double.doubleToRawLongBits(AssociationLoss.loss(pairs, null, labels)));
    }
    assertThat(formed).isGreaterThan(200);
  }

  @Test
  void bothSidesOfTwoNumbersInOnePassAreEachSidesPearson() {
    SplittableRandom random = new SplittableRandom(8);
    for (int trial = 0; trial < 100; trial++) {
      int n = 10 + random.nextInt(300);
      Pool.Var x = numeric("x", n, random);
      Pool.Var y = numeric("y", n, random);
      boolean[] labels = new boolean[n];
      for (int i = 0; i < n; i++) {
        labels[i] = random.nextBoolean();
      }
      double[] both = Association.associationBoth(x, y, labels);
      assertThat(Double.doubleToRawLongBits(both[0]))
          .isEqualTo(Double.doubleToRawLongBits(Association.association(x, y, labels, true)));
      assertThat(Double.doubleToRawLongBits(both[1]))
          .isEqualTo(Double.doubleToRawLongBits(Association.association(x, y, labels, false)));
    }
  }

  /** Categories with a few missing cells. */
  private static Pool.Var categorical(String name, int n, int k, SplittableRandom random) {
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(30) == 0 ? null : name + random.nextInt(k);
    }
    return Pool.categorical(name, values);
  }

  /** Numbers with ties and a few missing values. */
  private static Pool.Var numeric(String name, int n, SplittableRandom random) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(30) == 0 ? Double.NaN : random.nextInt(50) + random.nextDouble();
    }
    return Pool.numeric(name, values);
  }
}
