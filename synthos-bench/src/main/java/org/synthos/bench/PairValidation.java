package org.synthos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.LearningOptions;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.StageTiming;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/**
 * The pairs benchmark's only use of the validation library: one validation of a candidate file
 * against a reference file, as {@code synthos validate CANDIDATE --reference REF} runs it (default
 * options and seed, each file opened once to fix its schema and re-read with it pinned by every
 * pass), with the stage timings it reports. Keeping every call to {@code org.synthos.core} here
 * makes a move of the library's packages a one-file change for the benchmark.
 */
final class PairValidation {
  private PairValidation() {}

  /**
   * One validation's figures.
   *
   * @param openMillis opening both files to fix their schemas (type inference), before the
   *     validation; the CLI pays this too, outside its {@code total_millis}
   * @param totalMillis the sum of the stage timings: the report's {@code internal.total_millis}
   * @param stageMillis per stage, in pipeline order, keyed as the report names them
   * @param decision {@code approve} or {@code reject}
   */
  record Run(long openMillis, long totalMillis, Map<String, Long> stageMillis, String decision) {
    boolean approved() {
      return decision.equals("approve");
    }
  }

  /**
   * @param learnBudget the {@code --learn-budget} as typed, or null for the default
   */
  static Run validate(Path candidate, Path reference, String learnBudget) {
    long start = System.nanoTime();
    ValidationInput input = ValidationInput.of(source(candidate), source(reference));
    long openMillis = (System.nanoTime() - start) / 1_000_000;
    ValidationOptions options = ValidationOptions.defaults();
    if (learnBudget != null) {
      options =
          options.withLearning(
              new LearningOptions(
                  LearningOptions.budgetMillis(learnBudget, "--learn-budget"),
                  options.learning().predictAt(),
                  options.learning().maxRows()));
    }
    ValidationResult r = Validator.validate(input, options, ProgressListener.NONE);
    Map<String, Long> stages = new LinkedHashMap<>();
    long total = 0;
    for (StageTiming t : r.timings()) {
      stages.put(t.stage().key(), t.millis());
      total += t.millis();
    }
    return new Run(openMillis, total, stages, r.verdict().decision().key());
  }

  private static DatasetSource source(Path file) {
    Schema schema;
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults())) {
      schema = reader.schema();
    }
    Map<String, ColumnType> pinned = new LinkedHashMap<>();
    for (Field f : schema.fields()) {
      pinned.put(f.name(), f.type());
    }
    ReadOptions fixed = ReadOptions.defaults().withSchemaOverrides(pinned);
    try {
      long size = Files.size(file);
      return new DatasetSource(
          file.toString(), schema, () -> Datasets.batches(Datasets.open(file, fixed)), null, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
