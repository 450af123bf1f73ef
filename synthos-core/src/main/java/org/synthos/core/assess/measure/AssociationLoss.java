package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.synthos.core.assess.pool.IndexSort;
import org.synthos.core.assess.pool.Pool;

/**
 * How much of the association between columns the candidate lost, overall and inside segments.
 *
 * <p>The pairs measured are chosen from the pooled rows with the labels ignored, so the choice is
 * the same for the observed labelling and for every re-split, and the permutation null stays valid:
 * a pair counts when its pooled association is beyond chance at 3 standard errors (Pearson r by
 * Fisher's z, |atanh r| sqrt(m - 3) >= 3; Cramér's V by Pearson's chi-square against its degrees of
 * freedom, through the Wilson-Hilferty cube-root normal approximation, Wilson and Hilferty 1931,
 * and only when the table has at least five rows per cell, Cochran 1954). The association a is
 * Pearson's r of two numeric columns and otherwise Cramér's V with Bergsma's bias correction
 * (Bergsma 2013, J. Korean Stat. Soc. 42), which is near 0 for independent columns at any sample
 * size where plain V is not.
 *
 * <p>Pooled: {@code loss = max(0, 1 - sum_P |a_c| / sum_P |a_r|)} over the chosen pairs P, 0 when
 * the candidate keeps its associations and 1 when it has none. It catches columns broken apart over
 * all rows.
 *
 * <p>Inside segments: a break confined to one category's rows leaves pooled associations and every
 * marginal almost unchanged. For each category of a segmenting column (at least {@link
 * #MIN_SEGMENT_ROWS} rows and {@link #MIN_SEGMENT_SHARE} of them), pairs are chosen within its
 * rows, numbers replaced by their ranks there ({@link #restrict}), and the statistic is {@code
 * sum_P w_P (d_P - mean_P)} with {@code d_P = |a_r| - |a_c|} and {@code w_P = a_pooled / var_P}
 * over the re-splits ({@link #combine}). The caller standardises each category's statistic by its
 * re-split band and judges the largest against the same maximum over re-splits (max-T, Westfall and
 * Young 1993, Resampling-Based Multiple Testing).
 */
public final class AssociationLoss {
  public static final double SIGNIFICANCE_Z = 3;

  /** Segments smaller than this many pooled rows are too noisy to judge alone. */
  public static final int MIN_SEGMENT_ROWS = 100;

  /**
   * Segments are the categories holding at least this share of the rows: a defect confined to a
   * smaller group moves too few rows to matter, and every further segment widens the null maximum.
   */
  public static final double MIN_SEGMENT_SHARE = 0.05;

  /** Larger segments are judged on a fixed random subset of this many pooled rows. */
  public static final int MAX_SEGMENT_ROWS = 5_000;

  public static final int MAX_SEGMENT_CATEGORIES = 100;
  public static final int MAX_SEGMENT_COLUMNS = 3;

  public static final int MIN_ROWS_PER_CELL = 5;

  /** The most strongly associated pairs kept per set of rows, which bounds the cost. */
  public static final int MAX_PAIRS = 60;

  private AssociationLoss() {}

  /** Two columns and their pooled association over the rows they were chosen on. */
  public record Pair(Pool.Var a, Pool.Var b, double pooled) {}

  /**
   * A category's rows (pooled row indices) and the pairs associated within them, over columns
   * restricted to those rows ({@link #restrict}): position k of a restricted column is row {@code
   * rows[k]}.
   */
  public record Segment(String category, int[] rows, List<Pair> pairs, Cells[] cells) {
    /**
     * A segment whose categorical pairs' contingency cells are worked out once ({@link Cells}), so
     * a labelling only counts; other pairs get null.
     */
    Segment(String category, int[] rows, List<Pair> pairs) {
      this(category, rows, pairs, cellsOf(pairs));
    }

