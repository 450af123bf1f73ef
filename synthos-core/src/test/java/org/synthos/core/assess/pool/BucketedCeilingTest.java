package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The galloping ceiling search gives what a step-by-step walk gives, for ascending values met from
 * any start: the first grid point at or above the value in {@link Double#compare}'s order, the last
 * when none, signed zeros and infinities included.
 */
@Tag("unit")
class BucketedCeilingTest {
  @Test
  void gallopingMatchesTheWalkForAscendingValues() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 300; trial++) {
      double[] grid = distinctSorted(random, 1 + random.nextInt(trial < 50 ? 8 : 5_000));
      double[] values = new double[1 + random.nextInt(3_000)];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(3) == 0 ? grid[random.nextInt(grid.length)] : draw(random);
      }
      Arrays.sort(values);
      for (int i = 0, walk = 0, gallop = 0; i < values.length; i++) {
        walk = walk(grid, values[i], walk);
        gallop = Bucketed.ceilingFrom(grid, values[i], gallop);
        assertThat(gallop).as("value %s at %d", values[i], i).isEqualTo(walk);
      }
    }
  }

  private static int walk(double[] grid, double x, int from) {
    int p = from;
    while (p < grid.length - 1 && Double.compare(grid[p], x) < 0) {
      p++;
    }
    return p;
  }

  private static double draw(SplittableRandom random) {
    return switch (random.nextInt(20)) {
      case 0 -> -0.0;
      case 1 -> 0.0;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> Double.POSITIVE_INFINITY;
      default -> Math.round(random.nextGaussian() * 1_000) / 10.0;
    };
  }

  private static double[] distinctSorted(SplittableRandom random, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = draw(random);
    }
    Arrays.sort(x);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || Double.compare(x[m - 1], x[i]) != 0) {
        x[m++] = x[i];
      }
    }
    return Arrays.copyOf(x, m);
  }
}
