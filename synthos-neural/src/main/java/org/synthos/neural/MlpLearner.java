package org.synthos.neural;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Locale;
import java.util.SplittableRandom;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ProxyLearner;

/**
 * The {@code mlp} tier: a multi-layer perceptron with two hidden layers of {@value #HIDDEN} ReLU
 * units, trained by Adam (learning rate {@value #LEARNING_RATE}, L2 penalty {@value #WEIGHT_DECAY})
 * on mini-batches of {@value #BATCH} rows for {@value #EPOCHS} epochs (at least {@value #MIN_STEPS}
 * steps), with softmax cross-entropy for classes and squared error for numbers. The penalty and the
 * few steps on small sets keep it from memorising a few dozen rows (with 200 steps and no penalty
 * its held-out log loss on 30-166 credit-g rows was 1.9-2.4, against 0.63-1.38 now). A missing
 * feature is 0, the pooled mean of a standardised number and "not this category" of a one-hot
 * column.
 *
 * <p>Deterministic for a seed: the weights are drawn (Glorot uniform, biases 0) and the batches
 * shuffled by a {@link SplittableRandom} of the model's seed, never by the engine's global
 * generator, and PyTorch runs each model on one thread ({@code ai.djl.pytorch.num_threads=1},
 * unless set), so models trained side by side give what each gives alone. On a GPU, results may
 * differ from the CPU's in the last bits.
 *
 * <p>Offline: {@code ai.djl.offline} defaults to true, so the PyTorch native library must be on the
 * class path ({@code pytorch-native-cpu}, or a CUDA build of the same version, which DJL prefers
 * and which puts the models on the first GPU). It is extracted once into DJL's cache ({@code
 * DJL_CACHE_DIR}, by default {@code ~/.djl.ai}).
 */
public final class MlpLearner implements ProxyLearner {
  static final int HIDDEN = 32;
  static final int BATCH = 256;
  static final int EPOCHS = 15;
  static final int MIN_STEPS = 20;
  static final float LEARNING_RATE = 0.01f;
  static final float WEIGHT_DECAY = 0.01f;

  /**
   * Planned nanoseconds per optimiser step (the calls into PyTorch dominate at these sizes), and
   * per row x weight of a step's batch; measured on one core of the 2-core development machine
   * under load (4-8 ms a step of 256 rows x 40 features), rounded up.
   */
  static final double STEP_NANOS = 4_000_000;

  static final double UNIT_NANOS = 0.5;

  /** Planned start of the runtime: extraction and loading of libtorch, on the first use. */
  static final long START_NANOS = 6_000_000_000L;

  private static final String ENGINE = "PyTorch";

  /** The engine, or why it cannot load: loaded once, on first use. */
  private static final class Runtime {
    static final Engine ENGINE_OR_NULL;
    static final String FAILURE;

    static {
      setDefault("ai.djl.offline", "true");
      setDefault("ai.djl.pytorch.num_threads", "1");
      setDefault("ai.djl.pytorch.num_interop_threads", "1");
      Engine engine = null;
      String failure = null;
      try {
        engine = Engine.getEngine(ENGINE);
      } catch (RuntimeException | LinkageError e) {
        failure =
            "the PyTorch runtime did not load (its native library is neither on the class path nor"
                + " in the DJL cache; build the command line with mvn -Pneural): "
                + e.getMessage();
      }
      ENGINE_OR_NULL = engine;
      FAILURE = failure;
    }

    private static void setDefault(String key, String value) {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    }
  }

  /** Public for {@link java.util.ServiceLoader}. */
  public MlpLearner() {}

  @Override
  public String key() {
    return "mlp";
  }

  @Override
  public String describe() {
    return "neural network (PyTorch through DJL, 2 hidden layers of "
        + HIDDEN
        + " units, "
        + EPOCHS
        + " epochs)";
  }

  @Override
  public String unavailable() {
    return Runtime.FAILURE;
  }

  @Override
  public String device() {
    return Runtime.ENGINE_OR_NULL != null && Runtime.ENGINE_OR_NULL.getGpuCount() > 0
        ? "gpu(0)"
        : "cpu";
  }

  @Override
  public long plannedNanos(int trainRows, int testRows, int width, int classes) {
    long steps = steps(trainRows);
    double perRow = (double) Math.max(1, width) * HIDDEN + HIDDEN * HIDDEN;
    return (long)
        (steps * (STEP_NANOS + UNIT_NANOS * 3 * Math.min(BATCH, trainRows) * perRow)
            + UNIT_NANOS * (trainRows + testRows) * perRow);
  }

