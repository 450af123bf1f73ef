package org.synthos.core.assess.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synthos.core.assess.pool.Pool;

/**
 * Two-sample measures over a labelling of the pooled rows ({@code cand[i]} true: row i counts as
 * candidate). Each is oriented so that larger means further from the reference, and returns NaN
 * when undefined (an empty side, a constant reference). Definitions:
 *
 * <ul>
 *   <li>KS statistic: sup |F_c - F_r| over the pooled values (scipy {@code ks_2samp} statistic;
 *       SDMetrics KSComplement = 1 - KS).
 *   <li>TVD: 0.5 * sum |p_c - p_r| over categories, nulls excluded (SDMetrics TVComplement = 1 -
 *       TVD).
 *   <li>Missing gap: |share of nulls in candidate - in reference| (SDMetrics MissingValueSimilarity
 *       = 1 - gap).
 *   <li>Spread deficit: max(0, ln(sd_r / sd_c)), the log factor by which the spread shrank, on
 *       values winsorised at the pooled 1% and 99% quantiles.
 *   <li>Entropy deficit: max(0, H_r - H_c) / ln k, Shannon entropy over the k pooled categories.
 *   <li>Tail deficit: max(0, 1 - t_c / t_r) where t is the share of values strictly outside the
 *       pooled 5% and 95% quantiles ({@link #tailRows}, {@link #setDeficit}).
 *   <li>Rare-category deficit: max(0, 1 - m_c / m_r) where m is the mass of the categories that
 *       hold less than 5% of the pooled rows ({@link #rareRows}, {@link #setDeficit}).
 *   <li>Distinct-value deficit: max(0, 1 - (d_c / m_c) / (d_r / m_r)), d distinct values and m
 *       present cells of a side ({@link #distinctDeficit}).
 *   <li>Rare-combination deficit: the same relative loss for pairs of categories (over every pair
 *       of categorical columns) seen in fewer than 1% of the pooled rows.
 *   <li>Pearson gap: |r_c - r_r| (SDMetrics CorrelationSimilarity = 1 - gap / 2).
 *   <li>Cramér's V gap: |V_c - V_r| on the contingency table (numeric columns cut at pooled
 *       quintiles); undefined for tables over a million cells, where near-unique categories make V
 *       meaningless.
 * </ul>
 */
public final class Measures {
  public static final double TAIL_PROBABILITY = 0.05;
  public static final double RARE_SHARE = 0.05;

  private Measures() {}

  /** The KS statistic over a labelling of the pooled rows ({@link Marginals#ks}). */
  public static double ks(Pool.Var v, boolean[] cand) {
    return Marginals.ks(Marginals.sides(v, cand));
  }

