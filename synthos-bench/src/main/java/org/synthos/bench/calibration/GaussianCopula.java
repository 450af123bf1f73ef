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
 * <p>Each column's empirical law is a list of atoms (its distinct values, plus one atom for missing
 * cells) that partition [0, 1) into intervals of their frequency: numbers in ascending order after
 * the missing atom, labels by descending frequency. Fitting maps every cell to a latent normal
 * score z = Phi^-1(u), with u drawn uniformly inside its atom's interval (the distributional
 * transform of Rüschendorf 2009, so ties and categories get continuous scores), and estimates the
 * correlation matrix of the scores. Sampling draws z ~ N(0, R) and maps each coordinate back
 * through its empirical step quantile, so a sample only holds values of the data it was fitted on.
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
    return new GaussianCopula(
        data.schema(), marginals, choleskyOfCorrelation(latent, n));
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
        atoms[j][i] = marginals[j].atomAt(Normal.cdf(z));
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

  /** The lower Cholesky factor of the scores' correlation matrix, with a ridge if it is singular. */
  private static double[][] choleskyOfCorrelation(double[][] latent, int n) {
    int p = latent.length;
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (int c = 0; c < p; c++) {
      mean[c] = Arrays.stream(latent[c]).average().orElse(0);
      double ss = 0;
      for (double v : latent[c]) {
        ss += (v - mean[c]) * (v - mean[c]);
      }
      sd[c] = Math.sqrt(ss / n);
    }
    double[][] r = new double[p][p];
    for (int a = 0; a < p; a++) {
      r[a][a] = 1;
      for (int b = 0; b < a; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += (latent[a][i] - mean[a]) * (latent[b][i] - mean[b]);
        }
        double rho = sd[a] > 0 && sd[b] > 0 ? s / (n * sd[a] * sd[b]) : 0;
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
   * One column's empirical law. {@code atomRows[k]} is a row holding atom k's value (atom 0 is the
   * missing atom when {@code hasMissing}); {@code upper[k]} is the cumulative share up to atom k.
   */
  private static final class Marginal {
    final Column source;
    final int[] atomOfRow;
    final int[] atomRows;
    final double[] upper;
    final boolean hasMissing;

    private Marginal(
        Column source, int[] atomOfRow, int[] atomRows, double[] upper, boolean hasMissing) {
      this.source = source;
      this.atomOfRow = atomOfRow;
      this.atomRows = atomRows;
      this.upper = upper;
      this.hasMissing = hasMissing;
    }

    static Marginal of(Column column, ColumnType type, int n) {
      Map<Object, Integer> ids = new HashMap<>();
      List<Integer> firstRow = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      int[] id = new int[n];
      int missing = 0;
      for (int i = 0; i < n; i++) {
        if (column.isNull(i)) {
          id[i] = -1;
          missing++;
          continue;
        }
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
      boolean hasMissing = missing > 0;
      int offset = hasMissing ? 1 : 0;
      int[] rankOf = new int[order.length];
      int[] atomRows = new int[order.length + offset];
      double[] upper = new double[order.length + offset];
      double cumulative = missing;
      if (hasMissing) {
        atomRows[0] = -1;
        upper[0] = cumulative / n;
      }
      for (int r = 0; r < order.length; r++) {
        rankOf[order[r]] = r + offset;
        atomRows[r + offset] = firstRow.get(order[r]);
        cumulative += counts.get(order[r]);
        upper[r + offset] = cumulative / n;
      }
      upper[upper.length - 1] = 1;
      int[] atomOfRow = new int[n];
      for (int i = 0; i < n; i++) {
        atomOfRow[i] = id[i] < 0 ? 0 : rankOf[id[i]];
      }
      return new Marginal(column, atomOfRow, atomRows, upper, hasMissing);
    }

    double[] latentScores(SplittableRandom random) {
      double[] z = new double[atomOfRow.length];
      for (int i = 0; i < z.length; i++) {
        int k = atomOfRow[i];
        double lo = k == 0 ? 0 : upper[k - 1];
        double u = lo + random.nextDouble() * (upper[k] - lo);
        z[i] = Normal.quantile(Math.max(EDGE, Math.min(1 - EDGE, u)));
      }
      return z;
    }

    int atomAt(double u) {
      int k = Arrays.binarySearch(upper, u);
      k = k >= 0 ? k + 1 : -k - 1;
      return Math.min(k, upper.length - 1);
    }

    Column column(int[] atoms) {
      int n = atoms.length;
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = hasMissing && atoms[i] == 0;
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
