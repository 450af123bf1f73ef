package org.synthos.api.spi;

/**
 * A proxy-model tier trained by a library that the engine does not link against: the learnability
 * cascade's neural network, whose native runtime is too large for the engine itself. Found with
 * {@link java.util.ServiceLoader}; the synthos-neural module provides the one implementation
 * ({@code mlp}, a PyTorch network through DJL). Without a provider on the class path the tier is
 * simply not available, and the report says so.
 *
 * <p>A model must be a function of its rows and seed alone: no global random state, one thread per
 * model, so that models trained side by side give what each gives alone. Implementations need a
 * public no-argument constructor and must be safe to call from several threads at once.
 */
public interface ProxyLearner {
  /** The tier's key in reports and in {@code --learn-tiers}, e.g. {@code "mlp"}. */
  String key();

  /** A human description of the model for reports. */
  String describe();

  /**
   * Why the tier cannot train here (its native runtime is missing, say), or null when it can. May
   * load the runtime, once; cheap afterwards.
   */
  String unavailable();

  /** Where models train: {@code "cpu"}, or {@code "gpu(0)"} when a GPU runtime is present. */
  String device();

  /**
   * The planned nanoseconds of training on {@code trainRows} rows of {@code width} features and
   * predicting {@code testRows}, for {@code classes} classes (0 for regression). A plan, made
   * before training from sizes alone, so that what is trained does not depend on the machine's
   * speed.
   */
  long plannedNanos(int trainRows, int testRows, int width, int classes);

  /** The planned nanoseconds of starting the runtime, paid once per process. */
  long startNanos();

  /**
   * One training set: {@code x} row-major with {@code width} features (NaN for a missing value),
   * {@code y} the class code (0 .. classes - 1) or, for regression ({@code classes == 0}), the
   * value; {@code test} the rows to predict, row-major.
   */
  record Task(float[] x, float[] y, int width, int classes, float[] test, long seed) {}

  /**
   * Per row the class probabilities ({@code [row][class]}) or the predicted value ({@code
   * [row][0]}), for the test rows and for the training rows; {@code finalLoss} is the training loss
   * after the last step.
   */
  record Fit(float[][] test, float[][] train, double finalLoss) {}

  /**
   * Trains one model and predicts.
   *
   * @throws org.synthos.api.SynthosException MODEL_FAILED (2001) when the model cannot be trained
   */
  Fit fit(Task task);
}
