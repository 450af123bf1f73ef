package org.synthos.core.assess;

import java.util.Arrays;
import org.synthos.api.spi.ProxyLearner;

/**
 * The tests' neural tier: a learner that predicts the training rows' class shares (or their mean)
 * for every row, on a device of its own name, so that the engine's handling of an outside tier
 * (selection, planning, scoring, progress, the device it reports) is tested without PyTorch.
 */
public final class FrequencyLearner implements ProxyLearner {
  static final String DEVICE = "test-device";

  @Override
  public String key() {
    return "mlp";
  }

  @Override
  public String describe() {
    return "class shares of the training rows (test learner)";
  }

  @Override
  public String unavailable() {
    return null;
  }

  @Override
  public String device() {
    return DEVICE;
  }

  @Override
  public long plannedNanos(int trainRows, int testRows, int width, int classes) {
    return 1_000L * (trainRows + testRows);
  }

  @Override
  public long startNanos() {
    return 1_000_000;
  }

  @Override
  public Fit fit(Task task) {
    int k = Math.max(1, task.classes());
    float[] shares = new float[k];
    for (float y : task.y()) {
      if (task.classes() > 0) {
        shares[(int) y] += 1f / task.y().length;
      } else {
        shares[0] += y / task.y().length;
      }
    }
    float[][] test = new float[task.test().length / task.width()][];
    float[][] train = new float[task.y().length][];
    Arrays.setAll(test, i -> shares.clone());
    Arrays.setAll(train, i -> shares.clone());
    return new Fit(test, train, Double.NaN);
  }
}
