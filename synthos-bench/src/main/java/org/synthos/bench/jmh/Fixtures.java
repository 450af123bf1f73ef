package org.synthos.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synthos.api.ColumnBatch;
import org.synthos.bench.DataGenerator;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/** Deterministic benchmark inputs, made once per trial in a temporary directory. */
final class Fixtures {
  static final long SEED = 42;

  private Fixtures() {}

  /** A generated CSV file of {@code rows} rows and {@code columns} columns. */
  static Path csv(Path dir, long rows, int columns) {
    Path file = dir.resolve("fixture-" + rows + "x" + columns + ".csv");
    try {
      DataGenerator.writeCsv(file, rows, columns, SEED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The first {@code rows} rows of a generated file, as one batch with inferred types. */
  static ColumnBatch batch(Path dir, int rows, int columns) {
    Path file = csv(dir, rows, columns);
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults().withBatchSize(rows))) {
      return reader.next().orElseThrow();
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("synthos-jmh-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
