package org.synthos.core.assess.measure;

import java.util.Arrays;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Pool;

/**
 * The one implementation of the marginal measures of a column, each a function of the two sides'
 * histograms over the same cells ({@link Sides}): from a split of bucketed states ({@link
 * #sides(Bucketed, boolean[])}) or from a labelling of held rows ({@link #sides(Pool.Var,
 * boolean[])}), which give the same histograms for the same rows. Definitions in {@link Measures}.
 */
public final class Marginals {
  private Marginals() {}

  /**
   * One column's two sides: present values per cell, null and total rows per side; {@code grid} the
   * cells' values for numbers, null for categories. Cells hold counts, whole numbers, unless a
   * bucket's values were sampled, when they hold the sample's estimate of the counts.
   */
  public record Sides(
      double[] grid,
      double[] cand,
      double[] ref,
      long nullsC,
      long rowsC,
      long nullsR,
      long rowsR) {
    long presentC() {
      return rowsC - nullsC;
    }

    long presentR() {
      return rowsR - nullsR;
    }
  }

  /**
   * The sides of a split of the buckets: {@code toCandidate[j]} for pooled bucket j (the
   * candidate's bucket j and the reference's bucket j) says which side both go to; null for the
   * observed split (candidate buckets to the candidate).
   */
  public static Sides sides(Bucketed col, boolean[] toCandidate) {
    double[] c = new double[col.cells];
    double[] r = new double[col.cells];
    long[] n = new long[4];
    for (int j = 0; j < 2 * col.count; j++) {
      boolean fromCandidate = j < col.count;
      boolean cand = toCandidate == null ? fromCandidate : toCandidate[j % col.count];
      double[] h = cand ? c : r;
      int[] cells = col.cell[j];
      double[] w = col.weight[j];
      for (int i = 0; i < cells.length; i++) {
        h[cells[i]] += w[i];
      }
      n[cand ? 0 : 2] += col.nulls[j];
      n[cand ? 1 : 3] += col.rows[j];
    }
    return new Sides(col.grid, c, r, n[0], n[1], n[2], n[3]);
  }

  /** The sides of a labelling of the pooled rows ({@code cand[i]}: row i plays the candidate). */
  public static Sides sides(Pool.Var v, boolean[] cand) {
    long[] n = new long[4];
    for (int i = 0; i < cand.length; i++) {
      boolean present = v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
      n[cand[i] ? 0 : 2] += present ? 0 : 1;
      n[cand[i] ? 1 : 3]++;
    }
    if (!v.numeric) {
      double[] c = new double[v.categories()];
      double[] r = new double[v.categories()];
      for (int i = 0; i < cand.length; i++) {
        if (v.codes[i] >= 0) {
          (cand[i] ? c : r)[v.codes[i]]++;
        }
      }
      return new Sides(null, c, r, n[0], n[1], n[2], n[3]);
    }
    double[] sv = v.sortedValues;
    double[] grid = new double[sv.length];
    double[] c = new double[sv.length];
    double[] r = new double[sv.length];
    int m = 0;
    for (int k = 0; k < sv.length; k++) {
      if (m == 0 || grid[m - 1] != sv[k]) {
        grid[m++] = sv[k];
      }
      (cand[v.sorted[k]] ? c : r)[m - 1]++;
    }
    return new Sides(
        Arrays.copyOf(grid, m), Arrays.copyOf(c, m), Arrays.copyOf(r, m), n[0], n[1], n[2], n[3]);
  }

  /** sup |F_c - F_r| over the cells; NaN when a side has no value. */
  public static double ks(Sides s) {
    if (!bothPresent(s)) {
      return Double.NaN;
    }
    long nc = s.presentC();
    long nr = s.presentR();
    double d = 0;
    double cc = 0;
    double cr = 0;
    for (int i = 0; i < s.cand.length; i++) {
      cc += s.cand[i];
      cr += s.ref[i];
      d = Math.max(d, Math.abs(cc / nc - cr / nr));
    }
    return d;
  }

