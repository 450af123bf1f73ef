package org.synthos.core.assess.measure.learn;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.synthos.core.assess.LearningTask;

/**
 * The capacities of the proxy-model cascade. Three are trained by XGBoost: a linear model (logistic
 * or least squares with an L2 penalty, XGBoost's shotgun coordinate updater, which on one thread is
 * plain cyclic coordinate descent and three times faster than its other updater) and a small and a
 * large gradient-boosted tree ensemble (histogram method). Each trains on one thread with a fixed
 * seed, so a model is a function of its rows alone, whatever runs beside it. The fourth, {@link
 * #MLP}, is a small neural network trained by a {@link org.synthos.api.spi.ProxyLearner} found on
 * the class path (synthos-neural); without one it is not available.
 */
public enum ProxyTier {
  LINEAR(0, 10, 0.5),
  GBT_SMALL(3, 15, 0.4),
  GBT_LARGE(6, 60, 0.15),
  MLP(-1, 0, 0);

  /** Histogram bins per feature: enough for tabular data, cheap to build. */
  private static final int MAX_BINS = 32;

  private final int depth;
  private final int rounds;
  private final double eta;

  ProxyTier(int depth, int rounds, double eta) {
    this.depth = depth;
    this.rounds = rounds;
    this.eta = eta;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the tier trained outside XGBoost, by a {@link Neural} learner. */
  public boolean neural() {
    return depth < 0;
  }

  /** The tier of {@code key} ("linear", "gbt_small", "gbt_large", "mlp"), or null. */
  public static ProxyTier of(String key) {
    for (ProxyTier t : values()) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    return null;
  }

  public int rounds() {
    return rounds;
  }

  /** A human description for reports. */
  public String describe() {
    if (neural()) {
      return Neural.describe();
    }
    return depth == 0
        ? "linear model (XGBoost gblinear, " + rounds + " rounds)"
        : "gradient-boosted trees (XGBoost, " + rounds + " trees of depth " + depth + ")";
  }

  /**
   * Work units per training row and feature, relative to one boosting round of depth 1: what the
   * budget planner multiplies by rows x features x rounds.
   */
  public double relativeCost() {
    return depth == 0 ? 1.5 : depth;
  }

  Map<String, Object> params(LearningTask task, int classes, long seed) {
    Map<String, Object> p = new HashMap<>();
    p.put("nthread", 1);
    p.put("seed", seed);
    p.put("verbosity", 0);
    p.put("eta", eta);
    if (depth == 0) {
      p.put("booster", "gblinear");
      p.put("updater", "shotgun");
      p.put("lambda", 1.0);
    } else {
      p.put("booster", "gbtree");
      p.put("tree_method", "hist");
      p.put("max_bin", MAX_BINS);
      p.put("max_depth", depth);
      p.put("min_child_weight", 1.0);
    }
    if (task == LearningTask.REGRESSION) {
      p.put("objective", "reg:squarederror");
    } else if (classes == 2) {
      p.put("objective", "binary:logistic");
    } else {
      p.put("objective", "multi:softprob");
      p.put("num_class", classes);
    }
    return p;
  }
}