  public static double[][] shares(int[] codes, int categories, boolean[] cand) {
    double[][] p = new double[2][categories];
    double[] totals = new double[2];
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] >= 0) {
        int side = cand[i] ? 0 : 1;
        p[side][codes[i]]++;
        totals[side]++;
      }
    }
    if (totals[0] == 0 || totals[1] == 0) {
      return null;
    }
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < categories; c++) {
        p[s][c] /= totals[s];
      }
    }
    return p;
  }

  /** The TVD over a labelling of the pooled rows ({@link Marginals#tvd}). */
  public static double tvd(Pool.Var v, boolean[] cand) {
    return Marginals.tvd(Marginals.sides(v, cand));
  }

  /** Share of pooled values clipped at each end before the spread is compared. */
  public static final double WINSOR_SHARE = 0.01;

  public static double entropy(double[] p) {
    double h = 0;
    for (double x : p) {
      if (x > 0) {
        h -= x * Math.log(x);
      }
    }
    return h;
  }

  /**
   * max(0, 1 - (d_c / m_c) / (d_r / m_r)) with d the distinct values and m the present cells of a
   * side: the relative loss of distinct values per row. Resampling from a fitted or empirical law
   * loses values seen once and never brings them back (a bootstrap keeps about 1 - 1/e of them),
   * which is how repeated generation first loses rare values (Shumailov et al. 2024). Only rows
   * marked in {@code keep} count: the first row of each group of (near-)duplicate rows on a side
   * ({@link #firstOfGroup}), so that repeated rows, a defect of their own, do not pass for lost
   * values.
   */
  public static double distinctDeficit(Pool.Var v, boolean[] keep, boolean[] cand) {
    return distinctDeficit(v, keptSides(keep, cand));
  }

  /**
   * Each row's side among the rows {@code keep} marks: 1 for the candidate, 2 for the reference, 0
   * for a row left out; one read per row where the measure walks the rows in value order.
   */
  public static byte[] keptSides(boolean[] keep, boolean[] cand) {
    byte[] side = new byte[keep.length];
    for (int i = 0; i < side.length; i++) {
      side[i] = (byte) (keep[i] ? (cand[i] ? 1 : 2) : 0);
    }
    return side;
  }

  /** {@link #distinctDeficit(Pool.Var, boolean[], boolean[])} over {@link #keptSides}. */
  public static double distinctDeficit(Pool.Var v, byte[] side) {
    // Indexed by side: slot 0 counts the rows left out and is never read.
    int[] distinct = new int[3];
    int[] present = new int[3];
    if (v.numeric) {
      int[] s = v.sorted;
      double[] sv = v.sortedValues;
      for (int k = 0; k < s.length; ) {
        double x = sv[k];
        // Bit 1: a kept candidate row holds x; bit 2: a kept reference row does.
        int seen = 0;
        for (; k < s.length && sv[k] == x; k++) {
          int t = side[s[k]];
          present[t]++;
          seen |= t;
        }
        distinct[1] += seen & 1;
        distinct[2] += (seen >> 1) & 1;
      }
    } else {
      boolean[][] seen = new boolean[3][v.categories()];
      for (int i = 0; i < v.codes.length; i++) {
        int c = v.codes[i];
        int t = side[i];
        if (c >= 0 && t != 0) {
          present[t]++;
          if (!seen[t][c]) {
            seen[t][c] = true;
            distinct[t]++;
          }
        }
      }
    }
    if (present[1] == 0 || present[2] == 0 || distinct[2] == 0) {
      return Double.NaN;
    }
    double c = (double) distinct[1] / present[1];
    double r = (double) distinct[2] / present[2];
    return Math.max(0, 1 - c / r);
  }

  /** For each row, whether it is the first row of its group among the rows of its side. */
  public static boolean[] firstOfGroup(int[] group, boolean[] cand) {
    boolean[][] seen = new boolean[2][group.length];
    boolean[] keep = new boolean[group.length];
    for (int i = 0; i < group.length; i++) {
      int side = cand[i] ? 0 : 1;
      if (!seen[side][group[i]]) {
        seen[side][group[i]] = true;
        keep[i] = true;
      }
    }
    return keep;
  }

  /** Distinct present values over the pooled rows. */
  public static int pooledDistinct(Pool.Var v) {
    if (!v.numeric) {
      boolean[] seen = new boolean[v.categories()];
      int d = 0;
      for (int c : v.codes) {
        if (c >= 0 && !seen[c]) {
          seen[c] = true;
          d++;
        }
      }
      return d;
    }
    int d = 0;
    for (int k = 0; k < v.sorted.length; k++) {
      if (k == 0 || v.values[v.sorted[k]] != v.values[v.sorted[k - 1]]) {
        d++;
      }
    }
    return d;
  }

  /**
   * max(0, 1 - (x / nc) / ((marked - x) / nr)): the relative loss of marked rows in a side of nc.
   */
  public static double setDeficit(int x, int marked, int nc, int nr) {
    if (nc == 0 || nr == 0 || marked - x <= 0) {
      return marked > 0 && nc > 0 && nr > 0 && x >= marked ? 0 : Double.NaN;
    }
    return Math.max(0, 1 - ((double) x / nc) / ((double) (marked - x) / nr));
  }

  /** Share of the pooled rows below which a pair of categories counts as a rare combination. */
  public static final double RARE_COMBINATION_SHARE = 0.01;

  /**
   * For each row, how many rare category combinations it holds: over every pair of categorical
   * columns, combinations seen in fewer than 1% of the pooled rows. Independent of the labelling.
   */
  public static double[] rareCombinationWeights(List<Pool.Var> categorical, int n) {
    double[] w = new double[n];
    for (int a = 0; a < categorical.size(); a++) {
      for (int b = a + 1; b < categorical.size(); b++) {
        Pool.Var va = categorical.get(a);
        Pool.Var vb = categorical.get(b);
        int kb = vb.categories();
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
          if (va.codes[i] >= 0 && vb.codes[i] >= 0) {
            counts.merge((long) va.codes[i] * kb + vb.codes[i], 1, Integer::sum);
          }
        }
        for (int i = 0; i < n; i++) {
          if (va.codes[i] >= 0 && vb.codes[i] >= 0) {
            int c = counts.get((long) va.codes[i] * kb + vb.codes[i]);
            if (c < RARE_COMBINATION_SHARE * n) {
              w[i]++;
            }
          }
        }
      }
    }
    return w;
  }

  /** max(0, 1 - mean weight of candidate rows / mean weight of reference rows). */
  public static double rareCombinationDeficit(double[] weights, boolean[] cand) {
    double[] sum = new double[2];
    double[] rows = new double[2];
    for (int i = 0; i < weights.length; i++) {
      int side = cand[i] ? 0 : 1;
      sum[side] += weights[i];
      rows[side]++;
    }
    return rareCombinationDeficit(sum[0], rows[0], sum[1], rows[1]);
  }

  /**
   * max(0, 1 - (weightC / rowsC) / (weightR / rowsR)) from each side's summed weights and rows; NaN
   * when a side has no row or the reference no weight.
   */
  public static double rareCombinationDeficit(
      double weightC, double rowsC, double weightR, double rowsR) {
    if (rowsC == 0 || rowsR == 0 || weightR == 0) {
      return Double.NaN;
    }
    return Math.max(0, 1 - (weightC / rowsC) / (weightR / rowsR));
  }

  /**
   * 1 - distinct groups / rows among rows labelled 1: the share of those rows that repeat an
   * earlier one. Labels: 1 candidate, 0 reference, -1 left out.
   */
  public static double repeatShare(int[] group, byte[] label) {
    int[] seen = new int[group.length];
    int rows = 0;
    int distinct = 0;
    for (int i = 0; i < group.length; i++) {
      if (label[i] != 1) {
        continue;
      }
      rows++;
      if (seen[group[i]]++ == 0) {
        distinct++;
      }
    }
    return rows == 0 ? Double.NaN : 1 - (double) distinct / rows;
  }

  /**
   * The labelling with the rows whose code is missing (-1) left out (-1), for {@link #repeatShare}
   * and {@link #copyShare} over one column's values rather than whole rows.
   */
  public static byte[] present(int[] codes, byte[] label) {
    byte[] l = label.clone();
    for (int i = 0; i < l.length; i++) {
      if (codes[i] < 0) {
        l[i] = -1;
      }
    }
    return l;
  }

  /** Share of rows labelled 1 identical (on every compared column) to some row labelled 0. */
  public static double copyShare(int[] group, byte[] label) {
    boolean[] inReference = new boolean[group.length];
    int nc = 0;
    for (int i = 0; i < group.length; i++) {
      if (label[i] == 0) {
        inReference[group[i]] = true;
      } else if (label[i] == 1) {
        nc++;
      }
    }
    if (nc == 0) {
      return Double.NaN;
    }
    int copies = 0;
    for (int i = 0; i < group.length; i++) {
      if (label[i] == 1 && inReference[group[i]]) {
        copies++;
      }
    }
    return (double) copies / nc;
  }
}
