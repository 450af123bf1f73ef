package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.synthos.core.assess.pool.Pool;

/**
 * Nearest-neighbour measures on a seeded sample of at most {@code perSide} rows per dataset,
 * encoded into one standardised matrix: numeric columns as z-scores (nulls at 0), categorical
 * columns one-hot over their 20 most frequent categories, scaled by 1/sqrt(2) so that a mismatch
 * adds 1 to the squared distance. Distances are Euclidean and computed once, from the encoded
 * columns rather than the one-hot width ({@link #squaredDistance}); each row's nearest neighbours
 * are ordered once (a prefix, the whole row when a walk needs more), so a re-labelling costs O(m^2)
 * without new distances.
 *
 * <p>Measures (k = 5 as recommended by Naeem et al., ICML 2020, "Reliable Fidelity and Diversity
 * Metrics for Generative Models"; radii are distances to the k-th nearest neighbour within the own
 * set, and balls are open as in clovaai/generative-evaluation-prdc):
 *
 * <ul>
 *   <li>precision gap = 1 - share of candidate rows inside some reference ball;
 *   <li>recall gap = 1 - share of reference rows inside some candidate ball;
 *   <li>density deficit = max(0, 1 - density), density = (1/(kM)) * sum of ball memberships;
 *   <li>coverage gap = 1 - share of reference rows whose nearest candidate lies in their ball;
 *   <li>detection AUC excess = AUC - 0.5 of a k-nearest-neighbour two-sample classifier (score =
 *       share of candidates among a row's 10 nearest neighbours), after Friedman's two-sample test
 *       idea;
 *   <li>close-copy share = share of candidate rows whose distance to the closest reference row
 *       (DCR) is below a tenth of that reference row's own distance to its nearest other reference
 *       row;
 *   <li>DCR deficit = max(0, 1 - median over candidate rows of DCR / the closest reference row's
 *       own nearest-reference distance), the holdout-style baseline of SDMetrics
 *       DCROverfittingProtection taken per row.
 * </ul>
 */
public final class Multivariate {
  public static final int K = 5;
  public static final int DETECTION_K = 10;
  private static final int TOP_CATEGORIES = 20;

  public static final int PRECISION_GAP = 0;
  public static final int RECALL_GAP = 1;
  public static final int DENSITY_DEFICIT = 2;
  public static final int COVERAGE_GAP = 3;
  public static final int AUC_EXCESS = 4;
  public static final int CLOSE_SHARE = 5;
  public static final int DCR_DEFICIT = 6;
  public static final int MEASURES = 7;

  /**
   * A candidate within this fraction of its nearest reference row's own spacing is a close copy.
   */
  public static final double CLOSE_FRACTION = 0.1;

  private static final double MAX_RATIO = 10;

  public final int[] rows;
  public final int mc;
  public final int m;
  public final float[] dist;

  /**
   * Per row, its nearest neighbours in order: a prefix, or all once a walk needed more (published
   * safely, since labellings may be measured at once).
   */
  private final AtomicReferenceArray<int[]> neighbours;

  public final int dimensions;

  public final double[][] matrix;

  private Multivariate(
      int[] rows, int mc, double[][] matrix, float[] dist, int[][] neighbours, int dims) {
    this.matrix = matrix;
    this.rows = rows;
    this.mc = mc;
    this.m = rows.length;
    this.dist = dist;
    this.neighbours = new AtomicReferenceArray<>(neighbours);
    this.dimensions = dims;
  }

  /** Null when a side has fewer than {@code K + 2} rows or no column can be encoded. */
  public static Multivariate build(Pool data, int perSide, SplittableRandom random) {
    if (data.nC < K + 2 || data.nR < K + 2) {
      return null;
    }
    int[] cand = sample(0, data.nC, perSide, random);
    int[] ref = sample(data.nC, data.nR, perSide, random);
    int[] rows = new int[cand.length + ref.length];
    System.arraycopy(cand, 0, rows, 0, cand.length);
    System.arraycopy(ref, 0, rows, cand.length, ref.length);
    Encoding enc = encode(data, rows);
    double[][] x = enc.matrix();
    if (x[0].length == 0) {
      return null;
    }
    int m = rows.length;
    int d = x[0].length;
    double[][] c = enc.columns();
    boolean[] numeric = enc.numeric();
    float[] dist = new float[m * m];
    double[][] byColumn = transpose(c, m, numeric.length);
    // Rows in parallel: row i writes only the cells (i, j) and (j, i) for j > i, so the matrix is
    // the same whatever the scheduling.
    IntStream.range(0, m)
        .parallel()
        .forEach(
            i -> {
              double[] s = squaredDistances(c[i], byColumn, numeric, i + 1, m);
              for (int j = i + 1; j < m; j++) {
                float v = (float) Math.sqrt(s[j - i - 1]);
                dist[i * m + j] = v;
                dist[j * m + i] = v;
              }
            });
    int[][] nb = new int[m][];
    IntStream.range(0, m)
        .parallel()
        .forEach(i -> nb[i] = NeighbourOrder.nearest(dist, m, i, NeighbourOrder.PREFIX));
    return new Multivariate(rows, cand.length, x, dist, nb, d);
  }

