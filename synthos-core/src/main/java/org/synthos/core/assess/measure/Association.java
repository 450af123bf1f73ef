package org.synthos.core.assess.measure;

import java.util.Arrays;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.state.CoMomentsState;

/**
 * Association of two columns on one side of a labelling: Pearson r for two numbers, Cramér's V
 * (from Pearson's chi-square over the contingency table) otherwise, numbers then coded by the
 * pooled quintiles. The gap folds both sides in one pass over the rows.
 */
public final class Association {
  /** Contingency tables above this many cells (near-unique categories) are not formed. */
  public static final long MAX_TABLE_CELLS = 1_000_000;

  private Association() {}

  /**
   * Whether a contingency table of columns with {@code ka} and {@code kb} pooled categories is
   * formed: each has two, and the table at most {@link #MAX_TABLE_CELLS} cells.
   */
  public static boolean formed(int ka, int kb) {
    return ka >= 2 && kb >= 2 && (long) ka * kb <= MAX_TABLE_CELLS;
  }

  /** Pearson correlation of two numeric columns on one side's rows where both are present. */
  public static double pearson(Pool.Var a, Pool.Var b, boolean[] cand, boolean side) {
    return pearson(a, b, null, cand, side);
  }

  /**
   * Pearson r over the rows of {@code rows} (every row when null) on one side where both columns
   * are present.
   */
  public static double pearson(Pool.Var a, Pool.Var b, int[] rows, boolean[] cand, boolean side) {
    PearsonSums sums = new PearsonSums();
    int size = rows == null ? cand.length : rows.length;
    for (int k = 0; k < size; k++) {
      int i = rows == null ? k : rows[k];
      if (cand[i] != side) {
        continue;
      }
      double x = a.values[i];
      double y = b.values[i];
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      sums.add(x, y);
    }
    return sums.r();
  }

  /**
   * {@link #pearson(Pool.Var, Pool.Var, int[], boolean[], boolean)} of both sides in one pass:
   * {candidate side, reference side}. Each side adds its rows in the same order as alone, so the
   * values are the same to the bit.
   */
  public static double[] pearsonBoth(Pool.Var a, Pool.Var b, int[] rows, boolean[] cand) {
    PearsonSums c = new PearsonSums();
    PearsonSums r = new PearsonSums();
    int size = rows == null ? cand.length : rows.length;
    for (int k = 0; k < size; k++) {
      int i = rows == null ? k : rows[k];
      double x = a.values[i];
      double y = b.values[i];
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      (cand[i] ? c : r).add(x, y);
    }
    return new double[] {c.r(), r.r()};
  }

  /**
   * {@link #contingency(Pool.Var, Pool.Var, int[], boolean[], boolean)} of both sides in one pass:
   * {candidate side, reference side}, or null when no table can be formed.
   */
  public static double[][] contingencyBoth(Pool.Var a, Pool.Var b, int[] rows, boolean[] cand) {
    int ka = a.categories();
    int kb = b.categories();
    if (!formed(ka, kb)) {
      return null;
    }
    // Both sides' counts in one array, the reference's after the candidate's: the label picks an
    // offset instead of a branch, which a random labelling would mispredict half the time.
    int cells = ka * kb;
    long[] counts = new long[2 * cells];
    int[] ca = a.codes;
    int[] cb = b.codes;
    int size = rows == null ? cand.length : rows.length;
    for (int k = 0; k < size; k++) {
      int i = rows == null ? k : rows[k];
      int x = ca[i];
      int y = cb[i];
      if (x >= 0 && y >= 0) {
        counts[(cand[i] ? 0 : cells) + x * kb + y]++;
      }
    }
    return new double[][] {
      contingency(Arrays.copyOfRange(counts, 0, cells), ka, kb),
      contingency(Arrays.copyOfRange(counts, cells, 2 * cells), ka, kb)
    };
  }

  /**
   * Two coded columns' contingency cell of every pooled row, worked out once for all labellings,
   * with each cell's count over all rows: a labelling then counts only its candidate rows, and the
   * reference's table is the rest. The tables are the whole numbers {@link #contingencyBoth} counts
   * row by row, so the values are the same, at the cost of the candidate rows instead of every row
   * (with no branch on the label, which a random labelling mispredicts half the time).
   */
  public static final class PairCells {
    private final int ka;
    private final int kb;

