package org.synthos.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.spi.ProxyLearner;

/**
 * The mlp tier on the CPU build of PyTorch: it learns a separable class and a smooth number, is
 * found through the service loader, and gives the same predictions for a seed whether trained alone
 * or beside another model.
 */
@Tag("integration")
class MlpLearnerTest {
  private static final int WIDTH = 3;

  /** Two features decide the class (x0 + x1 > 0); the third is noise. */
  private static ProxyLearner.Task classes(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(7);
    float[] x = new float[rows * WIDTH];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < WIDTH; f++) {
        x[i * WIDTH + f] = (float) r.nextGaussian();
      }
      y[i] = x[i * WIDTH] + x[i * WIDTH + 1] > 0 ? 1 : 0;
    }
    x[5] = Float.NaN;
    return new ProxyLearner.Task(x, y, WIDTH, 2, x.clone(), seed);
  }

  @Test
  void isFoundByTheServiceLoaderAndRunsOnThisMachine() {
    ProxyLearner learner =
        ServiceLoader.load(ProxyLearner.class).findFirst().orElseThrow(AssertionError::new);
    assertEquals("mlp", learner.key());
    assertNull(learner.unavailable());
    assertEquals("cpu", learner.device());
    assertTrue(learner.plannedNanos(2_000, 1_000, 10, 2) > learner.plannedNanos(200, 1_000, 10, 2));
  }

  @Test
  void learnsASeparableClassDeterministically() throws Exception {
    MlpLearner learner = new MlpLearner();
    ProxyLearner.Task task = classes(600, 42);
    ProxyLearner.Fit alone = learner.fit(task);
    int right = 0;
    for (int i = 0; i < task.y().length; i++) {
      float[] p = alone.test()[i];
      assertEquals(1.0, p[0] + p[1], 1e-5);
      if ((p[1] > 0.5) == (task.y()[i] == 1)) {
        right++;
      }
    }
    assertTrue(right > 0.9 * task.y().length, "accuracy " + right);
    assertTrue(alone.finalLoss() < 0.4, "loss " + alone.finalLoss());
    CompletableFuture<ProxyLearner.Fit> beside =
        CompletableFuture.supplyAsync(() -> learner.fit(classes(300, 9)));
    ProxyLearner.Fit again = learner.fit(task);
    beside.get();
    for (int i = 0; i < task.y().length; i++) {
      assertArrayEquals(alone.test()[i], again.test()[i]);
    }
  }

  @Test
  void learnsASmoothNumber() {
    SplittableRandom r = new SplittableRandom(3);
    int rows = 500;
    float[] x = new float[rows];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = (float) (2 * r.nextDouble() - 1);
      y[i] = x[i] * x[i];
    }
    ProxyLearner.Fit fit = new MlpLearner().fit(new ProxyLearner.Task(x, y, 1, 0, x, 5));
    double se = 0;
    double var = 0;
    for (int i = 0; i < rows; i++) {
      se += Math.pow(fit.test()[i][0] - y[i], 2);
      var += Math.pow(y[i] - 1 / 3.0, 2);
    }
    assertTrue(se < 0.2 * var, "R2 " + (1 - se / var));
  }
}