    private static Cells[] cellsOf(List<Pair> pairs) {
      Cells[] cells = new Cells[pairs.size()];
      for (int p = 0; p < cells.length; p++) {
        Pool.Var a = pairs.get(p).a();
        Pool.Var b = pairs.get(p).b();
        if (!(a.numeric && b.numeric) && Association.formed(a.categories(), b.categories())) {
          cells[p] = Cells.of(a.codes, b.codes, a.categories(), b.categories());
        }
      }
      return cells;
    }

    /**
     * Per pair, |a_r| - |a_c| inside this segment under a labelling, given as words of 64 pooled
     * rows (bit i of word i / 64 set: row i is a candidate row); NaN where undefined. A categorical
     * pair counts its cells into both sides' tables ({@link Cells#strengths}), the same values as
     * {@link AssociationLoss#strengths}.
     */
    public double[] drops(long[] cand) {
      long[] words = new long[(rows.length + 63) >>> 6];
      for (int k = 0; k < rows.length; k++) {
        int i = rows[k];
        words[k >>> 6] |= ((cand[i >>> 6] >>> i) & 1L) << k;
      }
      boolean[] l = null;
      double[] d = new double[pairs.size()];
      for (int p = 0; p < d.length; p++) {
        double[] both;
        if (cells[p] != null) {
          both = cells[p].strengths(words);
        } else {
          if (l == null) {
            l = new boolean[rows.length];
            for (int k = 0; k < l.length; k++) {
              l[k] = (words[k >>> 6] & (1L << k)) != 0;
            }
          }
          both = AssociationLoss.strengths(pairs.get(p), null, l);
        }
        d[p] = Math.abs(both[1]) - Math.abs(both[0]);
      }
      return d;
    }
  }

  /**
   * A categorical pair's contingency cells over a segment's rows, worked out once for every
   * labelling: the categories are those present in the segment, renumbered in their pooled order,
   * and the u-th cell holding any row, cell {@code held[u]} ({@code a kb + b}), holds {@code
   * size[u]} of the segment's rows (rows missing either code are in none). Categories absent from
   * the segment have empty margins in every labelling, which Cramér's V skips, and the renumbering
   * keeps the order in which the others' cells are summed, so the values are those of the pooled
   * table to the bit, on a table of the segment's size.
   *
   * <p>A cell's rows are kept as the 64-row words of segment positions that hold any of them,
   * {@code word[q]} and {@code bits[q]} for q from {@code start[u]} to {@code start[u + 1] - 1}: a
   * labelling's candidate count of the cell is then a sum of bit counts, a word for up to 64 rows,
   * with no increment waiting on the one before. The rows of a well-filled cell share words, so a
   * small table needs far fewer words than rows.
   */
  record Cells(int ka, int kb, int[] held, int[] size, int[] start, int[] word, long[] bits) {
    static Cells of(int[] a, int[] b, int categoriesA, int categoriesB) {
      int[] ra = renumbering(a, categoriesA);
      int[] rb = renumbering(b, categoriesB);
      int ka = ra[categoriesA];
      int kb = rb[categoriesB];
      // Each row's cell (-1 when a code is missing), each cell's count, and the cells that hold
      // any row, numbered in cell order: empty cells count nothing in any labelling.
      int[] cellOf = new int[a.length];
      int[] count = new int[ka * kb];
      for (int k = 0; k < a.length; k++) {
        cellOf[k] = a[k] < 0 || b[k] < 0 ? -1 : ra[a[k]] * kb + rb[b[k]];
        if (cellOf[k] >= 0) {
          count[cellOf[k]]++;
        }
      }
      int[] number = new int[ka * kb];
      int cells = 0;
      for (int t = 0; t < number.length; t++) {
        number[t] = count[t] > 0 ? cells++ : -1;
      }
      int[] held = new int[cells];
      int[] size = new int[cells];
      for (int t = 0; t < number.length; t++) {
        if (number[t] >= 0) {
          held[number[t]] = t;
          size[number[t]] = count[t];
        }
      }
      // Words per held cell: a cell's rows come in position order, so a new word starts when a
      // row falls past the cell's last word.
      int[] lastWord = new int[cells];
      Arrays.fill(lastWord, -1);
      int[] start = new int[cells + 1];
      for (int k = 0; k < a.length; k++) {
        int u = cellOf[k] < 0 ? -1 : number[cellOf[k]];
        if (u >= 0 && lastWord[u] != k >>> 6) {
          lastWord[u] = k >>> 6;
          start[u + 1]++;
        }
      }
      for (int u = 0; u < cells; u++) {
        start[u + 1] += start[u];
      }
      int[] word = new int[start[cells]];
      long[] bits = new long[start[cells]];
      int[] next = Arrays.copyOf(start, cells);
      Arrays.fill(lastWord, -1);
      for (int k = 0; k < a.length; k++) {
        if (cellOf[k] < 0) {
          continue;
        }
        int u = number[cellOf[k]];
        if (lastWord[u] != k >>> 6) {
          lastWord[u] = k >>> 6;
          word[next[u]++] = k >>> 6;
        }
        bits[next[u] - 1] |= 1L << k;
      }
      return new Cells(ka, kb, held, size, start, word, bits);
    }

