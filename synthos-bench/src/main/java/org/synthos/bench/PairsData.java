package org.synthos.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.synthos.api.ColumnBatch;
import org.synthos.bench.calibration.BenchDataset;
import org.synthos.bench.calibration.Family;
import org.synthos.bench.calibration.Rows;
import org.synthos.io.DatasetWriter;
import org.synthos.io.DatasetWriters;

/**
 * The pairs of the pairs benchmark, written as CSV: for each derived dataset, a seeded subsample of
 * twice the half size split into disjoint random halves (the calibration benchmark's datasets and
 * split), the reference half, the clean candidate half, and the candidate half with each requested
 * defect injected at its moderate severity.
 */
final class PairsData {
  /** The committed example pair of the README: 500 rows each, one clean candidate. */
  static final String EXAMPLE = "example-credit-g";

  private PairsData() {}

  /**
   * One candidate and its reference.
   *
   * @param dataset the dataset's short name
   * @param defect {@code clean} or the injected family
   */
  record Pair(
      String dataset,
      String defect,
      Path candidate,
      Path reference,
      int candidateRows,
      int referenceRows,
      int columns) {
    String name() {
      return dataset + "-" + defect;
    }
  }

  /** The known derived datasets' short names, in table order. */
  static List<String> derivedNames() {
    return BenchDataset.all().stream().filter(d -> !d.committed()).map(BenchDataset::name).toList();
  }

  /** Writes the pairs under {@code dir} and lists them; missing derived files are skipped. */
  static List<Pair> make(PairsOptions options, Path root, Path dir, Consumer<String> log) {
    for (String name : options.datasets()) {
      if (!derivedNames().contains(name)) {
        throw new IllegalArgumentException(
            "unknown dataset '" + name + "' (" + String.join(", ", derivedNames()) + ")");
      }
    }
    List<Family> families = new ArrayList<>();
    for (String key : options.defects()) {
      families.add(
          Family.defective().stream()
              .filter(f -> f.key().equals(key))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown defect '" + key + "'")));
    }
    List<Pair> pairs = new ArrayList<>();
    for (BenchDataset d : BenchDataset.all()) {
      if (d.committed()
          || (!options.datasets().isEmpty() && !options.datasets().contains(d.name()))) {
        continue;
      }
      BenchDataset capped = new BenchDataset(d.name(), d.relativePath(), false, 2 * options.size());
      Optional<ColumnBatch> rows = capped.load(root);
      if (rows.isEmpty()) {
        log.accept(
            "pairs: "
                + d.relativePath()
                + " not found, skipped (make it with tools/data/prepare.sh derived)");
        continue;
      }
      ColumnBatch[] halves = Rows.halves(rows.get(), options.seed());
      ColumnBatch reference = halves[0];
      Path refFile = write(reference, dir.resolve(d.name() + "-reference.csv"));
      pairs.add(
          pair(
              d.name(),
              "clean",
              write(halves[1], dir.resolve(d.name() + "-clean.csv")),
              refFile,
              halves[1],
              reference));
      for (Family f : families) {
        ColumnBatch candidate =
            f.apply(halves[1], reference, f.moderate(), options.seed() + 1).batch();
        Path file = write(candidate, dir.resolve(d.name() + "-" + f.key() + ".csv"));
        pairs.add(pair(d.name(), f.key(), file, refFile, candidate, reference));
      }
      log.accept("pairs: wrote " + d.name() + " (" + reference.rowCount() + " rows per half)");
    }
    return pairs;
  }

  /** The README's example pair, when it is there. */
  static Optional<Pair> example(Path root) {
    String candidate = "examples/pairs/credit-g-real-half.csv";
    String reference = "examples/pairs/credit-g-reference.csv";
    Optional<ColumnBatch> c =
        new BenchDataset(EXAMPLE, candidate, true, Integer.MAX_VALUE).load(root);
    Optional<ColumnBatch> r =
        new BenchDataset(EXAMPLE, reference, true, Integer.MAX_VALUE).load(root);
    if (c.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        pair(EXAMPLE, "clean", root.resolve(candidate), root.resolve(reference), c.get(), r.get()));
  }

  private static Pair pair(
      String dataset,
      String defect,
      Path candidate,
      Path reference,
      ColumnBatch cand,
      ColumnBatch ref) {
    return new Pair(
        dataset,
        defect,
        candidate,
        reference,
        cand.rowCount(),
        ref.rowCount(),
        cand.schema().fields().size());
  }

  private static Path write(ColumnBatch batch, Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (DatasetWriter writer = DatasetWriters.csv(file, batch.schema())) {
      writer.write(batch);
    }
    return file;
  }
}
