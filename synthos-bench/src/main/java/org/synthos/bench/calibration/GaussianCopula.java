package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * A Gaussian copula with empirical marginals, the simple generator behind the recursive-generation
 * defect.
 *
 * <p>Each column's empirical law is a list of atoms (its distinct present values) that partition
 * [0, 1) into intervals of their frequency: numbers in ascending order, labels by descending
 * frequency. Fitting maps every present cell to a latent normal score z = Phi^-1(u), with u drawn
 * uniformly inside its atom's interval (the distributional transform of Rüschendorf 2009, so ties
 * and categories get continuous scores), and estimates the correlation matrix of the scores by
 * pairwise deletion. Sampling draws z ~ N(0, R) and maps each coordinate back through its empirical
 * step quantile, so a sample only holds values of the data it was fitted on; each column's cells go
 * missing independently at the column's missing share.
 *
 * <p>Refitting on its own sample for g generations is the recursion of Shumailov et al. 2024 (AI
 * models collapse when trained on recursively generated data, Nature 631): sampling error
 * compounds, distinct values and rare categories are lost and never come back, and the tails
 * shrink.
 */
public final class GaussianCopula {
  private static final double EDGE = 1e-12;
  private static final double RIDGE = 1e-6;

  private final Schema schema;
  private final Marginal[] marginals;
  private final double[][] cholesky;

  private GaussianCopula(Schema schema, Marginal[] marginals, double[][] cholesky) {
    this.schema = schema;
    this.marginals = marginals;
    this.cholesky = cholesky;
  }

