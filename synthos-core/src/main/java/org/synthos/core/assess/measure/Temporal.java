package org.synthos.core.assess.measure;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.synthos.core.assess.pool.IndexSort;
import org.synthos.core.assess.pool.Pool;

/**
 * Drift along time: one dataset's rows, ordered by the time column (or by file row when there is
 * none), are cut into {@value #SEGMENTS} equal segments; the drift statistic of a column is the
 * largest distance (KS statistic, or TVD for categories) between a segment and the rest of the
 * rows. Its null band comes from shuffling the column's present values among the present cells,
 * which destroys any drift while keeping each segment's count of present values (a conditional
 * permutation test): where presence itself follows time, as in a column recorded only in later
 * years, a segment with few values is compared with nulls of equally few values. Segments with
 * fewer than {@value #MIN_PRESENT_PER_SEGMENT} present values are left out of the maximum, observed
 * and null alike, since a KS or TVD over so few values is mostly sampling noise.
 */
public final class Temporal {
  public static final int SEGMENTS = 5;
  public static final int MIN_ROWS_PER_SEGMENT = 10;
  public static final int MIN_PRESENT_PER_SEGMENT = 30;

  /**
   * A column's drift in one dataset; {@code skippedSegments} counts the segments left out for
   * holding fewer than {@link #MIN_PRESENT_PER_SEGMENT} present values, and the statistic is NaN
   * when fewer than two segments remain.
   */
  public record Drift(
      double statistic,
      double[] nulls,
      double[] segmentDistances,
      int[][] segmentRows,
      int skippedSegments) {}

  private Temporal() {}

  /** Pooled indices of one side, in time order (nulls last) or file-row order. */
  public static int[] order(Pool data, Pool.Var time, boolean candidateSide) {
    int from = candidateSide ? 0 : data.nC;
    int to = candidateSide ? data.nC : data.n;
    return order(
        IntStream.range(from, to).toArray(), time == null ? null : time.values, data.rowNumbers);
  }

  /**
   * {@code idx} sorted by (time, row number) as {@link Double#compare} orders times, a missing time
   * with +infinity (last); by row number alone without times. Row numbers are distinct within a
   * side, so sorting by them first and then stably by time gives that order.
   */
  static int[] order(int[] idx, double[] time, long[] rowNumbers) {
    IndexSort.byKey(idx, rowNumbers);
    if (time != null) {
      long[] key = new long[rowNumbers.length];
      for (int i : idx) {
        double x = time[i];
        key[i] = IndexSort.orderedBits(Double.isNaN(x) ? Double.POSITIVE_INFINITY : x);
      }
      IndexSort.byKey(idx, key);
    }
    return idx;
  }

  public static Drift drift(Pool.Var v, int[] ordered, int replicates, SplittableRandom random) {
    int len = ordered.length;
    int[] segment = new int[len];
    int[][] segmentRows = new int[SEGMENTS][];
    for (int s = 0; s < SEGMENTS; s++) {
      int a = (int) ((long) s * len / SEGMENTS);
      int b = (int) ((long) (s + 1) * len / SEGMENTS);
      segmentRows[s] = Arrays.copyOfRange(ordered, a, b);
      for (int k = a; k < b; k++) {
        segment[k] = s;
      }
    }
    // Present cells, sorted by value for numbers; positions refer to the time order.
    int[] pos = presentPositions(v, ordered);
    int[] segmentOfPresent = new int[pos.length];
    int[] presentPerSegment = new int[SEGMENTS];
    for (int k = 0; k < pos.length; k++) {
      segmentOfPresent[k] = segment[pos[k]];
      presentPerSegment[segmentOfPresent[k]]++;
    }
    boolean[] kept = new boolean[SEGMENTS];
    int keptCount = 0;
    for (int s = 0; s < SEGMENTS; s++) {
      kept[s] = presentPerSegment[s] >= MIN_PRESENT_PER_SEGMENT;
      keptCount += kept[s] ? 1 : 0;
    }
    // The present values in the order the distances walk them, gathered once for every replicate.
    Walk walk = Walk.of(v, ordered, pos);
    double[] observed = distances(walk, segmentOfPresent);
    for (int s = 0; s < SEGMENTS; s++) {
      observed[s] = kept[s] ? observed[s] : 0;
    }
    if (keptCount < 2) {
      return new Drift(Double.NaN, new double[0], observed, segmentRows, SEGMENTS - keptCount);
    }
    double stat = max(observed, kept);
    double[] nulls = new double[replicates];
    int[] shuffled = segmentOfPresent.clone();
    for (int b = 0; b < replicates; b++) {
      Shuffle.inPlace(shuffled, random);
      nulls[b] = max(distances(walk, shuffled), kept);
    }
    return new Drift(stat, nulls, observed, segmentRows, SEGMENTS - keptCount);
  }