    /** Each row's cell, {@code a kb + b}; {@code ka kb} for a row missing either code. */
    private final int[] cellOf;

    private final long[] total;

    private PairCells(int ka, int kb, int[] cellOf, long[] total) {
      this.ka = ka;
      this.kb = kb;
      this.cellOf = cellOf;
      this.total = total;
    }

    /** The cells of {@code a} against {@code b}, or null when no table is formed. */
    public static PairCells of(Pool.Var a, Pool.Var b) {
      int ka = a.categories();
      int kb = b.categories();
      if (!formed(ka, kb)) {
        return null;
      }
      int cells = ka * kb;
      int[] ca = a.codes;
      int[] cb = b.codes;
      int[] cellOf = new int[ca.length];
      long[] total = new long[cells + 1];
      for (int i = 0; i < ca.length; i++) {
        int x = ca[i];
        int y = cb[i];
        int cell = x >= 0 && y >= 0 ? x * kb + y : cells;
        cellOf[i] = cell;
        total[cell]++;
      }
      return new PairCells(ka, kb, cellOf, total);
    }

    /**
     * {@link #contingency(long[], int, int)} of both sides, {candidate, reference}, where {@code
     * candidates} lists the candidate rows of the labelling (every other pooled row is the
     * reference's).
     */
    public double[][] contingencyBoth(int[] candidates) {
      int cells = ka * kb;
      long[] c = new long[cells + 1];
      int[] of = cellOf;
      for (int i : candidates) {
        c[of[i]]++;
      }
      long[] r = new long[cells];
      for (int t = 0; t < cells; t++) {
        r[t] = total[t] - c[t];
      }
      return new double[][] {contingency(Arrays.copyOf(c, cells), ka, kb), contingency(r, ka, kb)};
    }

    /** |Cramér's V of the candidate - V of the reference| ({@link #associationGap}). */
    public double gap(int[] candidates) {
      double[][] t = contingencyBoth(candidates);
      return Math.abs(t[0][0] - t[1][0]);
    }
  }

  /** Cramér's V of two coded columns on one side's rows where both are present. */
  public static double cramersV(Pool.Var a, Pool.Var b, boolean[] cand, boolean side) {
    return contingency(a, b, null, cand, side)[0];
  }

  /**
   * Cramér's V, Pearson's chi-square, its degrees of freedom, the count and the categories present
   * of each column, for two coded columns over {@code rows} (every row when null) on one side where
   * both are present; NaNs when undefined.
   */
  public static double[] contingency(
      Pool.Var a, Pool.Var b, int[] rows, boolean[] cand, boolean side) {
    Table t = Table.of(a, b);
    if (t == null) {
      return Table.UNDEFINED.clone();
    }
    int size = rows == null ? cand.length : rows.length;
    for (int k = 0; k < size; k++) {
      int i = rows == null ? k : rows[k];
      if (cand[i] == side) {
        t.add(a.codes[i], b.codes[i]);
      }
    }
    return t.finish();
  }

  /** One side's contingency table of two coded columns, rows with a null code left out. */
  private static final class Table {
    static final double[] UNDEFINED = {
      Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN
    };
    final int ka;
    final int kb;
    final long[] table;

    private Table(int ka, int kb) {
      this.ka = ka;
      this.kb = kb;
      this.table = new long[ka * kb];
    }

    /** Null when a column has fewer than two categories or the table would be too large. */
    static Table of(Pool.Var a, Pool.Var b) {
      return formed(a.categories(), b.categories())
          ? new Table(a.categories(), b.categories())
          : null;
    }

    void add(int x, int y) {
      if (x < 0 || y < 0) {
        return;
      }
      table[x * kb + y]++;
    }

    double[] finish() {
      return Association.contingency(table, ka, kb);
    }
  }

