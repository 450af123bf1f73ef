package org.synthos.bench.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.synthos.api.ColumnBatch;
import org.synthos.core.rows.RowHasher;

/**
 * Nanoseconds per row of hashing whole 20-column rows column by column over a batch ({@code
 * hashBatch}, the path the full pass takes for exact duplicates and copies of reference rows).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowHashBenchmark {
  static final int ROWS = 8192;

  private Path dir;
  private ColumnBatch batch;
  private final long[] high = new long[ROWS];
  private final long[] low = new long[ROWS];

  @Setup(Level.Trial)
  public void setUp() {
    dir = Fixtures.tempDir();
    batch = Fixtures.batch(dir, ROWS, 20);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Fixtures.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long[] hashBatch() {
    RowHasher.hashBatch(batch, Fixtures.SEED, high, low);
    return high;
  }
}