  /**
   * Raises {@code out[s]} to segment s's ECDF gap at the current counts, for each s in {@code
   * mask}.
   */
  private static void gaps(
      double[] out, int mask, double[] cum, double all, double[] size, double total) {
    for (int s = 0; s < SEGMENTS; s++) {
      if ((mask & (1 << s)) != 0) {
        gap(out, s, cum, all, size, total);
      }
    }
  }

  /** Raises {@code out[s]} to segment s's ECDF gap at the current counts: one segment of gaps. */
  private static void gap(
      double[] out, int s, double[] cum, double all, double[] size, double total) {
    double rest = total - size[s];
    if (size[s] > 0 && rest > 0) {
      out[s] = Math.max(out[s], Math.abs(cum[s] / size[s] - (all - cum[s]) / rest));
    }
  }

  /** Positions of the present cells in time order; for numbers, stably sorted by value. */
  private static int[] presentPositions(Pool.Var v, int[] ordered) {
    int[] p =
        IntStream.range(0, ordered.length)
            .filter(k -> v.numeric ? !Double.isNaN(v.values[ordered[k]]) : v.codes[ordered[k]] >= 0)
            .toArray();
    if (v.numeric) {
      double[] value = new double[ordered.length];
      for (int k : p) {
        value[k] = v.values[ordered[k]];
      }
      IndexSort.byValue(p, value);
    }
    return p;
  }

  /**
   * The present cells in walking order: for numbers, their values sorted and the ends of runs of
   * equal values (the ECDFs are compared only where a run ends); for categories, their codes.
   */
  private record Walk(boolean numeric, int[] runEnds, int[] codes, int categories, int length) {
    static Walk of(Pool.Var v, int[] ordered, int[] pos) {
      int m = pos.length;
      if (!v.numeric) {
        int[] codes = new int[m];
        for (int t = 0; t < m; t++) {
          codes[t] = v.codes[ordered[pos[t]]];
        }
        return new Walk(false, null, codes, v.categories(), m);
      }
      int[] ends = new int[m];
      int runs = 0;
      for (int t = 0; t < m; t++) {
        double x = v.values[ordered[pos[t]]];
        if (t + 1 == m || v.values[ordered[pos[t + 1]]] != x) {
          ends[runs++] = t + 1;
        }
      }
      return new Walk(true, Arrays.copyOf(ends, runs), null, 0, m);
    }
  }

  /**
   * Distance of each segment from the rest; {@code segment[k]} is the segment of the walk's k-th
   * present cell.
   */
  private static double[] distances(Walk w, int[] segment) {
    double[] size = new double[SEGMENTS];
    for (int s : segment) {
      size[s]++;
    }
    double total = w.length();
    double[] out = new double[SEGMENTS];
    if (w.numeric()) {
      // Each segment's gap |cum/size - (all - cum)/rest| is taken at every run end. While a
      // segment's count stays put, its gap moves monotonically with the running total (rounding
      // is monotone too), so its largest value over such a stretch lies at the stretch's first or
      // last run end: a segment is evaluated just before and just after each run that counts it,
      // and every segment at the first and last run ends. The same values enter the maximum.
      double[] cum = new double[SEGMENTS];
      double all = 0;
      int t = 0;
      int[] ends = w.runEnds();
      for (int j = 0; j < ends.length; j++) {
        int end = ends[j];
        if (end == t + 1 && j > 0 && j < ends.length - 1) {
          // A run of one value, the common case: its one segment, just before and just after.
          int s = segment[t];
          gap(out, s, cum, all, size, total);
          cum[s]++;
          all++;
          t++;
          gap(out, s, cum, all, size, total);
          continue;
        }
        int counted = 0;
        for (int k = t; k < end; k++) {
          counted |= 1 << segment[k];
        }
        if (j > 0) {
          gaps(out, counted, cum, all, size, total);
        }
        for (; t < end; t++) {
          cum[segment[t]]++;
          all++;
        }
        gaps(
            out,
            j == 0 || j == ends.length - 1 ? (1 << SEGMENTS) - 1 : counted,
            cum,
            all,
            size,
            total);
      }
    } else {
      int k = w.categories();
      int[] codes = w.codes();
      double[][] counts = new double[SEGMENTS][k];
      double[] totals = new double[k];
      for (int t = 0; t < codes.length; t++) {
        int c = codes[t];
        counts[segment[t]][c]++;
        totals[c]++;
      }
      for (int s = 0; s < SEGMENTS; s++) {
        double rest = total - size[s];
        if (size[s] == 0 || rest == 0) {
          continue;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += Math.abs(counts[s][c] / size[s] - (totals[c] - counts[s][c]) / rest);
        }
        out[s] = 0.5 * sum;
      }
    }
    return out;
  }

  private static double max(double[] v, boolean[] kept) {
    double m = 0;
    for (int s = 0; s < v.length; s++) {
      if (kept[s]) {
        m = Math.max(m, v[s]);
      }
    }
    return m;
  }
}
