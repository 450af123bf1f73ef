package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.PairBuckets;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ContingencyState;

/**
 * The pairwise measures of both files from their per-bucket pair states ({@link PairBuckets}): the
 * candidate's buckets {@code 0..count-1}, then the reference's {@code count..2*count-1}. A split of
 * the pooled buckets between the sides (the observed one, or a re-split for a null band) merges
 * each side's states, and the measure is computed by the same function as over held rows ({@link
 * Association#pearson(CoMomentsState)}, {@link Association#contingency(long[], int, int)}, {@link
 * Measures#rareCombinationDeficit(double, double, double, double)}); no row is read again.
 *
 * <p>{@code toCandidate[j]} says where pooled bucket j (the candidate's bucket j and the
 * reference's bucket j) goes; null is the observed split.
 */
public final class BucketPairs {
  private BucketPairs() {}

  private static boolean toCandidate(boolean[] split, int j, int count) {
    return split == null ? j < count : split[j % count];
  }

  /** Co-moments of a numeric pair per pooled bucket. */
  public record Moments(CoMomentsState[] buckets, int count) {
    /** Both files' co-moments of columns a and b, or null when either file kept none. */
    public static Moments of(PairBuckets cand, PairBuckets ref, String a, String b) {
      CoMomentsState[] c = cand.moments(a, b);
      CoMomentsState[] r = ref.moments(a, b);
      if (c == null || r == null) {
        return null;
      }
      CoMomentsState[] all = Arrays.copyOf(c, c.length + r.length);
      System.arraycopy(r, 0, all, c.length, r.length);
      return new Moments(all, c.length);
    }

    /** Pearson r of the candidate side under a split when {@code side}, else the reference's. */
    public double association(boolean[] split, boolean side) {
      CoMomentsState s = CoMomentsState.EMPTY;
      for (int j = 0; j < buckets.length; j++) {
        if (toCandidate(split, j, count) == side) {
          s = s.merge(buckets[j]);
        }
      }
      return Association.pearson(s);
    }

    /**
     * |Pearson r of the candidate side - r of the reference side|, both sides merged in one walk
     * over the buckets, each in the order it has alone.
     */
    public double gap(boolean[] split) {
      CoMomentsState c = CoMomentsState.EMPTY;
      CoMomentsState r = CoMomentsState.EMPTY;
      for (int j = 0; j < buckets.length; j++) {
        if (toCandidate(split, j, count)) {
          c = c.merge(buckets[j]);
        } else {
          r = r.merge(buckets[j]);
        }
      }
      return Math.abs(Association.pearson(c) - Association.pearson(r));
    }
  }

