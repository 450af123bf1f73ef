package org.synthos.core.assess.measure.learn;

import org.synthos.core.assess.LearningTask;
import org.synthos.core.multivariate.RocAuc;

/**
 * How well predictions match held-out labels, as scikit-learn defines them: ROC AUC (binary, or the
 * one-vs-rest AUCs averaged with the classes' shares of the rows as weights, {@code
 * roc_auc_score(multi_class="ovr", average="weighted")}: a macro average would let a class of five
 * rows, present in one training sample and absent from the next, move the metric by a fifth),
 * accuracy, log loss with probabilities clipped to [1e-15, 1 - 1e-15] ({@code log_loss}); R² with
 * the test rows' own mean ({@code r2_score}) and RMSE. Per-row losses (the log loss or the squared
 * error of each row) are what the learning curves' bootstrap resamples.
 */
public final class Scores {
  private static final double CLIP = 1e-15;

  private Scores() {}

  /** The primary metric, larger better: ROC AUC for classes, R² for numbers. */
  public static double primary(LearningTask task, float[][] predictions, float[] labels) {
    return task == LearningTask.CLASSIFICATION ? auc(predictions, labels) : r2(predictions, labels);
  }

  public static String primaryName(LearningTask task) {
    return task == LearningTask.CLASSIFICATION ? "roc_auc" : "r2";
  }

  /** The loss the learning curves model: log loss for classes, mean squared error for numbers. */
  public static String lossName(LearningTask task) {
    return task == LearningTask.CLASSIFICATION ? "log_loss" : "mse";
  }

  public static double auc(float[][] p, float[] labels) {
    int classes = p.length == 0 ? 0 : p[0].length;
    if (classes == 2) {
      return RocAuc.of(column(p, 1), positives(labels, 1));
    }
    double sum = 0;
    double weights = 0;
    for (int c = 0; c < classes; c++) {
      boolean[] positive = positives(labels, c);
      double a = RocAuc.of(column(p, c), positive);
      if (!Double.isNaN(a)) {
        double w = 0;
        for (boolean x : positive) {
          w += x ? 1 : 0;
        }
        sum += w * a;
        weights += w;
      }
    }
    return weights == 0 ? Double.NaN : sum / weights;
  }

  public static double accuracy(float[][] p, float[] labels) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += argmax(p[i]) == (int) labels[i] ? 1 : 0;
    }
    return labels.length == 0 ? Double.NaN : (double) right / labels.length;
  }

  public static double logLoss(float[][] p, float[] labels) {
    return mean(rowLosses(LearningTask.CLASSIFICATION, p, labels));
  }

  public static double rmse(float[][] p, float[] labels) {
    return Math.sqrt(mean(rowLosses(LearningTask.REGRESSION, p, labels)));
  }

  public static double r2(float[][] p, float[] labels) {
    double mean = 0;
    for (float y : labels) {
      mean += y;
    }
    mean /= labels.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < labels.length; i++) {
      double e = labels[i] - (double) p[i][0];
      res += e * e;
      tot += (labels[i] - mean) * (labels[i] - mean);
    }
    return tot > 0 ? 1 - res / tot : Double.NaN;
  }

  /** Each row's loss: -ln P(true class), or the squared error. */
  public static double[] rowLosses(LearningTask task, float[][] p, float[] labels) {
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (task == LearningTask.CLASSIFICATION) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p[i][(int) labels[i]]));
        out[i] = -Math.log(q);
      } else {
        double e = labels[i] - (double) p[i][0];
        out[i] = e * e;
      }
    }
    return out;
  }

  /**
   * How concentrated the predictions are: the Shannon entropy (nats) of the predicted classes'
   * shares for classes, the standard deviation of the predicted values for numbers. A model trained
   * on collapsed data predicts fewer classes or a narrower range.
   */
  public static double spread(LearningTask task, float[][] p) {
    if (task == LearningTask.CLASSIFICATION) {
      int classes = p.length == 0 ? 0 : p[0].length;
      double[] counts = new double[classes];
      for (float[] row : p) {
        counts[argmax(row)]++;
      }
      double h = 0;
      for (double c : counts) {
        if (c > 0) {
          double q = c / p.length;
          h -= q * Math.log(q);
        }
      }
      return h;
    }
    double mean = 0;
    for (float[] row : p) {
      mean += row[0];
    }
    mean /= p.length;
    double ss = 0;
    for (float[] row : p) {
      ss += (row[0] - mean) * (row[0] - mean);
    }
    return p.length > 1 ? Math.sqrt(ss / (p.length - 1)) : Double.NaN;
  }

  /** The arithmetic mean; NaN when empty. */
  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /** The first class of highest probability, as numpy's argmax. */
  private static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double[] column(float[][] p, int c) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i][c];
    }
    return out;
  }

  private static boolean[] positives(float[] labels, int c) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = (int) labels[i] == c;
    }
    return out;
  }
}
