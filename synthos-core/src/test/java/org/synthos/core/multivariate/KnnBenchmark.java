package org.synthos.core.multivariate;

import java.util.SplittableRandom;

/**
 * Times PRDC (three blocked all-pairs passes) on an n x n sample of d standard normal features.
 *
 * <p>Run: {@code mvn -B -q -pl synthos-core -am test-compile && java -cp
 * synthos-core/target/test-classes:synthos-core/target/classes:synthos-api/target/classes
 * org.synthos.core.multivariate.KnnBenchmark 50000 20 [all]}; with {@code all} it also times
 * alpha-precision, DCR and the detection test on the same samples.
 */
public final class KnnBenchmark {
  private KnnBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    EncodedSample real = gaussian(n, d, 1.0, 1);
    EncodedSample fake = gaussian(n, d, 0.8, 2);
    long start = System.nanoTime();
    double[] v = Prdc.raw(real, fake, Prdc.DEFAULT_K);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "PRDC %d x %d, d=%d, k=5, %d cores: %.1f s (precision %.3f recall %.3f density %.3f"
            + " coverage %.3f)%n",
        n, n, d, Runtime.getRuntime().availableProcessors(), seconds, v[0], v[1], v[2], v[3]);
    if (args.length > 2 && args[2].equals("all")) {
      time("alpha-precision", () -> AlphaPrecision.raw(real, fake)[0]);
      time(
          "DCR",
          () ->
              ((MultivariateValue.Measured)
                      DistanceToClosestRecord.compute(real, fake, 0.5, 1, 10)
                          .shareCloserThanHoldout())
                  .value());
      time(
          "detection AUC",
          () ->
              ((MultivariateValue.Measured)
                      DetectionTest.compute(real, fake, DetectionOptions.defaults()).auc())
                  .value());
    }
  }

  private static void time(String name, java.util.function.DoubleSupplier metric) {
    long start = System.nanoTime();
    double value = metric.getAsDouble();
    System.out.printf("%s: %.1f s (value %.3f)%n", name, (System.nanoTime() - start) / 1e9, value);
  }

  static EncodedSample gaussian(int n, int d, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] m = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[i][j] = scale * gaussian(random);
      }
    }
    return EncodedSample.of(m);
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller; the second variate is discarded for simplicity.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
