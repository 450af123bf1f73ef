package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The neighbour analysis's shortcuts give the plain computation's answer to the last bit: the
 * distance from encoded columns equals the sum over the one-hot matrix, also when computed a column
 * at a time over many rows, and a row's neighbour prefix is the prefix of its full order.
 */
@Tag("laws")
class MultivariateKernelTest {
  private static final double W = 1 / Math.sqrt(2);

  @Test
  void distanceFromEncodedColumnsIsTheOneHotSumToTheLastBit() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 2_000; trial++) {
      boolean[] numeric = randomKinds(random);
      int[] slots = slots(random, numeric);
      double[] a = encoded(random, numeric, slots);
      double[] b = encoded(random, numeric, slots);
      double expected = 0;
      double[] oa = oneHot(a, numeric, slots);
      double[] ob = oneHot(b, numeric, slots);
      for (int k = 0; k < oa.length; k++) {
        double t = oa[k] - ob[k];
        expected += t * t;
      }
      assertThat(Double.doubleToRawLongBits(Multivariate.squaredDistance(a, b, numeric)))
          .as("trial %d", trial)
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
  }

  @Test
  void distancesAColumnAtATimeArePairwiseDistancesToTheLastBit() {
    SplittableRandom random = new SplittableRandom(23);
    for (int trial = 0; trial < 200; trial++) {
      boolean[] numeric = randomKinds(random);
      int[] slots = slots(random, numeric);
      int columns = numeric.length;
      int m = 2 + random.nextInt(40);
      double[][] rows = new double[m][];
      double[][] byColumn = new double[columns][m];
      for (int j = 0; j < m; j++) {
        rows[j] = encoded(random, numeric, slots);
        for (int c = 0; c < columns; c++) {
          byColumn[c][j] = rows[j][c];
        }
      }
      int i = random.nextInt(m);
      int from = random.nextInt(m);
      double[] s = Multivariate.squaredDistances(rows[i], byColumn, numeric, from, m);
      for (int j = from; j < m; j++) {
        assertThat(Double.doubleToRawLongBits(s[j - from]))
            .as("trial %d, row %d", trial, j)
            .isEqualTo(
                Double.doubleToRawLongBits(
                    Multivariate.squaredDistance(rows[i], rows[j], numeric)));
      }
    }
  }

  @Test
  void aNeighbourPrefixIsThePrefixOfTheFullOrder() {
    SplittableRandom random = new SplittableRandom(5);
    int m = 300;
    float[] dist = new float[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        // Few distinct values, so ties are common and broken by row index.
        float v = random.nextInt(40) / 4f;
        dist[i * m + j] = v;
        dist[j * m + i] = v;
      }
    }
    for (int i = 0; i < m; i++) {
      int[] full = NeighbourOrder.nearest(dist, m, i, m - 1);
      assertThat(full).hasSize(m - 1);
      for (int t = 1; t < full.length; t++) {
        float before = dist[i * m + full[t - 1]];
        float here = dist[i * m + full[t]];
        assertThat(before < here || (before == here && full[t - 1] < full[t])).isTrue();
      }
      // Up to the prefix by insertion, past it by selection, the whole row by a sort.
      for (int limit :
          new int[] {1, 5, NeighbourOrder.PREFIX, NeighbourOrder.PREFIX + 1, 150, m - 2, m + 10}) {
        int[] prefix = NeighbourOrder.nearest(dist, m, i, limit);
        assertThat(prefix).isEqualTo(Arrays.copyOf(full, Math.min(limit, m - 1)));
      }
    }
  }

  @Test
  void selectionMovesTheSmallestKeysFirst() {
    SplittableRandom random = new SplittableRandom(9);
    for (int trial = 0; trial < 500; trial++) {
      long[] keys = random.longs(1 + random.nextInt(trial < 100 ? 6 : 3_000)).distinct().toArray();
      if (trial % 3 == 0) {
        Arrays.sort(keys);
      }
      int n = 1 + random.nextInt(keys.length);
      long[] sorted = keys.clone();
      Arrays.sort(sorted);
      NeighbourOrder.selectSmallest(keys, n);
      long[] first = Arrays.copyOf(keys, n);
      Arrays.sort(first);
      assertThat(first).isEqualTo(Arrays.copyOf(sorted, n));
    }
  }

  /** Up to 6 columns, each numeric or categorical. */
  private static boolean[] randomKinds(SplittableRandom random) {
    boolean[] numeric = new boolean[1 + random.nextInt(6)];
    for (int c = 0; c < numeric.length; c++) {
      numeric[c] = random.nextBoolean();
    }
    return numeric;
  }

  /** One-hot slots per column: 1 for a numeric column, 2 to 5 for a categorical one. */
  private static int[] slots(SplittableRandom random, boolean[] numeric) {
    int[] slots = new int[numeric.length];
    for (int c = 0; c < numeric.length; c++) {
      slots[c] = numeric[c] ? 1 : 2 + random.nextInt(4);
    }
    return slots;
  }

  /** A row's encoded columns: a value for a numeric column, a slot or -1 for a categorical one. */
  private static double[] encoded(SplittableRandom random, boolean[] numeric, int[] slots) {
    double[] row = new double[numeric.length];
    for (int c = 0; c < numeric.length; c++) {
      if (numeric[c]) {
        row[c] = random.nextInt(4) == 0 ? 0 : random.nextDouble(-3, 3);
      } else {
        row[c] = random.nextInt(slots[c] + 1) - 1;
      }
    }
    return row;
  }

  private static double[] oneHot(double[] row, boolean[] numeric, int[] slots) {
    double[] out = new double[Arrays.stream(slots).sum()];
    int k = 0;
    for (int c = 0; c < numeric.length; c++) {
      if (numeric[c]) {
        out[k++] = row[c];
      } else {
        for (int s = 0; s < slots[c]; s++) {
          out[k++] = row[c] == s ? W : 0;
        }
      }
    }
    return out;
  }
}
