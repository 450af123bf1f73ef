package org.synthos.core.assess.measure.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.synthos.core.assess.LearningTask;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.multivariate.RocAuc;

/**
 * The rows a proxy model learns from, as one dense row-major float matrix: the candidate's rows
 * first, then the reference's, each side a seeded sample of at most {@code maxPerSide} rows whose
 * target is present. Features are every other compared column: numbers standardised by the pooled
 * mean and standard deviation (so the linear tier's penalty treats them alike), categories one-hot
 * over their {@value #TOP_CATEGORIES} most frequent pooled values; a missing cell is NaN, which the
 * models treat as missing. Near-unique categorical columns (labels such as names) are left out:
 * their one-hot columns would only memorise rows.
 *
 * <p>A numeric target is learned on the reference's quantile scale: each value is replaced by its
 * mid-rank among the reference's values divided by their count, F(y) in [0, 1]. Amounts, prices and
 * delays are heavy-tailed, and on their own scale a handful of extreme rows decide squared errors
 * and R² (a model that misses one outlier by a million scores an R² of -5); on the quantile scale
 * the models, the metric and the spread of predictions measure how well the ordering of the target
 * is learned, which is what a collapsed relation loses.
 */
public final class Design {
  public static final int TOP_CATEGORIES = 10;
  public static final int MAX_CLASSES = 50;

  /** A categorical feature with more distinct values than this share of its rows is a label. */
  private static final double LABEL_SHARE = 0.5;

  public final String target;
  public final LearningTask task;

  /** The reference's classes in code order (classification), else null. */
  public final String[] classNames;

  public final String[] features;
  public final int width;
  public final float[] x;
  public final float[] y;
  public final int candidateRows;
  public final int referenceRows;

  /** Candidate rows left out because their class never occurs in the reference. */
  public final int unseenClassRows;

  private Design(
      String target,
      LearningTask task,
      String[] classNames,
      String[] features,
      float[] x,
      float[] y,
      int candidateRows,
      int referenceRows,
      int unseenClassRows) {
    this.target = target;
    this.task = task;
    this.classNames = classNames;
    this.features = features;
    this.width = features.length;
    this.x = x;
    this.y = y;
    this.candidateRows = candidateRows;
    this.referenceRows = referenceRows;
    this.unseenClassRows = unseenClassRows;
  }

  public int rows() {
    return candidateRows + referenceRows;
  }

  public int classes() {
    return classNames == null ? 0 : classNames.length;
  }

  /** A design, or why none can be built. */
  public record Built(Design design, String reason) {}

  /** The task a target column poses: classes for categories, regression for numbers. */
  public static LearningTask taskOf(Pool.Var target) {
    return target.numeric ? LearningTask.REGRESSION : LearningTask.CLASSIFICATION;
  }

