package org.synthos.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.LearningOptions;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.io.DatasetFile;
import org.synthos.io.ReadOptions;
import org.synthos.report.JsonReport;
import scala.Tuple2;

/** A small local Spark, the command line's answer for a file pair, and uneven partitionings. */
final class SparkFixture {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path PAIRS = EXAMPLES.resolve("pairs");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /**
   * Defaults without the proxy-model cascade: it stops on a deadline, so on a loaded machine its
   * answer may depend on time rather than on the rows.
   */
  static final ValidationOptions OPTIONS =
      ValidationOptions.defaults().withLearning(new LearningOptions(0, 0, 20_000));

  /**
   * Fields that name the run rather than judge the rows: timestamps and timings, and the digests
   * (the file hash is not given to either side, the content digest depends on the partitioning),
   * with the ids made from them.
   */
  private static final Set<String> NOT_COMPARED =
      Set.of(
          "created_at",
          "completed_at",
          "internal",
          "validation_id",
          "dataset_id",
          "sha256",
          "content_sha256");

  private SparkFixture() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("synthos-spark-test")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
  }

  /** {@code synthos validate} on local files, as the command line runs it. */
  static ValidationResult commandLine(Path candidate, Path reference) {
    return commandLine(candidate, reference, OPTIONS);
  }

  static ValidationResult commandLine(Path candidate, Path reference, ValidationOptions options) {
    return Validator.validate(
        new ValidationInput(source(candidate), reference == null ? null : source(reference)),
        options,
        ProgressListener.NONE,
        CLOCK);
  }

  private static DatasetSource source(Path file) {
    DatasetFile f = DatasetFile.open(file, ReadOptions.defaults());
    return new DatasetSource(file.toString(), f.schema(), f::batches, null, f.sizeBytes());
  }

  static ValidationResult spark(SparkInput candidate, SparkInput reference) {
    return SparkValidator.validate(
        candidate, Optional.ofNullable(reference), OPTIONS, ProgressListener.NONE, CLOCK);
  }

  /**
   * The same rows in the same order, cut into partitions at the given row indexes (ascending; a
   * repeated cut makes an empty partition). Sorting by row index within each partition keeps the
   * file order that a shuffle alone would lose.
   */
  static SparkInput cut(SparkInput input, long... cuts) {
    JavaRDD<Row> rows =
        input
            .rows()
            .javaRDD()
            .zipWithIndex()
            .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
            .repartitionAndSortWithinPartitions(new Cuts(cuts))
            .values();
    Dataset<Row> cutRows = input.rows().sparkSession().createDataFrame(rows, input.rows().schema());
    return new SparkInput(
        input.uri(),
        cutRows,
        input.schema(),
        input.textCells(),
        input.readOptions(),
        input.sizeBytes());
  }

  /** Row index to partition: partition k holds the rows from cut k-1 up to cut k. */
  static final class Cuts extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] cuts;

    Cuts(long[] cuts) {
      this.cuts = cuts.clone();
    }

    @Override
    public int numPartitions() {
      return cuts.length + 1;
    }

    @Override
    public int getPartition(Object key) {
      long row = (Long) key;
      int p = 0;
      while (p < cuts.length && row >= cuts[p]) {
        p++;
      }
      return p;
    }
  }

  /** The JSON report without the fields that name the run rather than judge the rows. */
  static JsonNode judged(ValidationResult r) {
    ObjectNode tree = JsonReport.toTree(r);
    strip(tree);
    return tree;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(NOT_COMPARED);
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        strip(e.getValue());
      }
    } else if (node.isArray()) {
      node.forEach(SparkFixture::strip);
    }
  }
}
