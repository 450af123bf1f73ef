package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthos.core.assess.pool.Pool;

/**
 * Squared Mahalanobis distances of every pooled row from the reference's mean, with the reference's
 * covariance of the standardised numeric columns (nulls at the mean, a 1e-6 ridge for collinear
 * columns). Used to localise off-manifold candidate rows beyond the nearest-neighbour sample.
 */
public final class Mahalanobis {
  public static final int MAX_COLUMNS = 40;

  private Mahalanobis() {}

  /** Null when there is no reference or no numeric column with spread. */
  public static double[] squaredDistances(Pool data) {
    if (!data.hasReference()) {
      return null;
    }
    List<double[]> z = new ArrayList<>();
    for (Pool.Var v : data.distributionVars()) {
      if (!v.numeric || z.size() == MAX_COLUMNS) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (int i = data.nC; i < data.n; i++) {
        if (!Double.isNaN(v.values[i])) {
          sum += v.values[i];
          n++;
        }
      }
      if (n < 2) {
        continue;
      }
      double mean = sum / n;
      double ss = 0;
      for (int i = data.nC; i < data.n; i++) {
        if (!Double.isNaN(v.values[i])) {
          ss += (v.values[i] - mean) * (v.values[i] - mean);
        }
      }
      double sd = Math.sqrt(ss / (n - 1));
      if (!(sd > 0)) {
        continue;
      }
      double[] col = new double[data.n];
      for (int i = 0; i < data.n; i++) {
        col[i] = Double.isNaN(v.values[i]) ? 0 : (v.values[i] - mean) / sd;
      }
      z.add(col);
    }
    int p = z.size();
    if (p == 0) {
      return null;
    }
    double[][] cov = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        double s = 0;
        for (int i = data.nC; i < data.n; i++) {
          s += z.get(a)[i] * z.get(b)[i];
        }
        cov[a][b] = s / Math.max(1, data.nR - 1);
        cov[b][a] = cov[a][b];
      }
      cov[a][a] += 1e-6;
    }
    double[][] inv = invert(cov);
    double[] d2 = new double[data.n];
    double[] x = new double[p];
    for (int i = 0; i < data.n; i++) {
      for (int a = 0; a < p; a++) {
        x[a] = z.get(a)[i];
      }
      double s = 0;
      for (int a = 0; a < p; a++) {
        double t = 0;
        for (int b = 0; b < p; b++) {
          t += inv[a][b] * x[b];
        }
        s += x[a] * t;
      }
      d2[i] = s;
    }
    return d2;
  }

  /** The reference's largest distance, or its 99.9th percentile when it has 1,000 rows or more. */
  public static double referenceLimit(Pool data, double[] d2) {
    double[] ref = Arrays.copyOfRange(d2, data.nC, data.n);
    Arrays.sort(ref);
    return ref.length >= 1000
        ? ref[(int) Math.floor(0.999 * (ref.length - 1))]
        : ref[ref.length - 1];
  }

  /** Gauss-Jordan inversion with partial pivoting of a symmetric positive definite matrix. */
  private static double[][] invert(double[][] m) {
    int p = m.length;
    double[][] a = new double[p][2 * p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(m[i], 0, a[i], 0, p);
      a[i][p + i] = 1;
    }
    for (int c = 0; c < p; c++) {
      int pivot = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      double d = a[c][c];
      for (int k = 0; k < 2 * p; k++) {
        a[c][k] /= d;
      }
      for (int r = 0; r < p; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int k = 0; k < 2 * p; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[][] inv = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(a[i], p, inv[i], 0, p);
    }
    return inv;
  }
}
