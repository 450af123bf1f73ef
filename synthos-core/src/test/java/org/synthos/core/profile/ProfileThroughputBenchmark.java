package org.synthos.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.state.TestBatches;

/**
 * Times {@link Profiler#profile} on in-memory rows of float columns (every numeric column feeds a
 * quantile sketch, the hot path this measures), best and median of several runs after a warm-up.
 *
 * <p>Run, with the datasketches-java and datasketches-memory jars (from the local Maven repository)
 * added to the class path: {@code mvn -B -q -pl synthos-core -am test-compile && java -cp
 * synthos-core/target/test-classes:synthos-core/target/classes:synthos-api/target/classes:JARS
 * org.synthos.core.profile.ProfileThroughputBenchmark 1000000 10 1 8192 9}: rows, columns, threads,
 * batch size, timed runs.
 */
public final class ProfileThroughputBenchmark {
  private ProfileThroughputBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int columns = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 8192;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      fields.add(new Field("x" + c, ColumnType.FLOAT));
    }
    Schema schema = new Schema(fields);
    List<ColumnBatch> batches = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int from = 0; from < rows; from += batchSize) {
      int n = Math.min(batchSize, rows - from);
      Column[] cols = new Column[columns];
      for (int c = 0; c < columns; c++) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = c * 10 + random.nextDouble() * random.nextDouble() * 100;
        }
        cols[c] = TestBatches.doubles(v);
      }
      batches.add(TestBatches.batch(schema, from, cols));
    }
    // pairs off: the quantile and column states are what this measures
    ProfileOptions options = ProfileOptions.defaults().withThreads(threads).withPairColumns(0, 0);
    Profiler.profile(schema, batches.iterator(), options);
    double[] seconds = new double[runs];
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      Profiler.profile(schema, batches.iterator(), options);
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        "%d rows x %d float columns, %d threads, batches of %d: best %.3f s (%.1f M cells/s),"
            + " median %.3f s%n",
        rows,
        columns,
        threads,
        batchSize,
        seconds[0],
        rows * (double) columns / seconds[0] / 1e6,
        seconds[runs / 2]);
  }
}