  public static Built of(Pool pool, Pool.Var target, int maxPerSide, SplittableRandom random) {
    if (target.text) {
      return new Built(
          null, "'" + target.name + "' holds free text, which no proxy model predicts");
    }
    LearningTask task = taskOf(target);
    int[] classOf = null;
    String[] classNames = null;
    if (task == LearningTask.CLASSIFICATION) {
      int[] refCounts = new int[target.categories()];
      for (int i = pool.nC; i < pool.n; i++) {
        if (target.codes[i] >= 0) {
          refCounts[target.codes[i]]++;
        }
      }
      List<String> names = new ArrayList<>();
      classOf = new int[target.categories()];
      Arrays.fill(classOf, -1);
      for (int c = 0; c < refCounts.length; c++) {
        if (refCounts[c] > 0) {
          classOf[c] = names.size();
          names.add(target.dictionary[c]);
        }
      }
      if (names.size() < 2) {
        return new Built(null, "'" + target.name + "' has fewer than two classes in the reference");
      }
      if (names.size() > MAX_CLASSES) {
        return new Built(
            null,
            "'"
                + target.name
                + "' has "
                + names.size()
                + " classes in the reference, more than the "
                + MAX_CLASSES
                + " a proxy model is trained for");
      }
      classNames = names.toArray(String[]::new);
    }
    int unseen = 0;
    IntList cand = new IntList();
    IntList ref = new IntList();
    for (int i = 0; i < pool.n; i++) {
      boolean present = target.numeric ? !Double.isNaN(target.values[i]) : target.codes[i] >= 0;
      if (!present) {
        continue;
      }
      if (classOf != null && classOf[target.codes[i]] < 0) {
        unseen++;
        continue;
      }
      (i < pool.nC ? cand : ref).add(i);
    }
    int[] candRows = sample(cand.toArray(), maxPerSide, random);
    int[] refRows = sample(ref.toArray(), maxPerSide, random);
    if (candRows.length < 2 || refRows.length < 2) {
      return new Built(null, "'" + target.name + "' is present in too few rows to learn from");
    }
    List<Pool.Var> numeric = new ArrayList<>();
    List<Pool.Var> categorical = new ArrayList<>();
    List<int[]> topCodes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Pool.Var v : pool.vars) {
      if (v == target || v.text) {
        continue;
      }
      if (v.numeric) {
        if (v.sd > 0) {
          numeric.add(v);
          names.add(v.name);
        }
      } else {
        int[] top = topCategories(v, pool.n);
        if (top.length > 0) {
          categorical.add(v);
          topCodes.add(top);
          for (int c : top) {
            names.add(v.name + "=" + v.dictionary[c]);
          }
        }
      }
    }
    if (names.isEmpty()) {
      return new Built(null, "no other column can serve as a feature for '" + target.name + "'");
    }
    int width = names.size();
    int rows = candRows.length + refRows.length;
    double[] reference = null;
    if (classOf == null) {
      reference = new double[pool.nR];
      int k = 0;
      for (int i = pool.nC; i < pool.n; i++) {
        if (!Double.isNaN(target.values[i])) {
          reference[k++] = target.values[i];
        }
      }
      reference = Arrays.copyOf(reference, k);
      Arrays.sort(reference);
    }
    float[] x = new float[rows * width];
    float[] y = new float[rows];
    double[] means = new double[numeric.size()];
    for (int f = 0; f < numeric.size(); f++) {
      means[f] = mean(numeric.get(f).values);
    }
    for (int r = 0; r < rows; r++) {
      int i = r < candRows.length ? candRows[r] : refRows[r - candRows.length];
      int o = r * width;
      for (int f = 0; f < numeric.size(); f++) {
        Pool.Var v = numeric.get(f);
        double value = v.values[i];
        x[o++] = Double.isNaN(value) ? Float.NaN : (float) ((value - means[f]) / v.sd);
      }
      for (int f = 0; f < categorical.size(); f++) {
        int code = categorical.get(f).codes[i];
        for (int c : topCodes.get(f)) {
          x[o++] = code < 0 ? Float.NaN : code == c ? 1f : 0f;
        }
      }
      y[r] =
          classOf != null
              ? classOf[target.codes[i]]
              : (float) quantile(reference, target.values[i]);
    }
    return new Built(
        new Design(
            target.name,
            task,
            classNames,
            names.toArray(String[]::new),
            x,
            y,
            candRows.length,
            refRows.length,
            unseen),
        null);
  }

  /** The feature matrix of {@code rows} (design row indices), row-major. */
  public float[] features(int[] rows) {
    float[] out = new float[rows.length * width];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(x, rows[k] * width, out, k * width, width);
    }
    return out;
  }

  public float[] labels(int[] rows) {
    float[] out = new float[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = y[rows[k]];
    }
    return out;
  }

  /**
   * The codes of the most frequent categories (at most {@value #TOP_CATEGORIES}), in code order;
   * none for a column with one value or for a near-unique label column.
   */
  private static int[] topCategories(Pool.Var v, int n) {
    int[] counts = new int[v.categories()];
    int present = 0;
    for (int i = 0; i < n; i++) {
      if (v.codes[i] >= 0) {
        counts[v.codes[i]]++;
        present++;
      }
    }
    int distinct = (int) Arrays.stream(counts).filter(c -> c > 0).count();
    if (distinct < 2 || distinct > LABEL_SHARE * present) {
      return new int[0];
    }
    Integer[] order = new Integer[counts.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? counts[b] - counts[a] : a - b);
    int k = Math.min(TOP_CATEGORIES, distinct);
    int[] top = new int[k];
    for (int j = 0; j < k; j++) {
      top[j] = order[j];
    }
    Arrays.sort(top);
    return top;
  }

  /** The mid-rank of {@code v} among the sorted reference values, divided by their count. */
  static double quantile(double[] sortedReference, double v) {
    int below = RocAuc.lowerBound(sortedReference, v);
    int upTo = below;
    while (upTo < sortedReference.length && sortedReference[upTo] == v) {
      upTo++;
    }
    return (below + 0.5 * (upTo - below)) / sortedReference.length;
  }

  private static double mean(double[] values) {
    double sum = 0;
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  /** At most {@code max} of {@code rows}, a seeded uniform choice kept in row order. */
  private static int[] sample(int[] rows, int max, SplittableRandom random) {
    if (rows.length <= max) {
      return rows;
    }
    int[] order = Shuffle.permutation(0, rows.length, random);
    int[] out = new int[max];
    for (int k = 0; k < max; k++) {
      out[k] = rows[order[k]];
    }
    Arrays.sort(out);
    return out;
  }

  /** A growable list of ints, so the row scan boxes nothing. */
  private static final class IntList {
    private int[] a = new int[64];
    private int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, size);
    }
  }
}
