package org.synthos.core.assess.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.pool.Pool;

/**
 * The numeric drift walk evaluates a segment's ECDF gap only next to the runs that count it: the
 * statistic, the segment distances and every shuffle's maximum must equal, to the bit, those of the
 * walk that evaluates every segment at every run end, here on columns with many ties, few ties and
 * missing values.
 */
@Tag("unit")
class TemporalDistancesTest {
  @Test
  void timeOrderIsTheComparatorsOrderOfTimeThenRowNumber() {
    SplittableRandom r = new SplittableRandom(5);
    double[] odd = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + r.nextInt(2_000);
      double[] time = new double[n];
      long[] rowNumbers = new long[n];
      for (int i = 0; i < n; i++) {
        time[i] =
            r.nextInt(8) == 0
                ? odd[r.nextInt(odd.length)]
                : r.nextInt(trial % 2 == 0 ? 20 : 1 << 30);
        rowNumbers[i] = i * 3L + 1;
      }
      int[] idx = IntStream.range(0, n).toArray();
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        long t = rowNumbers[i];
        rowNumbers[i] = rowNumbers[j];
        rowNumbers[j] = t;
      }
      Integer[] boxed = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(
          boxed,
          (a, b) -> {
            double x = Double.isNaN(time[a]) ? Double.POSITIVE_INFINITY : time[a];
            double y = Double.isNaN(time[b]) ? Double.POSITIVE_INFINITY : time[b];
            int c = Double.compare(x, y);
            return c != 0 ? c : Long.compare(rowNumbers[a], rowNumbers[b]);
          });
      assertThat(Temporal.order(idx.clone(), time, rowNumbers))
          .containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
      Integer[] byRow = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(byRow, (a, b) -> Long.compare(rowNumbers[a], rowNumbers[b]));
      assertThat(Temporal.order(idx.clone(), null, rowNumbers))
          .containsExactly(Arrays.stream(byRow).mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void evaluatingNextToEachSegmentsRunsGivesEveryRunEndsMaximum() {
    SplittableRandom data = new SplittableRandom(11);
    for (int trial = 0; trial < 60; trial++) {
      int n = 150 + data.nextInt(3_000);
      int distinct = trial % 3 == 0 ? 3 + data.nextInt(20) : 1_000_000;
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        // Drifting values: later rows a little larger, so segment gaps differ.
        x[i] =
            data.nextInt(10) == 0
                ? Double.NaN
                : Math.floor(data.nextDouble() * distinct) + (trial % 2) * i * 0.001;
      }
      Pool.Var v = Pool.numeric("x", x);
      int[] ordered = IntStream.range(0, n).toArray();
      Temporal.Drift drift = Temporal.drift(v, ordered, 5, new SplittableRandom(trial));
      double[][] expected = everyRunEnd(x, 5, new SplittableRandom(trial));
      assertThat(drift.segmentDistances()).as("trial %d", trial).containsExactly(expected[0]);
      if (!Double.isNaN(drift.statistic())) {
        assertThat(drift.statistic()).isEqualTo(expected[1][0]);
        assertThat(drift.nulls()).containsExactly(Arrays.copyOfRange(expected[1], 1, 6));
      }
    }
  }

  /**
   * {observed segment distances}, {statistic, shuffles' maxima}, every segment at every run end.
   */
  private static double[][] everyRunEnd(double[] x, int replicates, SplittableRandom random) {
    int n = x.length;
    int s = Temporal.SEGMENTS;
    int[] segment = new int[n];
    for (int g = 0; g < s; g++) {
      for (int k = (int) ((long) g * n / s); k < (int) ((long) (g + 1) * n / s); k++) {
        segment[k] = g;
      }
    }
    int[] pos = IntStream.range(0, n).filter(k -> !Double.isNaN(x[k])).toArray();
    int[] sorted =
        Arrays.stream(pos)
            .boxed()
            .sorted((a, b) -> Double.compare(x[a], x[b]))
            .mapToInt(Integer::intValue)
            .toArray();
    int[] seg = new int[sorted.length];
    int[] per = new int[s];
    for (int k = 0; k < sorted.length; k++) {
      seg[k] = segment[sorted[k]];
      per[seg[k]]++;
    }
    boolean[] kept = new boolean[s];
    for (int g = 0; g < s; g++) {
      kept[g] = per[g] >= Temporal.MIN_PRESENT_PER_SEGMENT;
    }
    double[] observed = gaps(x, sorted, seg);
    for (int g = 0; g < s; g++) {
      observed[g] = kept[g] ? observed[g] : 0;
    }
    double[] stats = new double[replicates + 1];
    stats[0] = max(observed, kept);
    int[] shuffled = seg.clone();
    for (int b = 0; b < replicates; b++) {
      Shuffle.inPlace(shuffled, random);
      stats[b + 1] = max(gaps(x, sorted, shuffled), kept);
    }
    return new double[][] {observed, stats};
  }

  private static double[] gaps(double[] x, int[] sorted, int[] seg) {
    int s = Temporal.SEGMENTS;
    double[] size = new double[s];
    for (int g : seg) {
      size[g]++;
    }
    double total = seg.length;
    double[] cum = new double[s];
    double[] out = new double[s];
    double all = 0;
    for (int t = 0; t < sorted.length; t++) {
      cum[seg[t]]++;
      all++;
      if (t + 1 < sorted.length && x[sorted[t + 1]] == x[sorted[t]]) {
        continue;
      }
      for (int g = 0; g < s; g++) {
        double rest = total - size[g];
        if (size[g] > 0 && rest > 0) {
          out[g] = Math.max(out[g], Math.abs(cum[g] / size[g] - (all - cum[g]) / rest));
        }
      }
    }
    return out;
  }

  private static double max(double[] v, boolean[] kept) {
    double m = 0;
    for (int g = 0; g < v.length; g++) {
      if (kept[g]) {
        m = Math.max(m, v[g]);
      }
    }
    return m;
  }
}