    /** New number of each present code in code order; the count of present codes last. */
    private static int[] renumbering(int[] codes, int categories) {
      int[] out = new int[categories + 1];
      for (int c : codes) {
        if (c >= 0) {
          out[c] = 1;
        }
      }
      int next = 0;
      for (int c = 0; c < categories; c++) {
        out[c] = out[c] == 1 ? next++ : -1;
      }
      out[categories] = next;
      return out;
    }

    /**
     * Bias-corrected V of both sides under a labelling, {candidate, reference}, given as words of
     * 64 segment positions (bit k of word k / 64 set: the row at position k is a candidate row).
     */
    double[] strengths(long[] words) {
      // Each cell's candidate rows counted by bit counts; the reference's are the rest, the same
      // whole numbers as counting both sides row by row.
      long[] c = new long[ka * kb];
      long[] r = new long[ka * kb];
      for (int u = 0; u < held.length; u++) {
        int count = 0;
        for (int q = start[u]; q < start[u + 1]; q++) {
          count += Long.bitCount(bits[q] & words[word[q]]);
        }
        int t = held[u];
        c[t] = count;
        r[t] = size[u] - count;
      }
      double[] tc = Association.contingency(c, ka, kb);
      double[] tr = Association.contingency(r, ka, kb);
      return new double[] {
        correctedV(tc[1], tc[3], tc[4], tc[5]), correctedV(tr[1], tr[3], tr[4], tr[5])
      };
    }
  }

  /**
   * The segment statistic of each labelling from its per-pair drops ({@code drops[0]} the
   * observation, the rest re-splits): {@code sum_P w_P (d_P - mean_P)} with {@code w_P = pooled_P /
   * var_P}, mean and variance over the re-splits. Weighting each pair by its association over its
   * re-split variance is the matched filter for a loss proportional to the association: pairs whose
   * drop is mostly noise (ties in cost columns that are nearly all zero, say) count little. An
   * undefined drop counts as the pair's mean; pairs without spread are left out.
   */
  public static double[] combine(List<Pair> pairs, double[][] drops) {
    int labellings = drops.length;
    double[] out = new double[labellings];
    boolean any = false;
    for (int p = 0; p < pairs.size(); p++) {
      double sum = 0;
      double sq = 0;
      int n = 0;
      for (int b = 1; b < labellings; b++) {
        double x = drops[b][p];
        if (!Double.isNaN(x)) {
          sum += x;
          sq += x * x;
          n++;
        }
      }
      if (n < 2) {
        continue;
      }
      double mean = sum / n;
      double var = (sq - sum * sum / n) / (n - 1);
      double[] column = new double[labellings - 1];
      for (int b = 1; b < labellings; b++) {
        column[b - 1] = drops[b][p];
      }
      if (!(var > 0) || Double.isNaN(pairs.get(p).pooled()) || !varies(column)) {
        continue;
      }
      double w = pairs.get(p).pooled() / var;
      for (int b = 0; b < labellings; b++) {
        double x = drops[b][p];
        if (!Double.isNaN(x)) {
          out[b] += w * (x - mean);
        }
      }
      any = true;
    }
    if (!any) {
      Arrays.fill(out, Double.NaN);
    }
    return out;
  }

