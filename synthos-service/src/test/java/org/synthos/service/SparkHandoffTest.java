package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-off to Spark with a real {@code local[2]} master and the PostgreSQL job store: a job
 * above the size threshold runs as a {@code synthos-spark validate} child and gives the in-process
 * engine's report; a smaller job stays in process; cancelling a Spark job ends its processes. Needs
 * {@code synthos-spark/target/synthos-spark.jar} (built before this module by the reactor).
 */
@Tag("integration")
class SparkHandoffTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPARK_TARGET = Path.of("..", "synthos-spark", "target");
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;
  private PgDatabases pg;
  private SynthosService service;
  private String base;

  @BeforeEach
  void start() throws Exception {
    boolean built = Files.exists(SPARK_TARGET.resolve("synthos-spark.jar"));
    if (System.getenv("CI") != null) {
      assertThat(built).as("synthos-spark.jar is built before synthos-service").isTrue();
    }
    assumeTrue(built, "synthos-spark is not built: mvn -pl synthos-spark -am package");
    pg = PgDatabases.fromEnvironment();
    String db = pg.create("spark");
    Path storage = dir.resolve("data").resolve("storage");
    Files.createDirectories(storage);
    for (String f :
        List.of("pairs/credit-g-candidate.csv", "pairs/credit-g-reference.csv", "penguins.csv")) {
      Files.copy(EXAMPLES.resolve(f), storage.resolve(Path.of(f).getFileName()));
    }
    ServiceConfig config =
        Harness.config(
            dir.resolve("data"),
            "store.url",
            pg.url(db),
            "store.user",
            pg.store(db).user(),
            "spark.master",
            "local[2]",
            "spark.command",
            String.join(" ", sparkCommand()),
            // The credit-g pair (140 KB) goes to Spark; penguins (13 KB) stays in process.
            "spark.min_bytes",
            "100000");
    service = SynthosService.start(config);
    base = "http://127.0.0.1:" + service.httpPort();
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  /** The Spark job's JVM as the synthos-spark launcher starts it, Spark from the build. */
  private static List<String> sparkCommand() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    // The --add-opens Spark's own launcher gives every JVM it starts, as the launcher has them.
    cmd.addAll(Files.readAllLines(SPARK_TARGET.resolveSibling("jvm-options.txt")));
    cmd.add(
        "-Dlog4j2.configurationFile="
            + SPARK_TARGET.resolveSibling("log4j2.properties").toAbsolutePath().normalize());
    cmd.add("-cp");
    cmd.add(
        SPARK_TARGET.resolve("synthos-spark.jar").toAbsolutePath().normalize()
            + ":"
            + Files.readString(SPARK_TARGET.resolve("classpath.txt")).trim());
    cmd.add("org.synthos.spark.SparkValidateMain");
    return cmd;
  }

  private String submit(String body) throws Exception {
    var r = HttpCalls.send(base, "POST", "/v1/validations", body, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return JSON.readTree(r.body()).get("job_id").asText();
  }

  private JsonNode report(String id) throws Exception {
    var r = HttpCalls.send(base, "GET", "/v1/validations/" + id + "/report", null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void largeJobsRunOnSparkWithTheInProcessReportAndSmallOnesStayInProcess() throws Exception {
    String pair =
        "{\"dataset_uri\":\"credit-g-candidate.csv\",\"reference_uri\":\"credit-g-reference.csv\","
            + "\"seed\":7}";
    String onSpark = submit(pair);
    String small = submit("{\"dataset_uri\":\"penguins.csv\"}");
    Set<String> stagesSeen = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode job = null;
    while (System.nanoTime() < deadline) {
      job =
          JSON.readTree(
              HttpCalls.send(base, "GET", "/v1/validations/" + onSpark, null, null).body());
      stagesSeen.add(job.get("stage").asText());
      if (!job.get("state").asText().matches("QUEUED|RUNNING")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    // Progress came from the child's stages, not only from the start and the end.
    assertThat(stagesSeen).contains("profile");
    JsonNode sparkReport = report(onSpark);
    assertThat(sparkReport.at("/internal/engine").asText()).isEqualTo("spark");
    assertThat(sparkReport.get("job_id").asText()).isEqualTo(onSpark);
    assertThat(sparkReport.at("/provenance/candidate/uri").asText())
        .isEqualTo("credit-g-candidate.csv");
    assertThat(sparkReport.at("/internal/total_rows").asLong()).isEqualTo(1_000);

    assertThat(HttpCalls.awaitEnd(base, small, null, Duration.ofMinutes(2)).get("state").asText())
        .isEqualTo("SUCCEEDED");
    assertThat(report(small).at("/internal/engine").isMissingNode()).isTrue();

    // The same files and seed in process give the same judgement.
    Path storage = dir.resolve("data").resolve("storage");
    ValidationRunner.Outcome inProcess =
        new AssessmentRunner()
            .run(
                new ValidationRunner.Inputs(
                    "local",
                    "local",
                    "local",
                    new ValidationRequest(
                        "credit-g-candidate.csv",
                        Optional.of("credit-g-reference.csv"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(7L)),
                    storage.resolve("credit-g-candidate.csv"),
                    Optional.of(storage.resolve("credit-g-reference.csv"))),
                NO_PROGRESS);
    JsonNode expected = inProcess.report().get("results");
    JsonNode actual = sparkReport.get("results");
    assertThat(actual.get("decision")).isEqualTo(expected.get("decision"));
    assertThat(actual.get("risk_score")).isEqualTo(expected.get("risk_score"));
    assertThat(actual.get("dimensions")).isEqualTo(expected.get("dimensions"));
    assertThat(actual.get("checks")).isEqualTo(expected.get("checks"));
  }

  @Test
  void cancellingASparkJobEndsTheJobAndItsProcesses() throws Exception {
    Set<Long> before = sparkChildren();
    String id =
        submit(
            "{\"dataset_uri\":\"credit-g-candidate.csv\","
                + "\"reference_uri\":\"credit-g-reference.csv\"}");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (sparkChildren().size() <= before.size() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(sparkChildren()).as("the Spark job started").hasSizeGreaterThan(before.size());
    assertThat(HttpCalls.send(base, "DELETE", "/v1/validations/" + id, null, null).statusCode())
        .isEqualTo(200);
    JsonNode job = HttpCalls.awaitEnd(base, id, null, Duration.ofMinutes(1));
    assertThat(job.get("state").asText()).isEqualTo("CANCELLED");
    long gone = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!sparkChildren().equals(before) && System.nanoTime() < gone) {
      Thread.sleep(100);
    }
    assertThat(sparkChildren()).isEqualTo(before);
  }

  /**
   * This JVM's descendant Java processes: the Spark jobs (the service runs in this JVM, which
   * starts no other Java process). The command line is not read: Linux shortens long ones.
   */
  private static Set<Long> sparkChildren() {
    Set<Long> pids = new HashSet<>();
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("java"))
        .forEach(p -> pids.add(p.pid()));
    return pids;
  }

  private static final ProgressSink NO_PROGRESS = ProgressSink.ofCall(() -> false, model -> {});
}
