package org.synthos.core.assess.measure.learn;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ProxyLearner;
import org.synthos.core.assess.LearningTask;

/** Trains one proxy model and predicts for held-out rows and for its own training rows. */
public final class ProxyModel {
  private ProxyModel() {}

  /**
   * Predictions of one model: per row the class probabilities (classification, {@code
   * [row][class]}) or the predicted value (regression, {@code [row][0]}).
   */
  public record Predictions(float[][] test, float[][] train) {}

  /**
   * Trains {@code tier} on the design rows {@code train} and predicts {@code test} and the training
   * rows.
   *
   * @throws SynthosException MODEL_FAILED (2001) when the library cannot train the model
   */
  public static Predictions fit(Design d, ProxyTier tier, int[] train, int[] test, long seed) {
    if (tier.neural()) {
      return neural(d, train, test, seed);
    }
    DMatrix trainMatrix = null;
    DMatrix testMatrix = null;
    Booster booster = null;
    try {
      trainMatrix = new DMatrix(d.features(train), train.length, d.width, Float.NaN);
      trainMatrix.setLabel(d.labels(train));
      testMatrix = new DMatrix(d.features(test), test.length, d.width, Float.NaN);
      Map<String, DMatrix> noWatches = new HashMap<>();
      booster =
          XGBoost.train(
              trainMatrix,
              tier.params(d.task, d.classes(), seed),
              tier.rounds(),
              noWatches,
              null,
              null);
      return new Predictions(
          expand(booster.predict(testMatrix), d), expand(booster.predict(trainMatrix), d));
    } catch (XGBoostError | RuntimeException e) {
      throw failed(d, tier, train.length, e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (testMatrix != null) {
        testMatrix.dispose();
      }
      if (trainMatrix != null) {
        trainMatrix.dispose();
      }
    }
  }

  private static Predictions neural(Design d, int[] train, int[] test, long seed) {
    ProxyLearner learner = Neural.learner();
    String why = Neural.unavailable();
    if (why != null) {
      throw new SynthosException(
          ErrorCode.MODEL_FAILED, "the mlp proxy model cannot train: " + why, null);
    }
    try {
      ProxyLearner.Fit fit =
          learner.fit(
              new ProxyLearner.Task(
                  d.features(train),
                  d.labels(train),
                  d.width,
                  d.task == LearningTask.CLASSIFICATION ? d.classes() : 0,
                  d.features(test),
                  seed));
      return new Predictions(fit.test(), fit.train());
    } catch (SynthosException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(d, ProxyTier.MLP, train.length, e);
    }
  }

  private static SynthosException failed(Design d, ProxyTier tier, int rows, Exception e) {
    return new SynthosException(
        ErrorCode.MODEL_FAILED,
        "training the "
            + tier.key()
            + " proxy model for '"
            + d.target
            + "' on "
            + rows
            + " rows failed: "
            + e.getMessage(),
        null,
        e);
  }

  /** Binary models give P(class 1) alone; every caller reads both classes' probabilities. */
  private static float[][] expand(float[][] raw, Design d) {
    if (d.task != LearningTask.CLASSIFICATION || d.classes() != 2) {
      return raw;
    }
    float[][] out = new float[raw.length][2];
    for (int i = 0; i < raw.length; i++) {
      out[i][1] = raw[i][0];
      out[i][0] = 1 - raw[i][0];
    }
    return out;
  }
}