  /**
   * Combination counts of a categorical pair per pooled bucket: combination {@code i} is cell
   * {@code cell[i]} of the {@code ka} by {@code kb} table over the sorted values present in the
   * combinations, which orders the cells as over held rows, so Cramér's V is computed in the same
   * order. A combination's counts are kept sparse, as the pooled buckets holding it ({@code
   * buckets[i]}, ascending) and its count in each ({@code counts[i]}): a rare combination is in a
   * few of the 256 buckets, and a split sums only those (counts are exact, so the sums are the
   * same). {@code pooled[i]} is combination i's count over both files.
   */
  public record Table(
      int ka, int kb, int[] cell, int[][] buckets, long[][] counts, long[] pooled, int count) {
    /** Both files' combination counts of columns a and b, or null when either file has none. */
    public static Table of(PairBuckets cand, PairBuckets ref, String a, String b) {
      SortedMap<ContingencyState.Cell, long[]> c = cand.table(a, b);
      SortedMap<ContingencyState.Cell, long[]> r = ref.table(a, b);
      if (c == null || r == null) {
        return null;
      }
      // Both tables are in CELL_ORDER: one merge walk lists the union of their cells in that
      // order, each with its counts on either side (null where a file lacks it).
      List<ContingencyState.Cell> cells = new ArrayList<>(Math.max(c.size(), r.size()));
      List<long[]> fromC = new ArrayList<>(cells.size());
      List<long[]> fromR = new ArrayList<>(cells.size());
      Iterator<Map.Entry<ContingencyState.Cell, long[]>> ic = c.entrySet().iterator();
      Iterator<Map.Entry<ContingencyState.Cell, long[]>> ir = r.entrySet().iterator();
      Map.Entry<ContingencyState.Cell, long[]> ec = ic.hasNext() ? ic.next() : null;
      Map.Entry<ContingencyState.Cell, long[]> er = ir.hasNext() ? ir.next() : null;
      while (ec != null || er != null) {
        int order =
            ec == null
                ? 1
                : er == null ? -1 : ContingencyState.CELL_ORDER.compare(ec.getKey(), er.getKey());
        cells.add(order <= 0 ? ec.getKey() : er.getKey());
        fromC.add(order <= 0 ? ec.getValue() : null);
        fromR.add(order >= 0 ? er.getValue() : null);
        if (order <= 0) {
          ec = ic.hasNext() ? ic.next() : null;
        }
        if (order >= 0) {
          er = ir.hasNext() ? ir.next() : null;
        }
      }
      String[] la = sortedDistinct(cells, ContingencyState.Cell::left);
      String[] lb = sortedDistinct(cells, ContingencyState.Cell::right);
      int k = Buckets.COUNT;
      int[] cell = new int[cells.size()];
      int[][] buckets = new int[cells.size()][];
      long[][] counts = new long[cells.size()][];
      int[] heldBuckets = new int[2 * k];
      long[] heldCounts = new long[2 * k];
      for (int i = 0; i < cell.length; i++) {
        ContingencyState.Cell x = cells.get(i);
        cell[i] =
            Arrays.binarySearch(la, x.left()) * lb.length + Arrays.binarySearch(lb, x.right());
        int held = keep(fromC.get(i), k, 0, heldBuckets, heldCounts, 0);
        held = keep(fromR.get(i), k, k, heldBuckets, heldCounts, held);
        buckets[i] = Arrays.copyOf(heldBuckets, held);
        counts[i] = Arrays.copyOf(heldCounts, held);
      }
      long[] pooled = new long[cell.length];
      for (int at = 0; at < cell.length; at++) {
        for (long w : counts[at]) {
          pooled[at] += w;
        }
      }
      return new Table(la.length, lb.length, cell, buckets, counts, pooled, k);
    }

    /** The distinct values {@code label} gives the cells, in natural order. */
    private static String[] sortedDistinct(
        List<ContingencyState.Cell> cells, Function<ContingencyState.Cell, String> label) {
      String[] all = new String[cells.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = label.apply(cells.get(i));
      }
      Arrays.sort(all);
      int m = 0;
      for (int i = 0; i < all.length; i++) {
        if (m == 0 || !all[i].equals(all[m - 1])) {
          all[m++] = all[i];
        }
      }
      return Arrays.copyOf(all, m);
    }

    /**
     * Writes the non-zero counts of {@code perBucket} (null: none) from {@code at}, buckets offset
     * by {@code offset}; returns the next free position. Every bucket is written and only the
     * non-zero ones advance the position, so sparse counts cost no mispredicted branch.
     */
    private static int keep(
        long[] perBucket, int k, int offset, int[] buckets, long[] counts, int at) {
      if (perBucket == null) {
        return at;
      }
      for (int j = 0; j < k; j++) {
        buckets[at] = offset + j;
        counts[at] = perBucket[j];
        at += perBucket[j] != 0 ? 1 : 0;
      }
      return at;
    }

    /** One side's table under a split: candidate's when {@code side}, else the reference's. */
    long[] side(boolean[] split, boolean side) {
      return sides(split)[side ? 0 : 1];
    }

    /** Cramér's V of the candidate side under a split when {@code side}, else the reference's. */
    public double association(boolean[] split, boolean side) {
      return Association.contingency(side(split, side), ka, kb)[0];
    }

    /** |Cramér's V of the candidate side - V of the reference side|. */
    public double gap(boolean[] split) {
      long[][] t = sides(split);
      return Math.abs(
          Association.contingency(t[0], ka, kb)[0] - Association.contingency(t[1], ka, kb)[0]);
    }

    /**
     * Both sides' tables under a split, {candidate, reference}, in one walk over the cells: the
     * pooled bucket j of either file goes to the side {@code toCandidate} gives. A cell's candidate
     * count sums its buckets' counts through a mask (all ones for a candidate bucket), and the
     * reference has the rest of its pooled count: counts are exact, so these are the sums over each
     * side's buckets, without a branch on a random split.
     */
    long[][] sides(boolean[] split) {
      long[] mask = new long[2 * count];
      for (int j = 0; j < mask.length; j++) {
        mask[j] = toCandidate(split, j, count) ? -1L : 0L;
      }
      long[] c = new long[ka * kb];
      long[] r = new long[ka * kb];
      for (int i = 0; i < cell.length; i++) {
        int[] at = buckets[i];
        long[] w = counts[i];
        long sc = 0;
        for (int t = 0; t < at.length; t++) {
          sc += w[t] & mask[at[t]];
        }
        c[cell[i]] += sc;
        r[cell[i]] += pooled[i] - sc;
      }
      return new long[][] {c, r};
    }
  }

  /**
   * Per pooled bucket, the rare combinations its rows hold, summed over {@code tables}: a
   * combination is rare when seen in fewer than {@link Measures#RARE_COMBINATION_SHARE} of the
   * {@code pooledRows} rows of both files, as over held rows ({@link
   * Measures#rareCombinationWeights}).
   */
  public static long[] rareWeights(List<Table> tables, long pooledRows) {
    long[] out = null;
    for (Table t : tables) {
      if (out == null) {
        out = new long[2 * t.count()];
      }
      long[] pooled = t.pooled();
      for (int i = 0; i < pooled.length; i++) {
        if (pooled[i] < Measures.RARE_COMBINATION_SHARE * pooledRows) {
          for (int at = 0; at < t.buckets()[i].length; at++) {
            out[t.buckets()[i][at]] += t.counts()[i][at];
          }
        }
      }
    }
    return out;
  }

  /**
   * The rare-combination deficit under a split from the per-bucket weights ({@link #rareWeights})
   * and rows per pooled bucket.
   */
  public static double rareCombinationDeficit(long[] weights, long[] rows, boolean[] split) {
    int count = rows.length / 2;
    double[] sum = new double[2];
    double[] n = new double[2];
    for (int j = 0; j < rows.length; j++) {
      int side = toCandidate(split, j, count) ? 0 : 1;
      sum[side] += weights[j];
      n[side] += rows[j];
    }
    return Measures.rareCombinationDeficit(sum[0], n[0], sum[1], n[1]);
  }
}