  /** Fits the copula; {@code seed} draws the positions of tied cells inside their intervals. */
  public static GaussianCopula fit(ColumnBatch data, long seed) {
    int n = data.rowCount();
    if (n < 2) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS, "a copula needs at least 2 rows to fit, found " + n);
    }
    int p = data.schema().size();
    SplittableRandom random = new SplittableRandom(seed);
    Marginal[] marginals = new Marginal[p];
    double[][] latent = new double[p][];
    for (int c = 0; c < p; c++) {
      marginals[c] = Marginal.of(data.column(c), data.schema().field(c).type(), n);
      latent[c] = marginals[c].latentScores(random);
    }
    return new GaussianCopula(data.schema(), marginals, choleskyOfCorrelation(latent, n));
  }

  /** Draws {@code rows} rows with the fitted marginals and latent correlation. */
  public ColumnBatch sample(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int p = marginals.length;
    int[][] atoms = new int[p][rows];
    double[] e = new double[p];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < p; j++) {
        e[j] = Normal.sample(random);
      }
      for (int j = 0; j < p; j++) {
        double z = 0;
        for (int k = 0; k <= j; k++) {
          z += cholesky[j][k] * e[k];
        }
        atoms[j][i] = marginals[j].atomAt(Normal.cdf(z), random);
      }
    }
    List<Column> columns = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      columns.add(marginals[j].column(atoms[j]));
    }
    return new ColumnBatch(schema, columns, 0, rows);
  }

  /**
   * Fits, samples as many rows as the data has, refits on the sample, and so on for {@code
   * generations} rounds; generation 0 is the data itself.
   */
  public static ColumnBatch recursive(ColumnBatch data, int generations, long seed) {
    if (generations < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "generations must be >= 0, got " + generations);
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    ColumnBatch current = data;
    for (int g = 0; g < generations; g++) {
      current = fit(current, seeds.nextLong()).sample(data.rowCount(), seeds.nextLong());
    }
    return current;
  }

  /**
   * The lower Cholesky factor of the scores' correlation matrix (pairwise deletion: each entry over
   * the rows where both scores exist), with a ridge when it is not positive definite.
   */
  private static double[][] choleskyOfCorrelation(double[][] latent, int n) {
    int p = latent.length;
    double[][] r = new double[p][p];
    for (int a = 0; a < p; a++) {
      r[a][a] = 1;
      for (int b = 0; b < a; b++) {
        double rho = pearson(latent[a], latent[b], n);
        r[a][b] = rho;
        r[b][a] = rho;
      }
    }
    for (double ridge = 0; ; ridge = ridge == 0 ? RIDGE : ridge * 10) {
      double[][] l = cholesky(r, ridge);
      if (l != null) {
        return l;
      }
    }
  }

  /** Pearson's r over rows where both are finite; 0 when undefined. */
  private static double pearson(double[] x, double[] y, int n) {
    double sx = 0;
    double sy = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sx += x[i];
        sy += y[i];
        m++;
      }
    }
    if (m < 2) {
      return 0;
    }
    double mx = sx / m;
    double my = sy / m;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
        sxy += (x[i] - mx) * (y[i] - my);
      }
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }

  /** Cholesky of (R + ridge I) / (1 + ridge), or null when not positive definite. */
  private static double[][] cholesky(double[][] r, double ridge) {
    int p = r.length;
    double[][] l = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        double s = (r[j][k] + (j == k ? ridge : 0)) / (1 + ridge);
        for (int m = 0; m < k; m++) {
          s -= l[j][m] * l[k][m];
        }
        if (j == k) {
          if (!(s > 0)) {
            return null;
          }
          l[j][j] = Math.sqrt(s);
        } else {
          l[j][k] = s / l[k][k];
        }
      }
    }
    return l;
  }

  /**
   * One column's empirical law over its present cells. {@code atomRows[k]} is a row holding atom
   * k's value, {@code upper[k]} the cumulative share up to atom k; {@code missingShare} is the
   * share of missing cells.
   */
  private static final class Marginal {
    final Column source;
    final int[] atomOfRow;
    final int[] atomRows;
    final double[] upper;
    final double missingShare;

    private Marginal(
        Column source, int[] atomOfRow, int[] atomRows, double[] upper, double missingShare) {
      this.source = source;
      this.atomOfRow = atomOfRow;
      this.atomRows = atomRows;
      this.upper = upper;
      this.missingShare = missingShare;
    }

    static Marginal of(Column column, ColumnType type, int n) {
      Map<Object, Integer> ids = new HashMap<>();
      List<Integer> firstRow = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      int[] id = new int[n];
      int present = 0;
      for (int i = 0; i < n; i++) {
        if (column.isNull(i)) {
          id[i] = -1;
          continue;
        }
        present++;
        Object key = value(column, i);
        final int row = i;
        int k =
            ids.computeIfAbsent(
                key,
                x -> {
                  firstRow.add(row);
                  counts.add(0);
                  return firstRow.size() - 1;
                });
        counts.set(k, counts.get(k) + 1);
        id[i] = k;
      }
      Integer[] order = new Integer[firstRow.size()];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Comparator<Integer> byValue =
          (a, b) -> compareValues(column, firstRow.get(a), firstRow.get(b));
      Arrays.sort(
          order,
          type.isNumeric()
              ? byValue
              : Comparator.<Integer>comparingInt(k -> -counts.get(k)).thenComparing(byValue));
      int[] rankOf = new int[order.length];
      int[] atomRows = new int[order.length];
      double[] upper = new double[order.length];
      double cumulative = 0;
      for (int r = 0; r < order.length; r++) {
        rankOf[order[r]] = r;
        atomRows[r] = firstRow.get(order[r]);
        cumulative += counts.get(order[r]);
        upper[r] = cumulative / present;
      }
      if (upper.length > 0) {
        upper[upper.length - 1] = 1;
      }
      int[] atomOfRow = new int[n];
      for (int i = 0; i < n; i++) {
        atomOfRow[i] = id[i] < 0 ? -1 : rankOf[id[i]];
      }
      return new Marginal(column, atomOfRow, atomRows, upper, (n - present) / (double) n);
    }

    /** Latent scores of the present cells; NaN for missing ones. */
    double[] latentScores(SplittableRandom random) {
      double[] z = new double[atomOfRow.length];
      for (int i = 0; i < z.length; i++) {
        int k = atomOfRow[i];
        if (k < 0) {
          z[i] = Double.NaN;
          continue;
        }
        double lo = k == 0 ? 0 : upper[k - 1];
        double u = lo + random.nextDouble() * (upper[k] - lo);
        z[i] = Normal.quantile(Math.max(EDGE, Math.min(1 - EDGE, u)));
      }
      return z;
    }

    /** The atom whose interval holds {@code u}, or -1 (missing) with the missing share. */
    int atomAt(double u, SplittableRandom random) {
      boolean missing = random.nextDouble() < missingShare;
      if (missing || upper.length == 0) {
        return -1;
      }
      int k = Arrays.binarySearch(upper, u);
      k = k >= 0 ? k + 1 : -k - 1;
      return Math.min(k, upper.length - 1);
    }

    Column column(int[] atoms) {
      int n = atoms.length;
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = atoms[i] < 0;
      }
      Mask nm = Mask.of(nulls);
      Mask none = Mask.none(n);
      if (source instanceof Column.Longs l) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = nulls[i] ? 0 : l.values()[atomRows[atoms[i]]];
        }
        return new Column.Longs(v, n, nm, none);
      } else if (source instanceof Column.Doubles d) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = nulls[i] ? 0 : d.values()[atomRows[atoms[i]]];
        }
        return new Column.Doubles(v, n, nm, none);
      } else if (source instanceof Column.Booleans b) {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = !nulls[i] && b.values()[atomRows[atoms[i]]];
        }
        return new Column.Booleans(v, n, nm, none);
      }
      String[] src = ((Column.Strings) source).values();
      String[] v = new String[n];
      for (int i = 0; i < n; i++) {
        v[i] = nulls[i] ? null : src[atomRows[atoms[i]]];
      }
      return new Column.Strings(v, n, nm, none);
    }

    private static Object value(Column column, int i) {
      if (column instanceof Column.Longs l) {
        return l.values()[i];
      } else if (column instanceof Column.Doubles d) {
        return d.values()[i];
      } else if (column instanceof Column.Booleans b) {
        return b.values()[i];
      }
      return ((Column.Strings) column).values()[i];
    }

    private static int compareValues(Column column, int a, int b) {
      if (column instanceof Column.Longs l) {
        return Long.compare(l.values()[a], l.values()[b]);
      } else if (column instanceof Column.Doubles d) {
        return Double.compare(d.values()[a], d.values()[b]);
      } else if (column instanceof Column.Booleans bo) {
        return Boolean.compare(bo.values()[a], bo.values()[b]);
      }
      String[] s = ((Column.Strings) column).values();
      return s[a].compareTo(s[b]);
    }
  }
}