  /**
   * {@code v} on {@code rows} only, numbers replaced by their mid-ranks among those rows: inside a
   * segment of a few hundred rows a handful of extreme values (repair costs, say) would otherwise
   * decide Pearson's r, and its re-split distribution would be too heavy-tailed for a band (r on
   * ranks is Spearman's rho, Spearman 1904).
   */
  public static Pool.Var restrict(Pool.Var v, int[] rows) {
    int m = rows.length;
    int[] codes = new int[m];
    for (int k = 0; k < m; k++) {
      codes[k] = v.codes[rows[k]];
    }
    double[] values = null;
    if (v.numeric) {
      values = new double[m];
      double[] local = new double[m];
      for (int k = 0; k < m; k++) {
        local[k] = v.values[rows[k]];
      }
      int[] order = IntStream.range(0, m).filter(k -> !Double.isNaN(local[k])).toArray();
      // Equal values (-0.0 and 0.0 too) are one run and share its mid-rank, so the order within
      // a run does not matter.
      IndexSort.byValue(order, local);
      Arrays.fill(values, Double.NaN);
      for (int i = 0; i < order.length; ) {
        int j = i;
        double x = local[order[i]];
        while (j < order.length && local[order[j]] == x) {
          j++;
        }
        double rank = (i + j + 1) / 2.0;
        for (int t = i; t < j; t++) {
          values[order[t]] = rank;
        }
        i = j;
      }
    }
    return new Pool.Var(
        v.name, v.type, v.numeric, v.text, values, codes, v.dictionary, new int[0], Double.NaN);
  }

  /**
   * The pairs of {@code vars} associated beyond chance over {@code rows} (every row when null),
   * strongest first, at most {@link #MAX_PAIRS}.
   */
  public static List<Pair> associatedPairs(List<Pool.Var> vars, int[] rows, int n) {
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    List<Pair> pairs = new ArrayList<>();
    List<Double> strength = new ArrayList<>();
    for (int x = 0; x < vars.size(); x++) {
      for (int y = x + 1; y < vars.size(); y++) {
        Pool.Var a = vars.get(x);
        Pool.Var b = vars.get(y);
        double z = zScore(a, b, rows, all);
        if (z >= SIGNIFICANCE_Z) {
          Pair p = new Pair(a, b, 0);
          pairs.add(new Pair(a, b, Math.abs(strength(p, rows, all, true))));
          strength.add(z);
        }
      }
    }
    return strongest(pairs, strength);
  }