  /** 0.5 * sum |p_c - p_r| over the cells, nulls excluded; NaN when a side has no value. */
  public static double tvd(Sides s) {
    if (!bothPresent(s)) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < s.cand.length; i++) {
      sum += Math.abs(s.cand[i] / s.presentC() - s.ref[i] / s.presentR());
    }
    return 0.5 * sum;
  }

  private static boolean bothPresent(Sides s) {
    return s.presentC() > 0 && s.presentR() > 0;
  }

  /** |share of nulls in candidate - in reference|; NaN when a side has no row. */
  public static double missingGap(Sides s) {
    if (s.rowsC == 0 || s.rowsR == 0) {
      return Double.NaN;
    }
    return Math.abs((double) s.nullsC / s.rowsC - (double) s.nullsR / s.rowsR);
  }

  /** max(0, H_r - H_c) / ln k, k the cells seen on either side; NaN below two cells. */
  public static double entropyDeficit(Sides s) {
    return Math.max(0, entropyGap(s));
  }

  /** (H_r - H_c) / ln k, the signed gap of {@link #entropyDeficit}. */
  public static double entropyGap(Sides s) {
    long nc = s.presentC();
    long nr = s.presentR();
    int k = 0;
    for (int i = 0; i < s.cand.length; i++) {
      k += s.cand[i] + s.ref[i] > 0 ? 1 : 0;
    }
    if (nc == 0 || nr == 0 || k < 2) {
      return Double.NaN;
    }
    return (entropy(s.ref, nr) - entropy(s.cand, nc)) / Math.log(k);
  }

  private static double entropy(double[] counts, long total) {
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = counts[i] / total;
    }
    return Measures.entropy(p);
  }

  /**
   * max(0, ln(sd_r / sd_c)) on the values winsorised at the pooled 1% and 99% quantiles (the values
   * at sorted positions floor(0.01 (m - 1)) and ceil(0.99 (m - 1)) of the m pooled values), capped
   * at ln 100; NaN without spread in the reference.
   */
  public static double spreadDeficit(Sides s) {
    return Math.max(0, spreadLogRatio(s));
  }

  /** min(ln 100, ln(sd_r / max(sd_c, sd_r / 100))), the signed gap of {@link #spreadDeficit}. */
  public static double spreadLogRatio(Sides s) {
    long m = s.presentC() + s.presentR();
    if (m == 0) {
      return Double.NaN;
    }
    double lo = s.grid[cellAt(s, (long) Math.floor(Measures.WINSOR_SHARE * (m - 1)))];
    double hi = s.grid[cellAt(s, (long) Math.ceil((1 - Measures.WINSOR_SHARE) * (m - 1)))];
    double sr = sd(s.grid, s.ref, lo, hi);
    double sc = sd(s.grid, s.cand, lo, hi);
    if (!(sr > 0) || Double.isNaN(sc)) {
      return Double.NaN;
    }
    return Math.min(Math.log(100), Math.log(sr / Math.max(sc, sr / 100)));
  }

  /** The cell holding the pooled value at zero-based sorted position {@code position}. */
  private static int cellAt(Sides s, long position) {
    double running = 0;
    for (int i = 0; i < s.cand.length; i++) {
      running += s.cand[i] + s.ref[i];
      if (running > position) {
        return i;
      }
    }
    return s.cand.length - 1;
  }

  /** Sample standard deviation of the counted values clipped to [lo, hi]; NaN below two. */
  private static double sd(double[] grid, double[] counts, double lo, double hi) {
    double n = 0;
    double shift = Double.NaN;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      double x = Math.max(lo, Math.min(hi, grid[i]));
      if (Double.isNaN(shift)) {
        shift = x;
      }
      double d = x - shift;
      sum += counts[i] * d;
      sq += counts[i] * d * d;
      n += counts[i];
    }
    if (n < 2) {
      return Double.NaN;
    }
    return Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1)));
  }

  /**
   * The rows strictly outside the pooled 5% and 95% quantiles (sorted positions round(0.05 (m - 1))
   * and round(0.95 (m - 1))) as {candidate's, both sides', candidate present, reference present};
   * estimated counts of sampled buckets are rounded to whole rows.
   */
  public static long[] tailCounts(Sides s) {
    long m = s.presentC() + s.presentR();
    if (m == 0) {
      return new long[] {0, 0, s.presentC(), s.presentR()};
    }
    int lo = cellAt(s, Math.round(Measures.TAIL_PROBABILITY * (m - 1)));
    int hi = cellAt(s, Math.round((1 - Measures.TAIL_PROBABILITY) * (m - 1)));
    double mc = 0;
    double total = 0;
    for (int i = 0; i < s.cand.length; i++) {
      if (i < lo || i > hi) {
        mc += s.cand[i];
        total += s.cand[i] + s.ref[i];
      }
    }
    return new long[] {Math.round(mc), Math.round(total), s.presentC(), s.presentR()};
  }

  /**
   * The rows holding a category seen in fewer than 5% of the pooled present values, as
   * {candidate's, both sides', candidate present, reference present}.
   */
  public static long[] rareCounts(Sides s) {
    long m = s.presentC() + s.presentR();
    double mc = 0;
    double total = 0;
    for (int i = 0; i < s.cand.length; i++) {
      double pooled = s.cand[i] + s.ref[i];
      if (pooled > 0 && pooled < Measures.RARE_SHARE * m) {
        mc += s.cand[i];
        total += pooled;
      }
    }
    return new long[] {Math.round(mc), Math.round(total), s.presentC(), s.presentR()};
  }
}
