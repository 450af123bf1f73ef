package org.synthos.bench.jmh;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
import org.openjdk.jmh.infra.Blackhole;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.bench.DataGenerator;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/**
 * Nanoseconds per row of reading a 20-column CSV from the page cache into column batches: opening,
 * schema inference, tokenising and cell parsing. {@code typed} parses every cell to its inferred
 * type (integers, floats, booleans, datetimes); {@code text} declares every column text, so the
 * difference between the two is the cost of cell parsing itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvParseBenchmark {
  static final int ROWS = 50_000;
  static final int COLUMNS = 20;

  @Param({"typed", "text"})
  public String cells;

  private Path dir;
  private Path file;
  private ReadOptions options;

  @Setup(Level.Trial)
  public void setUp() {
    dir = Fixtures.tempDir();
    file = Fixtures.csv(dir, ROWS, COLUMNS);
    options = ReadOptions.defaults();
    if (cells.equals("text")) {
      Map<String, ColumnType> allText = new LinkedHashMap<>();
      for (int c = 0; c < COLUMNS; c++) {
        allText.put(DataGenerator.columnName(c), ColumnType.TEXT);
      }
      options = options.withSchemaOverrides(allText);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Fixtures.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long read(Blackhole sink) {
    long rows = 0;
    try (DatasetReader reader = Datasets.open(file, options)) {
      for (Optional<ColumnBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
        sink.consume(b.get());
        rows += b.get().rowCount();
      }
    }
    return rows;
  }
}