  /**
   * Cramér's V, Pearson's chi-square, its degrees of freedom, the count and the categories present
   * of each column, from the counts of a {@code ka} by {@code kb} table (row-major); NaNs when
   * undefined (fewer than three rows).
   */
  public static double[] contingency(long[] table, int ka, int kb) {
    long n = 0;
    for (long c : table) {
      n += c;
    }
    if (n < 3) {
      return Table.UNDEFINED.clone();
    }
    // Margins from the cells, summed as whole numbers (no add waits on a floating-point one); a
    // double holds each exactly, so the expected counts below are those of double margins.
    long[] ra = new long[ka];
    long[] rb = new long[kb];
    for (int i = 0; i < ka; i++) {
      long sum = 0;
      for (int j = 0; j < kb; j++) {
        long c = table[i * kb + j];
        sum += c;
        rb[j] += c;
      }
      ra[i] = sum;
    }
    int usedA = 0;
    int usedB = 0;
    for (long x : ra) {
      usedA += x > 0 ? 1 : 0;
    }
    for (long x : rb) {
      usedB += x > 0 ? 1 : 0;
    }
    int k = Math.min(usedA, usedB);
    if (k < 2) {
      return new double[] {0, 0, 0, n, usedA, usedB};
    }
    double chi2 = 0;
    for (int i = 0; i < ka; i++) {
      if (ra[i] == 0) {
        continue;
      }
      for (int j = 0; j < kb; j++) {
        if (rb[j] == 0) {
          continue;
        }
        double e = (double) ra[i] * rb[j] / n;
        double d = table[i * kb + j] - e;
        chi2 += d * d / e;
      }
    }
    return new double[] {
      Math.sqrt(chi2 / ((double) n * (k - 1))),
      chi2,
      (double) (usedA - 1) * (usedB - 1),
      n,
      usedA,
      usedB
    };
  }

  /** Association on one side: Pearson r for two numeric columns, Cramér's V otherwise. */
  public static double association(Pool.Var a, Pool.Var b, boolean[] cand, boolean side) {
    return association(a, b, null, cand, side);
  }

  /** As above over {@code rows} only (every row when null). */
  public static double association(
      Pool.Var a, Pool.Var b, int[] rows, boolean[] cand, boolean side) {
    return a.numeric && b.numeric
        ? pearson(a, b, rows, cand, side)
        : contingency(a, b, rows, cand, side)[0];
  }

  /**
   * {@link #association(Pool.Var, Pool.Var, boolean[], boolean)} of both sides in one pass over the
   * rows, {candidate, reference}: each side's sums in the same order as alone, so the same values.
   */
  public static double[] associationBoth(Pool.Var a, Pool.Var b, boolean[] cand) {
    if (a.numeric && b.numeric) {
      return pearsonBoth(a, b, null, cand);
    }
    double[][] t = contingencyBoth(a, b, null, cand);
    return t == null ? new double[] {Double.NaN, Double.NaN} : new double[] {t[0][0], t[1][0]};
  }

  /**
   * |association of the candidate side - association of the reference side|, both sides folded in
   * one pass over the rows (each side's sums in the same order as {@link #association}, so the
   * values are the same).
   */
  public static double associationGap(Pool.Var a, Pool.Var b, boolean[] cand) {
    if (a.numeric && b.numeric) {
      PearsonSums c = new PearsonSums();
      PearsonSums r = new PearsonSums();
      double[] x = a.values;
      double[] y = b.values;
      for (int i = 0; i < cand.length; i++) {
        double xi = x[i];
        double yi = y[i];
        if (Double.isNaN(xi) || Double.isNaN(yi)) {
          continue;
        }
        (cand[i] ? c : r).add(xi, yi);
      }
      return Math.abs(c.r() - r.r());
    }
    double[][] t = contingencyBoth(a, b, null, cand);
    return t == null ? Double.NaN : Math.abs(t[0][0] - t[1][0]);
  }

  /**
   * Pearson r from co-moments: NaN with fewer than three rows or a constant column ({@link
   * CoMomentsState#pearson}).
   */
  public static double pearson(CoMomentsState s) {
    return s.count() < 3 ? Double.NaN : s.pearson().orElse(Double.NaN);
  }

  /**
   * One side's co-moments, a row at a time ({@link CoMomentsState#add}): the same arithmetic as the
   * pass's per-bucket co-moments, so r over the held rows and r from the states of the same rows
   * agree to rounding.
   */
  private static final class PearsonSums {
    final double[] s = new double[6];

    void add(double x, double y) {
      CoMomentsState.add(s, x, y);
    }

    double r() {
      return pearson(CoMomentsState.of(s));
    }
  }
}
