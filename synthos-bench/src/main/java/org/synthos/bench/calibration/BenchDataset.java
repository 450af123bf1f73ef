package org.synthos.bench.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/**
 * A real dataset of the benchmark: its file, whether it is committed (in {@code examples/}) or
 * derived by {@code tools/data/prepare.sh derived}, and the row cap applied by a seeded subsample.
 *
 * @param name the short name used in tables
 * @param relativePath the file, relative to the repository root
 * @param committed whether the file is in the repository (the quick subset uses only these)
 * @param rowCap rows kept; larger files are reduced to a seeded uniform sample
 */
public record BenchDataset(String name, String relativePath, boolean committed, int rowCap) {
  static final long SUBSAMPLE_SEED = 20240724L;
  static final int ROW_CAP = 5_000;

  /** The committed examples and the derived files, in table order. */
  public static List<BenchDataset> all() {
    return List.of(
        new BenchDataset("seattle-weather", "examples/seattle-weather.csv", true, ROW_CAP),
        new BenchDataset("penguins", "examples/penguins.csv", true, ROW_CAP),
        new BenchDataset("cars", "examples/cars.jsonl", true, ROW_CAP),
        new BenchDataset("credit-g", "examples/credit-g.csv", true, ROW_CAP),
        new BenchDataset("movies", "data/derived/movies.jsonl", false, ROW_CAP),
        new BenchDataset("birdstrikes", "data/derived/birdstrikes.csv", false, ROW_CAP),
        new BenchDataset("zipcodes", "data/derived/zipcodes.csv", false, ROW_CAP),
        new BenchDataset("flights", "data/derived/flights-200k.csv", false, ROW_CAP));
  }

  /** The rows (capped), or empty when a derived file has not been made. */
  public Optional<ColumnBatch> load(Path root) {
    Path file = root.resolve(relativePath);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults())) {
      List<ColumnBatch> batches = new ArrayList<>();
      for (Optional<ColumnBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
        batches.add(b.get());
      }
      ColumnBatch all = DefectInjector.materialise(reader.schema(), batches.iterator());
      return Optional.of(Rows.subsample(all, rowCap, SUBSAMPLE_SEED));
    }
  }
}
