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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Field;
import org.synthos.core.state.ColumnAccumulator;
import org.synthos.core.state.ColumnStates;
import org.synthos.core.state.StateConfig;

/**
 * Nanoseconds per cell of one column's state update. The column type decides which states are
 * updated: {@code income} (float) and {@code age} (integer) update HLL, moments and KLL; {@code
 * created_at} (datetime) also the datetime range; {@code segment} (categorical, 50 Zipf levels) and
 * {@code active} (boolean) update HLL and frequencies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateUpdateBenchmark {
  static final int ROWS = 8192;

  @Param({"income", "age", "created_at", "segment", "active"})
  public String column;

  private Path dir;
  private Field field;
  private Column cells;
  private ColumnAccumulator accumulator;

  @Setup(Level.Trial)
  public void setUp() {
    dir = Fixtures.tempDir();
    ColumnBatch batch = Fixtures.batch(dir, ROWS, 10);
    int index = batch.schema().indexOf(column).orElseThrow();
    field = batch.schema().field(index);
    cells = batch.column(index);
  }

  /** A fresh accumulator per iteration, so sketch growth does not drift across iterations. */
  @Setup(Level.Iteration)
  public void newAccumulator() {
    accumulator = ColumnAccumulator.of(field, StateConfig.defaults());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Fixtures.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ColumnAccumulator update() {
    accumulator.update(cells);
    return accumulator;
  }

  /** The snapshot taken at the end of a pass (amortised over a batch's cells). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public ColumnStates updateAndSnapshot() {
    ColumnAccumulator fresh = ColumnAccumulator.of(field, StateConfig.defaults());
    fresh.update(cells);
    return fresh.snapshot();
  }
}
