package org.synthos.core.multivariate;

import java.util.Arrays;

/**
 * A small, deterministic gradient-boosted tree classifier for the detection test.
 *
 * <p>Logistic loss, second-order (Newton) leaf values {@code -G / (H + lambda)} scaled by the
 * learning rate, split gain {@code G_L^2/(H_L+lambda) + G_R^2/(H_R+lambda) - G^2/(H+lambda)}
 * (Friedman, "Greedy function approximation", Ann. Stat. 2001; Chen and Guestrin, "XGBoost", KDD
 * 2016). Features are cut into at most {@code bins} quantile bins of the training rows, as in
 * LightGBM and scikit-learn's HistGradientBoosting; trees grow depth-first to {@code maxDepth} with
 * at least {@code minLeaf} rows per leaf. No randomness: the same data give the same model.
 *
 * <p>Histograms cost about one cell per row and original column: a row lists only the bins it holds
 * outside each feature's most frequent one (one-hot slots are mostly 0), and a node's larger child
 * gets its histogram as the parent's minus the smaller child's (LightGBM, Ke et al., NeurIPS 2017).
 * Both change sums only by rounding; row counts stay exact.
 */
final class GradientBoostedTrees {
  private static final double LAMBDA = 1.0;

  private final double base;
  private final int[][] feature;
  private final double[][] threshold;
  private final int[][] left;
  private final int[][] right;
  private final double[][] value;

  private GradientBoostedTrees(
      double base,
      int[][] feature,
      double[][] threshold,
      int[][] left,
      int[][] right,
      double[][] value) {
    this.base = base;
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
  }

  /** The raw score (log-odds of the positive class) of row {@code r} of {@code x}. */
  double score(EncodedSample x, int r) {
    double s = base;
    int dims = x.dims();
    for (int t = 0; t < feature.length; t++) {
      int node = 0;
      while (feature[t][node] >= 0) {
        node =
            x.values()[r * dims + feature[t][node]] <= threshold[t][node]
                ? left[t][node]
                : right[t][node];
      }
      s += value[t][node];
    }
    return s;
  }

