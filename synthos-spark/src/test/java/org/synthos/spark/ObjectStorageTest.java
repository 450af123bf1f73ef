package org.synthos.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.io.ReadOptions;
import org.synthos.report.JsonReport;

/**
 * Reading {@code s3a://} paths through Hadoop's S3A connector from a real S3 API server (moto) on
 * loopback gives the answer of the same files read locally, through the API and the command line.
 */
@Tag("integration")
class ObjectStorageTest {
  private static final String BUCKET = "pairs";
  private static final Path CANDIDATE = SparkFixture.PAIRS.resolve("credit-g-candidate.csv");
  private static final Path REFERENCE = SparkFixture.PAIRS.resolve("credit-g-reference.csv");

  @TempDir static Path dir;
  private static MotoServer moto;
  private static Path candidateParquet;
  private static Path referenceParquet;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = MotoServer.startIfAvailable(dir.resolve("moto.log"));
    if (moto == null) {
      return;
    }
    candidateParquet = SameAnswerTest.parquet(CANDIDATE, dir);
    referenceParquet = SameAnswerTest.parquet(REFERENCE, dir);
    moto.upload(BUCKET, CANDIDATE, REFERENCE, candidateParquet, referenceParquet);
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void requireMoto() {
    assumeTrue(
        moto != null,
        "SYNTHOS_TEST_MOTO_PYTHON is not set: run .ci/services.sh to find a Python with moto");
  }

  /** The S3A settings for the server, as Hadoop keys: path-style, plain HTTP, fixed keys. */
  private static Map<String, String> s3a() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.s3a.endpoint", moto.endpoint().toString());
    conf.put("fs.s3a.endpoint.region", "us-east-1");
    conf.put("fs.s3a.path.style.access", "true");
    conf.put("fs.s3a.connection.ssl.enabled", "false");
    conf.put("fs.s3a.access.key", MotoServer.KEY);
    conf.put("fs.s3a.secret.key", MotoServer.KEY);
    return conf;
  }

  private static String s3a(Path file) {
    return "s3a://" + BUCKET + "/" + file.getFileName();
  }

  @Test
  void csvAndParquetReadFromS3aGiveTheAnswerOfTheLocalFiles() throws Exception {
    SparkSession spark = SparkFixture.session();
    try {
      s3a().forEach(spark.sparkContext().hadoopConfiguration()::set);
      // Hadoop caches a file system per bucket, not per setting: the command-line test below
      // must build its own from its --conf settings.
      spark.sparkContext().hadoopConfiguration().set("fs.s3a.impl.disable.cache", "true");
      SameAnswerTest.assertSameAnswer(
          SparkFixture.spark(remote(spark, CANDIDATE), remote(spark, REFERENCE)),
          SparkFixture.commandLine(CANDIDATE, REFERENCE));
      // The engine's reader takes the categories its own Parquet writer declared; Spark's typed
      // read classifies those string columns from their values, to the same types. So the
      // provenance differs in those columns' type reasons, and the judgement not at all.
      SparkInput cand = remote(spark, candidateParquet);
      assertThat(cand.textCells()).isFalse();
      ValidationResult actual = SparkFixture.spark(cand, remote(spark, referenceParquet));
      ValidationResult expected = SparkFixture.commandLine(candidateParquet, referenceParquet);
      assertThat(actual.verdict().decision()).isEqualTo(expected.verdict().decision());
      assertThat(actual.verdict().riskScore())
          .isCloseTo(expected.verdict().riskScore(), within(1e-9));
      assertThat(SparkFixture.judged(actual).path("results"))
          .isEqualTo(SparkFixture.judged(expected).path("results"));
    } finally {
      spark.stop();
    }
  }

  /**
   * The file read from the server, with the schema Spark's leading rows give; named and sized as
   * the local file, so that the reports' provenance agrees too.
   */
  private static SparkInput remote(SparkSession spark, Path local) throws Exception {
    SparkInput read = SparkInput.read(spark, s3a(local), ReadOptions.defaults());
    assertThat(read.sizeBytes()).as("no local file behind " + read.uri()).isEqualTo(-1);
    SparkInput file = SparkInput.read(spark, local.toString(), ReadOptions.defaults());
    assertThat(read.schema()).isEqualTo(file.schema());
    return new SparkInput(
        local.toString(),
        read.rows(),
        read.schema(),
        read.textCells(),
        read.readOptions(),
        Files.size(local));
  }

  @Test
  void theCommandLinePassesHadoopSettingsAsSparkSubmitsConf() throws Exception {
    Path json = dir.resolve("report.json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "validate",
                s3a(CANDIDATE),
                "--reference",
                s3a(REFERENCE),
                "--report",
                json.toString(),
                "--learn-budget",
                "0",
                "--master",
                "local[2]"));
    s3a().forEach((k, v) -> args.addAll(List.of("--conf", "spark.hadoop." + k + "=" + v)));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        SparkValidateMain.run(
            args.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);

    ValidationOptions asTyped =
        ValidationOptions.of(
            Policy.defaults(),
            42,
            null,
            null,
            ValidationOptions.defaults().maxRows(),
            "0",
            0,
            "auto");
    ValidationResult local = SparkFixture.commandLine(CANDIDATE, REFERENCE, asTyped);
    // Through text, as the report was, so that numbers compare by value rather than node type.
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected =
        mapper.readTree(mapper.writeValueAsString(JsonReport.toTree(local))).path("results");
    JsonNode report = mapper.readTree(json.toFile());
    assertThat(report.path("provenance").path("candidate").path("uri").asText())
        .isEqualTo(s3a(CANDIDATE));
    JsonNode actual = report.path("results");
    assertThat(actual.path("decision").asText()).isEqualTo(local.verdict().decision().key());
    assertThat(actual.path("risk_score").asDouble())
        .isCloseTo(local.verdict().riskScore(), within(1e-9));
    expected
        .path("dimensions")
        .properties()
        .forEach(
            d ->
                assertThat(actual.path("dimensions").path(d.getKey()).path("score").asDouble())
                    .as(d.getKey())
                    .isCloseTo(d.getValue().path("score").asDouble(), within(1e-9)));
    assertThat(actual).isEqualTo(expected);
  }
}
