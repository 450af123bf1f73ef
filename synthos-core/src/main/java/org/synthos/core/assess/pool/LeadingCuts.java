package org.synthos.core.assess.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.SideTask;

/**
 * Quintile cut points of the numeric columns, fixed before the pass from the leading rows of both
 * files, so that the pass can count each number's pairs with categories by bin over every row
 * ({@link PairBuckets}). The measure over held rows codes a number by the pooled quintiles of the
 * held rows, which over every row are known only after the pass; the leading rows stand in for
 * them.
 *
 * <p>The cuts are those {@link Pool} takes from its pooled values: of the present values of the
 * first {@value #ROWS} rows of both files, sorted, the values at ranks floor(b m / 5) for b = 1..4
 * (m values), without repeats. Leading rows of a file sorted by the number, or by something it
 * follows, give cuts far from the quintiles of the whole file; {@link #agree} tells the judge to
 * keep the held rows then.
 */
public final class LeadingCuts {
  /** Leading rows read from each file. */
  public static final int ROWS = 1 << 13;

  /**
   * How far a cut may sit from the held rows' quintile of the same rank, as a share of the held
   * values between them (2.5 points: an eighth of a quintile bin).
   */
  public static final double RANK_TOLERANCE = 0.025;

  static final int BINS = 5;

  private LeadingCuts() {}

  /**
   * The cuts of the compared numeric columns when both files may hold more rows than are held
   * ({@code maxRows}) and at least one compared column is categorical, else none; the columns are
   * the compared ones of each file, in the same order.
   */
  public static Map<String, double[]> of(
      DatasetSource cand, int[] candColumns, DatasetSource ref, int[] refColumns, int maxRows) {
    if (!mayHoldMore(cand, maxRows) && !mayHoldMore(ref, maxRows)) {
      return Map.of();
    }
    List<Integer> numbers = new ArrayList<>();
    boolean categories = false;
    for (int k = 0; k < candColumns.length; k++) {
      ColumnType c = cand.schema().field(candColumns[k]).type();
      ColumnType r = ref.schema().field(refColumns[k]).type();
      if (c.isNumeric() && r.isNumeric()) {
        numbers.add(k);
      } else if (Buckets.kept(c) && Buckets.kept(r)) {
        categories = true;
      }
    }
    if (numbers.isEmpty() || !categories) {
      return Map.of();
    }
    int[] picked = numbers.stream().mapToInt(Integer::intValue).toArray();
    // The reference's leading rows are read beside the candidate's; the candidate's failure wins.
    SideTask<double[][]> refRead =
        SideTask.start(() -> leading(ref, select(refColumns, picked)), "synthos-leading-rows");
    double[][] fromCand;
    try {
      fromCand = leading(cand, select(candColumns, picked));
    } catch (RuntimeException | Error e) {
      refRead.joinQuietly();
      throw e;
    }
    double[][] fromRef = refRead.join();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int j = 0; j < picked.length; j++) {
      double[] pooled = Arrays.copyOf(fromCand[j], fromCand[j].length + fromRef[j].length);
      System.arraycopy(fromRef[j], 0, pooled, fromCand[j].length, fromRef[j].length);
      if (pooled.length > 0) {
        Arrays.sort(pooled);
        out.put(cand.schema().field(candColumns[picked[j]]).name(), cuts(pooled));
      }
    }
    return out;
  }

  /**
   * Whether a file may hold more than {@code maxRows} rows: a text file of b bytes and k columns
   * holds at most b / k rows (a delimiter or line end per cell); a file of unknown size, or one
   * compressed, may hold any number.
   */
  static boolean mayHoldMore(DatasetSource source, int maxRows) {
    return source.sizeBytes() < 0
        || source.sizeBytes() / Math.max(1, source.schema().size()) > maxRows;
  }

  /** The cuts of ascending values ({@link #cuts(int, IntToDoubleFunction)}). */
  static double[] cuts(double[] sorted) {
    return cuts(sorted.length, k -> sorted[k]);
  }

  /**
   * The quintile cuts of {@code m > 0} values, the k-th smallest being {@code ascending(k)}: those
   * at ranks floor(b m / 5), b = 1..4, without repeats. The one cutting rule, for the held rows
   * ({@link Pool}) as for the leading rows.
   */
  static double[] cuts(int m, IntToDoubleFunction ascending) {
    double[] edges = new double[BINS - 1];
    for (int b = 1; b < BINS; b++) {
      edges[b - 1] = ascending.applyAsDouble((int) Math.min(m - 1, (long) b * m / BINS));
    }
    return Arrays.stream(edges).distinct().toArray();
  }

  /** A present value's bin: how many cuts lie at or below it. */
  static int bin(double x, double[] cuts) {
    int b = 0;
    while (b < cuts.length && x >= cuts[b]) {
      b++;
    }
    return b;
  }

  /**
   * Whether {@code cuts} bin the held values of {@code v} as its own quintiles do: as many distinct
   * cuts, each within {@link #RANK_TOLERANCE} of the held values of the held cut of the same rank
   * (counting the held values below each), or next to it among the held values (no held value
   * strictly between them). The second allows for ties: where a quintile falls at the edge of a run
   * of equal values (a count, a rating), a sample of the rows may put the cut on either side of the
   * run, and either side is a quintile cut of the tied values.
   */
  public static boolean agree(double[] cuts, Pool.Var v) {
    double[] sorted = v.sortedValues;
    if (cuts == null || sorted == null || sorted.length == 0) {
      return false;
    }
    double[] held = cuts(sorted);
    if (held.length != cuts.length) {
      return false;
    }
    for (int b = 0; b < cuts.length; b++) {
      int at = below(sorted, cuts[b]);
      int want = below(sorted, held[b]);
      if (Math.abs(at - want) > RANK_TOLERANCE * sorted.length
          && !adjacent(sorted, Math.min(cuts[b], held[b]), Math.max(cuts[b], held[b]))) {
        return false;
      }
    }
    return true;
  }

  /** Whether no ascending value lies strictly between lo and hi. */
  private static boolean adjacent(double[] sorted, double lo, double hi) {
    int first = below(sorted, hi);
    return first == 0 || !(sorted[first - 1] > lo);
  }

  /** How many of the ascending values lie below x. */
  private static int below(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int[] select(int[] columns, int[] picked) {
    int[] out = new int[picked.length];
    for (int j = 0; j < picked.length; j++) {
      out[j] = columns[picked[j]];
    }
    return out;
  }

  /** The present values of the numeric columns in the first {@link #ROWS} rows of a file. */
  private static double[][] leading(DatasetSource source, int[] columns) {
    double[][] out = new double[columns.length][ROWS];
    int[] size = new int[columns.length];
    Iterator<ColumnBatch> it = source.batches().get();
    try {
      int rows = 0;
      while (rows < ROWS && it.hasNext()) {
        ColumnBatch batch = it.next();
        int n = Math.min(batch.rowCount(), ROWS - rows);
        for (int j = 0; j < columns.length; j++) {
          for (double x : PairBuckets.Accumulator.values(batch.column(columns[j]), n)) {
            if (!Double.isNaN(x)) {
              out[j][size[j]++] = x;
            }
          }
        }
        rows += n;
      }
    } finally {
      if (it instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // Only the leading rows were wanted; a failure to release the reader changes nothing
          // read.
        }
      }
    }
    for (int j = 0; j < columns.length; j++) {
      out[j] = Arrays.copyOf(out[j], size[j]);
    }
    return out;
  }
}