  @Override
  public long startNanos() {
    return START_NANOS;
  }

  static long steps(int rows) {
    long perEpoch = (rows + BATCH - 1) / BATCH;
    return Math.max(MIN_STEPS, EPOCHS * perEpoch);
  }

  /**
   * DJL lets one gradient collector record at a time in a process, so networks train one after
   * another (the cascade's tree models go on beside them on the other cores).
   */
  private static final Object TRAINING = new Object();

  @Override
  public Fit fit(Task task) {
    if (Runtime.FAILURE != null) {
      throw new SynthosException(ErrorCode.MODEL_FAILED, Runtime.FAILURE);
    }
    synchronized (TRAINING) {
      return train(task);
    }
  }

  private Fit train(Task task) {
    int width = task.width();
    int n = task.y().length;
    int outputs = task.classes() > 0 ? task.classes() : 1;
    Device device = Runtime.ENGINE_OR_NULL.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    SplittableRandom random = new SplittableRandom(task.seed());
    SequentialBlock block =
        new SequentialBlock()
            .add(Linear.builder().setUnits(HIDDEN).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(HIDDEN).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(outputs).build());
    Loss loss = task.classes() > 0 ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss();
    float[] x = filled(task.x());
    try (Model model = Model.newInstance("mlp", device, ENGINE)) {
      model.setBlock(block);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(loss)
              .optDevices(new Device[] {device})
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                      .optWeightDecays(WEIGHT_DECAY)
                      .build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, width));
        initialise(block, random);
        NDManager manager = trainer.getManager();
        double last = Double.NaN;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        long steps = steps(n);
        int batch = Math.min(BATCH, n);
        float[] xb = new float[batch * width];
        float[] yb = new float[batch];
        int at = n;
        for (long step = 0; step < steps; step++) {
          if (at + batch > n) {
            shuffle(order, random);
            at = 0;
          }
          for (int k = 0; k < batch; k++) {
            int r = order[at + k];
            System.arraycopy(x, r * width, xb, k * width, width);
            yb[k] = task.y()[r];
          }
          at += batch;
          try (NDManager scope = manager.newSubManager()) {
            NDArray features = scope.create(xb, new Shape(batch, width));
            NDArray labels = scope.create(yb, new Shape(batch));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList predicted = trainer.forward(new NDList(features));
              NDArray value = loss.evaluate(new NDList(labels), predicted);
              gc.backward(value);
              if (step == steps - 1) {
                last = value.getFloat();
              }
            }
            trainer.step();
          }
        }
        return new Fit(
            predict(trainer, filled(task.test()), width, task.classes()),
            predict(trainer, x, width, task.classes()),
            last);
      }
    } catch (SynthosException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SynthosException(
          ErrorCode.MODEL_FAILED,
          String.format(Locale.ROOT, "training the mlp on %d rows failed: %s", n, e.getMessage()),
          null,
          e);
    }
  }

  private static float[][] predict(Trainer trainer, float[] x, int width, int classes) {
    int rows = x.length / width;
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray out =
          trainer.evaluate(new NDList(scope.create(x, new Shape(rows, width)))).singletonOrThrow();
      if (classes > 0) {
        out = out.softmax(-1);
      }
      float[] flat = out.toFloatArray();
      int k = classes > 0 ? classes : 1;
      float[][] result = new float[rows][k];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(flat, r * k, result[r], 0, k);
      }
      return result;
    }
  }

  /** Glorot-uniform weights and zero biases, drawn from the model's own generator. */
  private static void initialise(SequentialBlock block, SplittableRandom random) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray array = p.getValue().getArray();
      Shape shape = array.getShape();
      float[] values = new float[Math.toIntExact(shape.size())];
      if (p.getValue().getType() == Parameter.Type.WEIGHT) {
        // Linear's weight is (out, in).
        double limit = Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
      }
      array.set(values);
    }
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** The features with each missing value (NaN) as 0. */
  private static float[] filled(float[] x) {
    float[] out = x.clone();
    for (int i = 0; i < out.length; i++) {
      if (Float.isNaN(out[i])) {
        out[i] = 0;
      }
    }
    return out;
  }
}