  /**
   * The first {@link #MAX_PAIRS} of {@code pairs} by their z-scores, largest first (ties in their
   * order).
   */
  static <T> List<T> strongest(List<T> pairs, List<Double> z) {
    Integer[] order = new Integer[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -z.get(i)));
    List<T> kept = new ArrayList<>();
    for (int i = 0; i < Math.min(order.length, MAX_PAIRS); i++) {
      kept.add(pairs.get(order[i]));
    }
    return kept;
  }

  /** The pooled association's distance from independence in standard errors; NaN if undefined. */
  public static double zScore(Pool.Var a, Pool.Var b, int[] rows, boolean[] all) {
    if (a.numeric && b.numeric) {
      double r = Association.pearson(a, b, rows, all, true);
      int m = 0;
      int size = rows == null ? all.length : rows.length;
      for (int k = 0; k < size; k++) {
        int i = rows == null ? k : rows[k];
        if (!Double.isNaN(a.values[i]) && !Double.isNaN(b.values[i])) {
          m++;
        }
      }
      return fisherZ(r, m);
    }
    return chiSquareZ(Association.contingency(a, b, rows, all, true));
  }

  /** Pearson r's distance from 0 in standard errors by Fisher's z over m rows; NaN if undefined. */
  static double fisherZ(double r, long m) {
    if (Double.isNaN(r) || m < 4) {
      return Double.NaN;
    }
    double clipped = Math.max(-0.999999, Math.min(0.999999, r));
    return Math.abs(0.5 * Math.log((1 + clipped) / (1 - clipped))) * Math.sqrt(m - 3.0);
  }

  /**
   * A contingency table's chi-square ({@link Association#contingency}'s result) as standard normal
   * deviates (Wilson-Hilferty); NaN if undefined or sparse.
   */
  static double chiSquareZ(double[] t) {
    double chi2 = t[1];
    double df = t[2];
    // Chi-square and V need about five rows per cell (Cochran 1954); sparser tables, such as a
    // county against a state's few hundred rows, give V's whose noise swamps any loss.
    if (Double.isNaN(chi2) || !(df > 0) || t[3] < MIN_ROWS_PER_CELL * t[4] * t[5]) {
      return Double.NaN;
    }
    double v = 2 / (9 * df);
    return (Math.cbrt(chi2 / df) - (1 - v)) / Math.sqrt(v);
  }

  /**
   * The categories of {@code by} with at least {@link #MIN_SEGMENT_ROWS} pooled rows and {@link
   * #MIN_SEGMENT_SHARE} of them, each with the pairs of the other columns associated inside it;
   * categories without such a pair are left out.
   */
  public static List<Segment> segments(
      Pool.Var by, List<Pool.Var> vars, int n, SplittableRandom random) {
    int[] counts = new int[by.categories()];
    for (int i = 0; i < n; i++) {
      if (by.codes[i] >= 0) {
        counts[by.codes[i]]++;
      }
    }
    List<Pool.Var> others = vars.stream().filter(v -> v != by).toList();
    List<Segment> segments = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] < MIN_SEGMENT_ROWS || counts[c] < MIN_SEGMENT_SHARE * n) {
        continue;
      }
      int[] rows = new int[counts[c]];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (by.codes[i] == c) {
          rows[k++] = i;
        }
      }
      if (rows.length > MAX_SEGMENT_ROWS) {
        // A fixed random subset, drawn before any labelling: the measure stays a permutation
        // test, and its cost stops growing with the file.
        Shuffle.inPlace(rows, random);
        rows = Arrays.copyOf(rows, MAX_SEGMENT_ROWS);
        Arrays.sort(rows);
      }
      List<Pool.Var> local = new ArrayList<>();
      for (Pool.Var v : others) {
        local.add(restrict(v, rows));
      }
      List<Pair> pairs = associatedPairs(local, null, rows.length);
      if (!pairs.isEmpty()) {
        segments.add(new Segment(by.dictionary[c], rows, pairs));
      }
    }
    return segments;
  }

  /** Whether {@code v} can split the rows into segments: categorical with a few categories. */
  public static boolean segmenting(Pool.Var v) {
    return !v.numeric && !v.text && v.categories() >= 2 && v.categories() <= MAX_SEGMENT_CATEGORIES;
  }

  /**
   * {@code max(0, 1 - sum |a_c| / sum |a_r|)} over {@code pairs} and {@code rows}; NaN when no pair
   * is defined on both sides.
   */
  public static double loss(List<Pair> pairs, int[] rows, boolean[] cand) {
    return loss(pairs.size(), p -> strengths(pairs.get(p), rows, cand));
  }

  /**
   * {@link #loss(List, int[], boolean[])} over every pooled row, the categorical pairs counted from
   * their {@code cells} ({@link Association.PairCells}, null for a numeric pair) and the
   * labelling's {@code candidates}: the same values.
   */
  public static double loss(
      List<Pair> pairs, Association.PairCells[] cells, boolean[] cand, int[] candidates) {
    return loss(
        pairs.size(),
        p ->
            cells[p] == null
                ? strengths(pairs.get(p), null, cand)
                : corrected(cells[p].contingencyBoth(candidates)));
  }

  /** The loss from the strengths {candidate, reference} of each of {@code pairs} pairs. */
  static double loss(int pairs, IntFunction<double[]> strengths) {
    double sc = 0;
    double sr = 0;
    for (int p = 0; p < pairs; p++) {
      double[] both = strengths.apply(p);
      double c = both[0];
      double r = both[1];
      if (Double.isNaN(c) || Double.isNaN(r)) {
        continue;
      }
      sc += Math.abs(c);
      sr += Math.abs(r);
    }
    return sr > 0 ? Math.max(0, 1 - sc / sr) : Double.NaN;
  }

  /** The pairs' {@link Association.PairCells}: null for a numeric pair or an unformed table. */
  public static Association.PairCells[] cells(List<Pair> pairs) {
    Association.PairCells[] out = new Association.PairCells[pairs.size()];
    for (int p = 0; p < out.length; p++) {
      Pool.Var a = pairs.get(p).a();
      Pool.Var b = pairs.get(p).b();
      out[p] = a.numeric && b.numeric ? null : Association.PairCells.of(a, b);
    }
    return out;
  }

  /**
   * Whether most of {@code values} (re-split values of one statistic) lie off their median. A
   * statistic that sits at one value in most re-splits (a V clipped at 0 on both sides) has the
   * variance of a few stray values, and standardising by it would turn one stray observation into
   * an arbitrarily large one.
   */
  public static boolean varies(double[] values) {
    double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (x.length == 0) {
      return false;
    }
    double median = x[x.length / 2];
    int moved = 0;
    for (double v : x) {
      moved += Math.abs(v - median) > 1e-9 * (1 + Math.abs(median)) ? 1 : 0;
    }
    return 2 * moved >= x.length;
  }

  /** Pearson r, or bias-corrected Cramér's V, of one side. */
  public static double strength(Pair p, int[] rows, boolean[] cand, boolean side) {
    if (p.a().numeric && p.b().numeric) {
      return Association.pearson(p.a(), p.b(), rows, cand, side);
    }
    double[] t = Association.contingency(p.a(), p.b(), rows, cand, side);
    return correctedV(t[1], t[3], t[4], t[5]);
  }

  /** {@link #strength} of both sides in one pass over the rows: {candidate, reference}. */
  public static double[] strengths(Pair p, int[] rows, boolean[] cand) {
    if (p.a().numeric && p.b().numeric) {
      return Association.pearsonBoth(p.a(), p.b(), rows, cand);
    }
    double[][] t = Association.contingencyBoth(p.a(), p.b(), rows, cand);
    return t == null ? new double[] {Double.NaN, Double.NaN} : corrected(t);
  }

  /** The bias-corrected V of both sides from their {@link Association#contingency} results. */
  static double[] corrected(double[][] t) {
    return new double[] {
      correctedV(t[0][1], t[0][3], t[0][4], t[0][5]), correctedV(t[1][1], t[1][3], t[1][4], t[1][5])
    };
  }

  /**
   * Bergsma's bias-corrected Cramér's V from chi-square, the count n and the categories present on
   * each side: phi2 = max(0, chi2 / n - (r - 1)(k - 1) / (n - 1)), r~ = r - (r - 1)^2 / (n - 1), k~
   * likewise, V~ = sqrt(phi2 / min(r~ - 1, k~ - 1)).
   */
  public static double correctedV(double chi2, double n, double r, double k) {
    if (Double.isNaN(chi2) || n < 2) {
      return Double.NaN;
    }
    if (r < 2 || k < 2) {
      return 0;
    }
    double phi2 = Math.max(0, chi2 / n - (r - 1) * (k - 1) / (n - 1));
    double rc = r - (r - 1) * (r - 1) / (n - 1);
    double kc = k - (k - 1) * (k - 1) / (n - 1);
    double d = Math.min(rc - 1, kc - 1);
    return d > 0 ? Math.sqrt(phi2 / d) : 0;
  }
}