  /**
   * The {@code t}-th nearest neighbour of row {@code i}, or -1 past the last; a walk past the row's
   * prefix makes it longer ({@link NeighbourOrder}).
   */
  private int neighbour(int i, int t) {
    int[] row = neighbours.get(i);
    if (t >= row.length) {
      if (t >= m - 1) {
        return -1;
      }
      // A longer prefix of the same total order: four times as long, so that a walk that goes on
      // costs a few selections rather than a sort of the whole row each time it does.
      row =
          NeighbourOrder.nearest(
              dist, m, i, (int) Math.min(m - 1, Math.max(t + 1, 4L * row.length)));
      neighbours.set(i, row);
    }
    return row[t];
  }

  private static int[] sample(int offset, int count, int perSide, SplittableRandom random) {
    int[] idx = new int[count];
    for (int i = 0; i < count; i++) {
      idx[i] = offset + i;
    }
    if (count <= perSide) {
      return idx;
    }
    for (int i = 0; i < perSide; i++) {
      int j = i + random.nextInt(count - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, perSide);
    Arrays.sort(out);
    return out;
  }

  /** The square of one-hot's unit, {@code (1/sqrt(2))^2}: a category's part of a mismatch. */
  private static final double HALF = (1 / Math.sqrt(2)) * (1 / Math.sqrt(2));

  /**
   * The squared Euclidean distance between two rows of the encoded matrix, from their encoded
   * columns: a numeric column adds its squared difference; a categorical one adds nothing when both
   * rows hold the same one-hot slot (or none), {@link #HALF} when one holds a slot, and {@link
   * #HALF} twice when they hold different slots. Those are exactly the non-zero terms of the sum
   * over the matrix's features, added in the same order (a zero term leaves the sum unchanged), so
   * the distance is the same to the last bit at the cost of the columns, not of the one-hot width.
   */
  static double squaredDistance(double[] a, double[] b, boolean[] numeric) {
    double s = 0;
    for (int k = 0; k < numeric.length; k++) {
      double u = a[k];
      double v = b[k];
      if (numeric[k]) {
        double t = u - v;
        s += t * t;
      } else if (u != v) {
        s += HALF;
        if (u >= 0 && v >= 0) {
          s += HALF;
        }
      }
    }
    return s;
  }

  /**
   * {@link #squaredDistance} from row {@code a} to each of rows {@code [from, to)}, computed a
   * column at a time over all those rows: each pair's terms are added in the same column order as
   * {@link #squaredDistance} adds them, so the sums are the same to the bit, while the inner loops
   * run over contiguous arrays the compiler can vectorise.
   */
  static double[] squaredDistances(
      double[] a, double[][] byColumn, boolean[] numeric, int from, int to) {
    double[] s = new double[to - from];
    for (int k = 0; k < numeric.length; k++) {
      double u = a[k];
      double[] col = byColumn[k];
      if (numeric[k]) {
        for (int j = from; j < to; j++) {
          double t = u - col[j];
          s[j - from] += t * t;
        }
      } else if (u >= 0) {
        // Slots are small whole numbers (-1 for none), so min(1, |u - v|) is exactly 1 when the
        // slots differ and 0 when they match, and min(1, v + 1) is 1 when v holds a slot: the
        // same terms as the branches of squaredDistance, without a branch to mispredict, so the
        // loop vectorises. Adding a zero term leaves a non-negative sum unchanged.
        for (int j = from; j < to; j++) {
          double v = col[j];
          double mismatch = HALF * Math.min(1.0, Math.abs(u - v));
          double bothHeld = mismatch * Math.min(1.0, v + 1.0);
          s[j - from] = s[j - from] + mismatch + bothHeld;
        }
      } else {
        for (int j = from; j < to; j++) {
          s[j - from] = s[j - from] + HALF * Math.min(1.0, Math.abs(u - col[j]));
        }
      }
    }
    return s;
  }

  private static double[][] transpose(double[][] rows, int m, int columns) {
    double[][] out = new double[columns][m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < columns; k++) {
        out[k][j] = rows[j][k];
      }
    }
    return out;
  }

