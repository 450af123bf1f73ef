package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Support;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * The out-of-support share of a labelling equals its definition computed over every row: the
 * label-1 rows with a value outside the label-0 rows' range or categories, over the label-1 rows;
 * with signed zeros, infinities, ties at the range's ends, nulls and labels other than 0 and 1.
 */
@Tag("unit")
class OutOfSupportShareTest {
  @Test
  void shareEqualsTheDefinitionOverEveryRow() {
    SplittableRandom random = new SplittableRandom(23);
    for (int trial = 0; trial < 60; trial++) {
      int nC = 5 + random.nextInt(300);
      int nR = 5 + random.nextInt(300);
      Pool pool =
          Pool.pool(
              RawTable.read(table(random, nC).source("c"), 100_000, 1),
              RawTable.read(table(random, nR).source("r"), 100_000, 1));
      for (int labelling = 0; labelling < 20; labelling++) {
        byte[] label = new byte[pool.n];
        int zeros = random.nextInt(4);
        for (int i = 0; i < pool.n; i++) {
          int draw = random.nextInt(10);
          label[i] = (byte) (draw < zeros ? 0 : draw < 8 ? 1 : draw == 8 ? 0 : 2);
        }
        assertThat(Support.outOfSupportShare(pool, label)).isEqualTo(definition(pool, label));
      }
    }
  }

  private static Batches table(SplittableRandom random, int rows) {
    Double[] x = new Double[rows];
    Double[] y = new Double[rows];
    String[] c = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = random.nextInt(12) == 0 ? null : value(random);
      y[i] = random.nextInt(3) == 0 ? null : (double) random.nextInt(5);
      c[i] = random.nextInt(10) == 0 ? null : "k" + random.nextInt(6);
    }
    return new Batches().doubles("x", x).doubles("y", y).strings("c", c);
  }

  private static double value(SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> -0.0;
      case 1 -> 0.0;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> Double.POSITIVE_INFINITY;
      default -> random.nextInt(40) - 20;
    };
  }

  private static double definition(Pool data, byte[] label) {
    boolean[] flagged = new boolean[data.n];
    for (Pool.Var v : data.distributionVars()) {
      for (int i = 0; i < data.n; i++) {
        if (label[i] != 1 || !present(v, i)) {
          continue;
        }
        boolean inside = false;
        for (int j = 0; j < data.n && !inside; j++) {
          if (label[j] == 0 && present(v, j)) {
            inside = v.numeric ? true : v.codes[j] == v.codes[i];
          }
        }
        if (v.numeric) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < data.n; j++) {
            if (label[j] == 0 && present(v, j)) {
              lo = Math.min(lo, v.values[j]);
              hi = Math.max(hi, v.values[j]);
            }
          }
          inside = !(v.values[i] < lo || v.values[i] > hi);
        }
        flagged[i] |= !inside;
      }
    }
    int rows = 0;
    int count = 0;
    for (int i = 0; i < data.n; i++) {
      if (label[i] == 1) {
        rows++;
        count += flagged[i] ? 1 : 0;
      }
    }
    return rows == 0 ? Double.NaN : (double) count / rows;
  }

  private static boolean present(Pool.Var v, int i) {
    return v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
  }
}