  /** Trains on the rows {@code rows} of {@code x} with labels {@code y}. */
  static GradientBoostedTrees fit(EncodedSample x, boolean[] y, int[] rows, DetectionOptions o) {
    int n = rows.length;
    int dims = x.dims();
    // Quantile bin edges per feature, from the training rows.
    double[][] edges = new double[dims][];
    // Row-major bins (row i, feature f at i * dims + f): a node's histograms are then filled in
    // one pass over its rows.
    byte[] rowBins = new byte[n * dims];
    double[] column = new double[n];
    for (int f = 0; f < dims; f++) {
      for (int i = 0; i < n; i++) {
        column[i] = x.values()[rows[i] * dims + f];
      }
      double[] sorted = column.clone();
      Arrays.sort(sorted);
      double[] e = new double[o.bins() - 1];
      int count = 0;
      for (int b = 1; b < o.bins(); b++) {
        double cut = sorted[(int) ((long) b * (n - 1) / o.bins())];
        if ((count == 0 || cut > e[count - 1]) && cut < sorted[n - 1]) {
          e[count++] = cut;
        }
      }
      edges[f] = Arrays.copyOf(e, count);
      for (int i = 0; i < n; i++) {
        int bin = Arrays.binarySearch(edges[f], column[i]);
        rowBins[i * dims + f] = (byte) (bin >= 0 ? bin : -bin - 1);
      }
    }
    Sparse sparse = Sparse.of(rowBins, n, dims, o.bins());
    long positives = 0;
    for (int i = 0; i < n; i++) {
      positives += y[rows[i]] ? 1 : 0;
    }
    double p0 = Math.min(1 - 1e-6, Math.max(1e-6, (double) positives / n));
    double base = Math.log(p0 / (1 - p0));
    double[] score = new double[n];
    Arrays.fill(score, base);
    double[] g = new double[n];
    double[] h = new double[n];
    int maxNodes = (1 << (o.maxDepth() + 1)) - 1;
    int[][] feature = new int[o.trees()][];
    double[][] threshold = new double[o.trees()][];
    int[][] left = new int[o.trees()][];
    int[][] right = new int[o.trees()][];
    double[][] value = new double[o.trees()][];
    int[] index = new int[n];
    TreeBuilder builder = new TreeBuilder(rowBins, sparse, n, dims, o, g, h, index, maxNodes);
    for (int t = 0; t < o.trees(); t++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-score[i]));
        g[i] = p - (y[rows[i]] ? 1 : 0);
        h[i] = Math.max(p * (1 - p), 1e-12);
        index[i] = i;
      }
      builder.reset();
      builder.growRoot();
      feature[t] = Arrays.copyOf(builder.feature, builder.nodes);
      left[t] = Arrays.copyOf(builder.left, builder.nodes);
      right[t] = Arrays.copyOf(builder.right, builder.nodes);
      value[t] = Arrays.copyOf(builder.value, builder.nodes);
      threshold[t] = new double[builder.nodes];
      for (int k = 0; k < builder.nodes; k++) {
        if (builder.feature[k] >= 0) {
          threshold[t][k] = edges[builder.feature[k]][builder.bin[k]];
        }
      }
      // Leaf values go to the rows each leaf holds (index[from, to) of the leaf).
      for (int k = 0; k < builder.nodes; k++) {
        if (builder.feature[k] < 0) {
          for (int q = builder.from[k]; q < builder.to[k]; q++) {
            score[index[q]] += builder.value[k];
          }
        }
      }
    }
    return new GradientBoostedTrees(base, feature, threshold, left, right, value);
  }

  /**
   * The rows' bins as a sparse row-major list: per feature its most frequent bin is the default,
   * and each row lists only the (feature, bin) cells it holds outside the defaults. A one-hot
   * column of the encoded sample is almost always at its default 0, so a row costs about one cell
   * per original column rather than one per one-hot slot. The default cells' sums are then the
   * node's totals minus the other cells' (as LightGBM does for sparse features, Ke et al. 2017).
   *
   * @param rowStart row i's cells are {@code cells[rowStart[i], rowStart[i + 1])}
   * @param cells histogram offsets {@code 3 (f bins + b)} of the non-default cells
   * @param defaultCell per feature, the histogram offset of its default bin
   */
  private record Sparse(int[] rowStart, int[] cells, int[] defaultCell) {
    static Sparse of(byte[] rowBins, int n, int dims, int bins) {
      int[] defaultCell = new int[dims];
      long[] counts = new long[bins];
      for (int f = 0; f < dims; f++) {
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
          counts[rowBins[i * dims + f] & 0xFF]++;
        }
        int best = 0;
        for (int b = 1; b < bins; b++) {
          best = counts[b] > counts[best] ? b : best;
        }
        defaultCell[f] = 3 * (f * bins + best);
      }
      int[] rowStart = new int[n + 1];
      int[] cells = new int[Math.max(16, n)];
      int k = 0;
      for (int i = 0; i < n; i++) {
        rowStart[i] = k;
        for (int f = 0; f < dims; f++) {
          int cell = 3 * (f * bins + (rowBins[i * dims + f] & 0xFF));
          if (cell != defaultCell[f]) {
            if (k == cells.length) {
              cells = Arrays.copyOf(cells, 2 * cells.length);
            }
            cells[k++] = cell;
          }
        }
      }
      rowStart[n] = k;
      return new Sparse(rowStart, Arrays.copyOf(cells, k), defaultCell);
    }
  }

  /** Grows one tree over the rows in {@code index}, partitioning it in place. */
  private static final class TreeBuilder {
    /** Bin of row i, feature f at {@code i * dims + f}. */
    final byte[] rowBins;

    final Sparse sparse;

    final int n;
    final int dims;
    final DetectionOptions o;
    final double[] g;
    final double[] h;
    final int[] index;
    final int[] feature;
    final int[] bin;
    final int[] left;
    final int[] right;
    final double[] value;
    final int[] from;
    final int[] to;

    /**
     * Histograms of the nodes being grown, two per depth (a node's children): per (feature, bin)
     * cell {@code c}, the sums of g at {@code 3c}, h at {@code 3c + 1} and rows at {@code 3c + 2}
     * (a count, exact in a double). Side by side, one row's update of a cell touches one cache
     * line, not three arrays'.
     */
    final double[][] hist;

    final int[] scratch;
    int nodes;

    TreeBuilder(
        byte[] rowBins,
        Sparse sparse,
        int n,
        int dims,
        DetectionOptions o,
        double[] g,
        double[] h,
        int[] index,
        int maxNodes) {
      this.rowBins = rowBins;
      this.sparse = sparse;
      this.n = n;
      this.dims = dims;
      this.o = o;
      this.g = g;
      this.h = h;
      this.index = index;
      this.feature = new int[maxNodes];
      this.bin = new int[maxNodes];
      this.left = new int[maxNodes];
      this.right = new int[maxNodes];
      this.value = new double[maxNodes];
      this.from = new int[maxNodes];
      this.to = new int[maxNodes];
      this.hist = new double[2 * (o.maxDepth() + 1)][3 * dims * o.bins()];
      this.scratch = new int[n];
    }

    void reset() {
      nodes = 0;
    }

    /** Grows a tree over every row; returns its root node. */
    int growRoot() {
      double[] rootHist = null;
      if (splits(0, n)) {
        rootHist = hist[0];
        fill(rootHist, 0, n);
      }
      return grow(0, n, 0, rootHist);
    }

    /** Whether a node of {@code rows} rows at {@code depth} may split, so needs its histogram. */
    private boolean splits(int depth, int rows) {
      return depth < o.maxDepth() && rows >= 2 * o.minLeaf();
    }

    /**
     * Every feature's histogram of the rows {@code index[lo, hi)} into {@code out}: one pass over
     * the rows' non-default cells ({@link Sparse}), then each feature's default cell as the node's
     * totals minus its other cells, exact zeros when no row sits at the default.
     */
    private void fill(double[] out, int lo, int hi) {
      Arrays.fill(out, 0);
      int[] rowStart = sparse.rowStart();
      int[] cells = sparse.cells();
      double sumG = 0;
      double sumH = 0;
      for (int q = lo; q < hi; q++) {
        int i = index[q];
        double gi = g[i];
        double hi2 = h[i];
        sumG += gi;
        sumH += hi2;
        for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
          int c = cells[k];
          out[c] += gi;
          out[c + 1] += hi2;
          out[c + 2] += 1;
        }
      }
      int bins = o.bins();
      for (int f = 0; f < dims; f++) {
        int d = sparse.defaultCell()[f];
        double og = 0;
        double oh = 0;
        double on = 0;
        for (int c = 3 * f * bins, end = c + 3 * bins; c < end; c += 3) {
          if (c != d) {
            og += out[c];
            oh += out[c + 1];
            on += out[c + 2];
          }
        }
        double rows = (hi - lo) - on;
        if (rows > 0) {
          out[d] = sumG - og;
          out[d + 1] = sumH - oh;
          out[d + 2] = rows;
        }
      }
    }

    /**
     * The larger child's histogram as the parent's minus the smaller child's (the subtraction trick
     * of LightGBM, Ke et al., NeurIPS 2017): it costs a pass over the cells instead of the rows. A
     * cell the larger child holds no row of gets exact zeros, so a run of empty bins leaves the
     * left sums, and the gains of the same partition, unchanged.
     */
    private static void subtract(double[] parent, double[] small, double[] out) {
      for (int c = 0; c < out.length; c += 3) {
        double rows = parent[c + 2] - small[c + 2];
        if (rows == 0) {
          out[c] = 0;
          out[c + 1] = 0;
          out[c + 2] = 0;
        } else {
          out[c] = parent[c] - small[c];
          out[c + 1] = parent[c + 1] - small[c + 1];
          out[c + 2] = rows;
        }
      }
    }

    /**
     * Grows the subtree of the rows {@code index[lo, hi)}, whose histogram is {@code nodeHist}
     * (null when the node may not split); returns its root node.
     */
    int grow(int lo, int hi, int depth, double[] nodeHist) {
      int node = nodes++;
      from[node] = lo;
      to[node] = hi;
      double sumG = 0;
      double sumH = 0;
      for (int q = lo; q < hi; q++) {
        sumG += g[index[q]];
        sumH += h[index[q]];
      }
      feature[node] = -1;
      value[node] = -o.learningRate() * sumG / (sumH + LAMBDA);
      if (nodeHist == null) {
        return node;
      }
      double parentScore = sumG * sumG / (sumH + LAMBDA);
      double bestGain = 1e-12;
      int bestFeature = -1;
      int bestBin = -1;
      int bins = o.bins();
      double[] hist = nodeHist;
      for (int f = 0; f < dims; f++) {
        int at = 3 * f * bins;
        double gl = 0;
        double hl = 0;
        int nl = 0;
        for (int b = 0; b < bins - 1; b++) {
          gl += hist[at + 3 * b];
          hl += hist[at + 3 * b + 1];
          nl += (int) hist[at + 3 * b + 2];
          int nr = (hi - lo) - nl;
          if (nl < o.minLeaf()) {
            continue;
          }
          if (nr < o.minLeaf()) {
            break;
          }
          double gr = sumG - gl;
          double hr = sumH - hl;
          double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) {
        return node;
      }
      // Stable partition: rows with bin <= bestBin first.
      int mid = lo;
      int spill = 0;
      for (int q = lo; q < hi; q++) {
        int i = index[q];
        if ((rowBins[i * dims + bestFeature] & 0xFF) <= bestBin) {
          index[mid++] = i;
        } else {
          scratch[spill++] = i;
        }
      }
      System.arraycopy(scratch, 0, index, mid, spill);
      feature[node] = bestFeature;
      bin[node] = bestBin;
      double[] leftHist = null;
      double[] rightHist = null;
      boolean leftSplits = splits(depth + 1, mid - lo);
      boolean rightSplits = splits(depth + 1, hi - mid);
      if (leftSplits || rightSplits) {
        double[] a = this.hist[2 * (depth + 1)];
        double[] b = this.hist[2 * (depth + 1) + 1];
        if (mid - lo <= hi - mid) {
          fill(a, lo, mid);
          subtract(nodeHist, a, b);
        } else {
          fill(b, mid, hi);
          subtract(nodeHist, b, a);
        }
        leftHist = leftSplits ? a : null;
        rightHist = rightSplits ? b : null;
      }
      left[node] = grow(lo, mid, depth + 1, leftHist);
      right[node] = grow(mid, hi, depth + 1, rightHist);
      return node;
    }
  }
}