  /**
   * The sample encoded twice: the one-hot matrix, and per row its encoded columns (a numeric
   * column's z-score, or a categorical column's one-hot slot, -1 for none).
   */
  private record Encoding(double[][] matrix, double[][] columns, boolean[] numeric) {}

  private static Encoding encode(Pool data, int[] rows) {
    List<double[]> features = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    List<Boolean> numericColumns = new ArrayList<>();
    for (Pool.Var v : data.distributionVars()) {
      if (v.numeric) {
        double sum = 0;
        int n = 0;
        for (int r : rows) {
          if (!Double.isNaN(v.values[r])) {
            sum += v.values[r];
            n++;
          }
        }
        if (n < 2) {
          continue;
        }
        double mean = sum / n;
        double ss = 0;
        for (int r : rows) {
          if (!Double.isNaN(v.values[r])) {
            ss += (v.values[r] - mean) * (v.values[r] - mean);
          }
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (!(sd > 0)) {
          continue;
        }
        double[] f = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          double x = v.values[rows[i]];
          f[i] = Double.isNaN(x) ? 0 : (x - mean) / sd;
        }
        features.add(f);
        columns.add(f);
        numericColumns.add(true);
      } else {
        int[] counts = new int[v.categories()];
        for (int r : rows) {
          if (v.codes[r] >= 0) {
            counts[v.codes[r]]++;
          }
        }
        Integer[] order = new Integer[counts.length];
        for (int c = 0; c < counts.length; c++) {
          order[c] = c;
        }
        Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? counts[b] - counts[a] : a - b);
        int used = 0;
        for (int t = 0; t < order.length && t < TOP_CATEGORIES; t++) {
          if (counts[order[t]] > 0) {
            used++;
          }
        }
        if (used < 2) {
          continue;
        }
        double w = 1 / Math.sqrt(2);
        double[] slot = new double[rows.length];
        Arrays.fill(slot, -1);
        for (int t = 0; t < used; t++) {
          int code = order[t];
          double[] f = new double[rows.length];
          for (int i = 0; i < rows.length; i++) {
            if (v.codes[rows[i]] == code) {
              f[i] = w;
              slot[i] = t;
            }
          }
          features.add(f);
        }
        columns.add(slot);
        numericColumns.add(false);
      }
    }
    boolean[] numeric = new boolean[numericColumns.size()];
    for (int k = 0; k < numeric.length; k++) {
      numeric[k] = numericColumns.get(k);
    }
    return new Encoding(byRow(features, rows.length), byRow(columns, rows.length), numeric);
  }

  private static double[][] byRow(List<double[]> columns, int rows) {
    double[][] x = new double[rows][columns.size()];
    for (int k = 0; k < columns.size(); k++) {
      double[] f = columns.get(k);
      for (int i = 0; i < rows; i++) {
        x[i][k] = f[i];
      }
    }
    return x;
  }

  /**
   * The natural labelling of the sample: the first {@code mc} rows are candidates (1), the rest
   * reference (0).
   */
  public byte[] observedLabels() {
    byte[] l = new byte[m];
    Arrays.fill(l, 0, mc, (byte) 1);
    return l;
  }

  /**
   * A split of the reference sample alone: half its rows play the candidate, the rest the
   * reference, and real candidates are left out (-1). Measures of copying use this baseline, so
   * copies inside the candidate cannot inflate their own null band.
   */
  public byte[] referenceSplit(SplittableRandom random) {
    byte[] l = new byte[m];
    Arrays.fill(l, 0, mc, (byte) -1);
    int mr = m - mc;
    int[] idx = Shuffle.permutation(mc, mr, random);
    for (int i = 0; i < mr / 2; i++) {
      l[idx[i]] = 1;
    }
    return l;
  }

  public byte[] shuffledLabels(SplittableRandom random) {
    int[] idx = Shuffle.permutation(0, m, random);
    byte[] l = new byte[m];
    for (int i = 0; i < mc; i++) {
      l[idx[i]] = 1;
    }
    return l;
  }

  /** Radius of each row: distance to its k-th nearest neighbour with the same label. */
  private double[] radii(byte[] lab) {
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      int seen = 0;
      r[i] = Double.POSITIVE_INFINITY;
      if (lab[i] < 0) {
        continue;
      }
      for (int t = 0, j; (j = neighbour(i, t)) >= 0; t++) {
        if (lab[j] == lab[i] && ++seen == K) {
          r[i] = dist[i * m + j];
          break;
        }
      }
    }
    return r;
  }

  private int nearestIndex(int i, byte[] lab, int side) {
    for (int t = 0, j; (j = neighbour(i, t)) >= 0; t++) {
      if (lab[j] == side) {
        return j;
      }
    }
    return -1;
  }

  private double nearestOther(int i, byte[] lab, int side) {
    for (int t = 0, j; (j = neighbour(i, t)) >= 0; t++) {
      if (lab[j] == side) {
        return dist[i * m + j];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** All measures for one labelling; labellings may be measured at once on several threads. */
  public double[] measure(byte[] lab) {
    return evaluate(lab, null, null);
  }

  /**
   * All measures for one labelling; when {@code offManifold}/{@code close} are given they receive,
   * per sample row, whether a candidate lies outside every reference ball / within the close radius
   * of a reference row.
   */
  public double[] evaluate(byte[] lab, boolean[] offManifold, boolean[] close) {
    double[] r = radii(lab);
    int nc = 0;
    int nr = 0;
    for (byte b : lab) {
      if (b == 1) {
        nc++;
      } else if (b == 0) {
        nr++;
      }
    }
    // Each ball is walked along its centre's neighbour list, nearest first, up to its radius: the
    // rows inside are exactly those of the all-pairs comparison (d < r with the same float d, the
    // matrix being symmetric to the bit), at the cost of the balls' contents, not of nc * nr.
    long densityCount = 0;
    boolean[] inside = new boolean[m];
    boolean[] recalled = new boolean[m];
    for (int i = 0; i < m; i++) {
      if (lab[i] < 0) {
        continue;
      }
      double radius = r[i];
      int row = i * m;
      for (int t = 0, j; (j = neighbour(i, t)) >= 0; t++) {
        if (!(dist[row + j] < radius)) {
          break;
        }
        if (lab[i] == 0 && lab[j] == 1) {
          // Candidate j lies in reference row i's ball.
          densityCount++;
          inside[j] = true;
        } else if (lab[i] == 1 && lab[j] == 0) {
          // Reference row j lies in candidate i's ball.
          recalled[j] = true;
        }
      }
    }
    int precise = 0;
    for (int j = 0; j < m; j++) {
      if (lab[j] != 1) {
        continue;
      }
      if (inside[j]) {
        precise++;
      } else if (offManifold != null) {
        offManifold[j] = true;
      }
    }
    int recall = 0;
    int covered = 0;
    // Local spacing of each reference row: the distance to its nearest other reference row.
    double[] spacing = new double[m];
    for (int i = 0; i < m; i++) {
      if (lab[i] != 0) {
        continue;
      }
      if (recalled[i]) {
        recall++;
      }
      if (nearestOther(i, lab, 1) < r[i]) {
        covered++;
      }
      spacing[i] = nearestOther(i, lab, 0);
    }
    double[] ratio = new double[nc];
    int ck = 0;
    int closeCount = 0;
    for (int j = 0; j < m; j++) {
      if (lab[j] != 1) {
        continue;
      }
      int nearest = nearestIndex(j, lab, 0);
      double d = dist[j * m + nearest];
      double scale = spacing[nearest];
      ratio[ck++] = d == 0 ? 0 : scale > 0 ? Math.min(MAX_RATIO, d / scale) : MAX_RATIO;
      if (d <= CLOSE_FRACTION * scale) {
        closeCount++;
        if (close != null) {
          close[j] = true;
        }
      }
    }
    double[] out = new double[MEASURES];
    out[PRECISION_GAP] = 1 - (double) precise / nc;
    out[RECALL_GAP] = 1 - (double) recall / nr;
    out[DENSITY_DEFICIT] = Math.max(0, 1 - densityCount / ((double) K * nc));
    out[COVERAGE_GAP] = 1 - (double) covered / nr;
    out[AUC_EXCESS] = detectionAuc(lab) - 0.5;
    out[CLOSE_SHARE] = (double) closeCount / nc;
    out[DCR_DEFICIT] = Math.max(0, 1 - median(ratio));
    return out;
  }

  private double detectionAuc(byte[] lab) {
    int k = Math.min(DETECTION_K, m - 1);
    long[][] hist = new long[2][k + 1];
    for (int i = 0; i < m; i++) {
      if (lab[i] < 0) {
        continue;
      }
      int s = 0;
      int seen = 0;
      for (int t = 0, j; (j = neighbour(i, t)) >= 0; t++) {
        if (lab[j] < 0) {
          continue;
        }
        if (lab[j] == 1) {
          s++;
        }
        if (++seen == k) {
          break;
        }
      }
      hist[lab[i] == 1 ? 0 : 1][s]++;
    }
    double pos = 0;
    double neg = 0;
    for (int s = 0; s <= k; s++) {
      pos += hist[0][s];
      neg += hist[1][s];
    }
    double wins = 0;
    double below = 0;
    for (int s = 0; s <= k; s++) {
      wins += hist[0][s] * (below + 0.5 * hist[1][s]);
      below += hist[1][s];
    }
    return wins / (pos * neg);
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}
