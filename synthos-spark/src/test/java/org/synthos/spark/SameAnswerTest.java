package org.synthos.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synthos.api.ColumnBatch;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.ValidationResult;
import org.synthos.io.DatasetFile;
import org.synthos.io.DatasetWriter;
import org.synthos.io.DatasetWriters;
import org.synthos.io.ReadOptions;

/**
 * The Spark job gives the command line's answer for the same files and seed, however the rows are
 * partitioned: one partition, uneven ones, empty ones, and Spark's own file splits, and above the
 * analysed sample, where the marginal measures are judged over every row from the bucketed states.
 */
@Tag("integration")
class SameAnswerTest {
  private static SparkSession spark;
  private static final Map<String, ValidationResult> COMMAND_LINE = new HashMap<>();

  @BeforeAll
  static void start() {
    spark = SparkFixture.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Stream<Arguments> partitionings() {
    return Stream.of(
        Arguments.of("credit-g-candidate.csv", "credit-g-reference.csv", new long[0]),
        Arguments.of("credit-g-candidate.csv", "credit-g-reference.csv", new long[] {7, 400}),
        Arguments.of(
            "credit-g-candidate.csv", "credit-g-reference.csv", new long[] {1, 2, 2, 50, 333, 499}),
        Arguments.of("credit-g-real-half.csv", "credit-g-reference.csv", new long[] {250, 251}));
  }

  @ParameterizedTest(name = "{0} against {1}, cut at {2}")
  @MethodSource("partitionings")
  void theSameAnswerWhateverThePartitioning(String candidate, String reference, long[] cuts) {
    Path cand = SparkFixture.PAIRS.resolve(candidate);
    Path ref = SparkFixture.PAIRS.resolve(reference);
    ValidationResult expected =
        COMMAND_LINE.computeIfAbsent(
            candidate + "|" + reference, k -> SparkFixture.commandLine(cand, ref));
    // The reference is cut at other places than the candidate, so the two differ too.
    long[] refCuts = cuts.length == 0 ? new long[] {123} : new long[0];
    ValidationResult actual =
        SparkFixture.spark(
            SparkFixture.cut(read(cand), cuts), SparkFixture.cut(read(ref), refCuts));
    assertSameAnswer(actual, expected);
  }

  @Test
  void theSameAnswerOverSparksOwnFileSplits() {
    Path cand = SparkFixture.PAIRS.resolve("credit-g-candidate.csv");
    Path ref = SparkFixture.PAIRS.resolve("credit-g-reference.csv");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16384");
    spark.conf().set("spark.sql.files.openCostInBytes", "0");
    try {
      SparkInput c = read(cand);
      assertThat(c.rows().javaRDD().getNumPartitions()).isGreaterThan(3);
      ValidationResult actual = SparkFixture.spark(c, read(ref));
      assertSameAnswer(actual, SparkFixture.commandLine(cand, ref));
    } finally {
      spark.conf().unset("spark.sql.files.maxPartitionBytes");
      spark.conf().unset("spark.sql.files.openCostInBytes");
    }
  }

  /**
   * Above the 200,000-row sample, the marginal measures are judged over every row from the bucketed
   * states on both sides. 230,000 rows keep every bucket under the sample size (about 1,800 values
   * of 2,048), so every histogram is exact.
   */
  @Test
  void theSameAnswerAboveTheSampleFromEveryRowsBuckets(@TempDir Path dir) throws IOException {
    int rows = 230_000;
    assertThat(rows).isGreaterThan(SparkFixture.OPTIONS.maxRows());
    Path cand = generated(dir.resolve("candidate.csv"), rows, 1, 0.3);
    Path ref = generated(dir.resolve("reference.csv"), rows, 2, 0.0);
    ValidationResult expected = SparkFixture.commandLine(cand, ref);
    ValidationResult actual =
        SparkFixture.spark(
            SparkFixture.cut(read(cand), 1_000, 100_000, 100_000, 170_001),
            SparkFixture.cut(read(ref), 57_777));
    assertSameAnswer(actual, expected);
    assertThat(actual.candidate().rows()).isEqualTo(rows);
    for (ValidationResult r : List.of(actual, expected)) {
      assertThat(
              r.dimensions().stream()
                  .filter(DimensionResult.Scored.class::isInstance)
                  .flatMap(d -> ((DimensionResult.Scored) d).evidence().stream())
                  .filter(e -> e.rows() == Evidence.RowScope.ALL)
                  .map(e -> e.subject().label()))
          .as("marginal evidence over every row")
          .contains("income", "region", "member", "age");
    }
  }

  /**
   * A generated 1,000,000-row pair: about 7,800 values per bucket, so every bucket keeps a sample
   * of its numbers, not every value, and the states still merge to the command line's whatever the
   * partitioning (uneven partitions, a one-row one, cuts that differ between the files).
   */
  @Test
  void theSameAnswerAtAMillionRowsWhereBucketsAreSampled(@TempDir Path dir) throws IOException {
    int rows = 1_000_000;
    Path cand = generated(dir.resolve("candidate.csv"), rows, 3, 0.3);
    Path ref = generated(dir.resolve("reference.csv"), rows, 4, 0.0);
    ValidationResult expected = SparkFixture.commandLine(cand, ref);
    ValidationResult actual =
        SparkFixture.spark(
            SparkFixture.cut(read(cand), 3, 4, 250_000, 900_000),
            SparkFixture.cut(read(ref), 640_001));
    assertSameAnswer(actual, expected);
    assertThat(actual.candidate().rows()).isEqualTo(rows);
    assertThat(
            expected.dimensions().stream()
                .filter(DimensionResult.Scored.class::isInstance)
                .flatMap(d -> ((DimensionResult.Scored) d).evidence().stream())
                .filter(e -> e.detail().contains("estimated from samples"))
                .map(e -> e.subject().label()))
        .as("numeric marginals from sampled buckets")
        .contains("income", "age");
  }

  /**
   * A generated table: an integer, a float with nulls, a category and a boolean; {@code shift}
   * moves the candidate's incomes.
   */
  private static Path generated(Path file, int rows, long seed, double shift) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] regions = {"north", "south", "east", "west", "centre", "islands"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("age,income,region,member\n");
      for (int i = 0; i < rows; i++) {
        int age = 18 + random.nextInt(60);
        String income =
            random.nextInt(40) == 0
                ? ""
                : String.format(
                    Locale.ROOT, "%.2f", Math.exp(10 + shift * 0.1 + random.nextGaussian() * 0.5));
        String region = regions[Math.min(regions.length - 1, (int) (random.nextDouble() * 6.2))];
        boolean member = random.nextDouble() < 0.4 + age / 400.0;
        w.write(age + "," + income + "," + region + "," + member + "\n");
      }
    }
    return file;
  }

  @Test
  void theSameAnswerWithoutAReference() {
    Path cand = SparkFixture.EXAMPLES.resolve("penguins.csv");
    ValidationResult actual = SparkFixture.spark(SparkFixture.cut(read(cand), 100, 101, 300), null);
    assertSameAnswer(actual, SparkFixture.commandLine(cand, null));
    assertThat(actual.candidate().rows()).isEqualTo(344);
  }

  @Test
  void theSameAnswerForParquetReadAsTypedColumns(@TempDir Path dir) {
    Path cand = parquet(SparkFixture.PAIRS.resolve("credit-g-candidate.csv"), dir);
    Path ref = parquet(SparkFixture.PAIRS.resolve("credit-g-reference.csv"), dir);
    SparkInput c = read(cand);
    assertThat(c.textCells()).isFalse();
    ValidationResult actual =
        SparkFixture.spark(SparkFixture.cut(c, 100, 250, 260), SparkFixture.cut(read(ref), 3));
    assertSameAnswer(actual, SparkFixture.commandLine(cand, ref));
  }

  @Test
  void datesAndTimestampsInParquetMatchTheFileReader(@TempDir Path dir) {
    Path weather = parquet(SparkFixture.EXAMPLES.resolve("seattle-weather.csv"), dir);
    ValidationResult actual = SparkFixture.spark(SparkFixture.cut(read(weather), 500, 900), null);
    assertSameAnswer(actual, SparkFixture.commandLine(weather, null));
    assertThat(actual.timeColumnUsed()).isEqualTo("date");
  }

  @Test
  void aPathSparkReadsButTheEngineCannotGetsTheSameSchemaFromSparksLeadingRows(@TempDir Path dir)
      throws IOException {
    // A directory of CSV parts is what a cluster path looks like: no local file to infer from.
    Path cand = SparkFixture.EXAMPLES.resolve("penguins.csv");
    Path parts = Files.createDirectories(dir.resolve("penguins"));
    Files.copy(cand, parts.resolve("part-0.csv"));
    SparkInput viaSpark = SparkInput.csv(spark, parts.toString(), ',', ReadOptions.defaults());
    assertThat(viaSpark.schema()).isEqualTo(read(cand).schema());
    // Named as the file, so that the reports' provenance agrees too.
    SparkInput named =
        new SparkInput(
            cand.toString(),
            viaSpark.rows(),
            viaSpark.schema(),
            true,
            ReadOptions.defaults(),
            Files.size(cand));
    assertSameAnswer(SparkFixture.spark(named, null), SparkFixture.commandLine(cand, null));
  }

  @Test
  void aRaggedRecordFailsAsBadInputAsOnTheCommandLine(@TempDir Path dir) throws IOException {
    Path parts = Files.createDirectories(dir.resolve("ragged"));
    Files.writeString(parts.resolve("part-0.csv"), "a,b\n1,2\n3,4\n5\n", StandardCharsets.UTF_8);
    // Found while inferring the schema from the leading rows, or by the pass beyond them.
    assertThatThrownBy(
            () ->
                SparkFixture.spark(
                    SparkInput.csv(spark, parts.toString(), ',', ReadOptions.defaults()), null))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2));
  }

  private static SparkInput read(Path file) {
    return SparkInput.read(spark, file.toString(), ReadOptions.defaults());
  }

  /** The file rewritten as Parquet by the engine's own writer. */
  static Path parquet(Path csv, Path dir) {
    String name = csv.getFileName().toString().replace(".csv", ".parquet");
    Path out = dir.resolve(name);
    DatasetFile f = DatasetFile.open(csv, ReadOptions.defaults());
    try (DatasetWriter w = DatasetWriters.parquet(out, f.schema())) {
      for (var it = f.batches(); it.hasNext(); ) {
        ColumnBatch b = it.next();
        w.write(b);
      }
    }
    return out;
  }

  static void assertSameAnswer(ValidationResult actual, ValidationResult expected) {
    assertThat(actual.verdict().decision()).isEqualTo(expected.verdict().decision());
    assertThat(actual.verdict().riskScore())
        .isCloseTo(expected.verdict().riskScore(), within(1e-9));
    List<DimensionResult> a = actual.dimensions();
    List<DimensionResult> e = expected.dimensions();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).dimension()).isEqualTo(e.get(i).dimension());
      if (e.get(i) instanceof DimensionResult.Scored s) {
        assertThat(((DimensionResult.Scored) a.get(i)).score())
            .as(s.dimension().title())
            .isCloseTo(s.score(), within(1e-9));
      } else {
        assertThat(a.get(i)).isEqualTo(e.get(i));
      }
    }
    // Beyond the scores: checks, flagged rows, recommendations, charts, every figure reported.
    assertThat(SparkFixture.judged(actual)).isEqualTo(SparkFixture.judged(expected));
  }
}
