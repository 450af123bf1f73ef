package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations on a real PostgreSQL job store: a backup with deploy/postgres/backup.sh restored with
 * restore.sh into a new database, on which the service resumes every job; and an in-place upgrade
 * from the previous schema version with Flyway, losing no job. Runs when SYNTHOS_TEST_PG_URL is
 * set.
 */
@Tag("integration")
class JobStoreBackupAndUpgradeTest {
  private static final Path SCRIPTS = Path.of("..", "deploy", "postgres");
  @TempDir Path dir;

  private ServiceConfig config(PgDatabases pg, String db) {
    return Harness.config(
        dir, "store.url", pg.url(db), "store.user", pg.store(db).user(), "jobs.concurrency", "1");
  }

  private static JobRecord queued(String id, String uri) {
    return new JobRecord(
        id,
        JobState.QUEUED,
        ValidationRequest.of(uri),
        "val_" + id,
        "ds_" + id,
        "queued",
        0,
        0,
        System.currentTimeMillis(),
        0,
        0,
        0,
        Optional.empty());
  }

  private static JobRecord awaitEnd(JobStore store, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JobRecord job = store.get(id).orElseThrow();
    while (!job.state().terminal() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      job = store.get(id).orElseThrow();
    }
    return job;
  }

  /** The job ids the service lists over HTTP. */
  private static List<String> listed(SynthosService s) throws Exception {
    String body =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + s.httpPort() + "/v1/validations?limit=100"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    List<String> ids = new ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(body)
        .get("jobs")
        .forEach(j -> ids.add(j.get("job_id").asText()));
    return ids;
  }

  private static void run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
    b.environment().putAll(env);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", List.of(command), out).isZero();
  }

  @Test
  void aRestoredBackupResumesEveryJob() throws Exception {
    Harness.csv(dir.resolve("storage/b.csv"), 200, 3);
    try (PgDatabases pg = PgDatabases.fromEnvironment()) {
      String source = pg.create("synthos_backup");
      List<String> done = new ArrayList<>();
      Map<String, String> reports = new HashMap<>();
      try (SynthosService s = SynthosService.start(config(pg, source), new ProfileRunner());
          JobStore store =
              new JobStore(pg.store(source), DataCipher.open(config(pg, source).security()))) {
        for (int i = 0; i < 2; i++) {
          JobRecord job = JobManagerAccess.submitAndAwait(s, store, "b.csv", 200);
          done.add(job.id());
          reports.put(job.id(), store.report(job.id()).orElseThrow());
        }
      }
      // Jobs still waiting when the backup is taken, as a stopped service leaves them.
      List<String> waiting = List.of("wait-1", "wait-2", "wait-3");
      try (JobStore store =
          new JobStore(pg.store(source), DataCipher.open(config(pg, source).security()))) {
        waiting.forEach(id -> store.insert(queued(id, "b.csv")));
      }

      Path dump = dir.resolve("jobs.pgdump");
      Map<String, String> env = new HashMap<>(pg.libpq(source));
      env.put("PG_BIN", PgDatabases.binaries().toString());
      run(env, "bash", SCRIPTS.resolve("backup.sh").toString(), dump.toString());
      String target = pg.create("synthos_restored");
      env.putAll(pg.libpq(target));
      run(env, "bash", SCRIPTS.resolve("restore.sh").toString(), dump.toString());

      try (SynthosService s = SynthosService.start(config(pg, target), new ProfileRunner());
          JobStore store =
              new JobStore(pg.store(target), DataCipher.open(config(pg, target).security()))) {
        for (String id : done) {
          assertThat(store.get(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
          assertThat(store.report(id)).contains(reports.get(id));
        }
        for (String id : waiting) {
          JobRecord job = awaitEnd(store, id);
          assertThat(job.state()).as("job %s: %s", id, job.error()).isEqualTo(JobState.SUCCEEDED);
          assertThat(job.rowsDone()).isEqualTo(200);
        }
        assertThat(listed(s)).containsExactlyInAnyOrderElementsOf(concat(done, waiting));
      }
      // A second restore into the same, now populated, database is refused.
      ProcessBuilder again =
          new ProcessBuilder("bash", SCRIPTS.resolve("restore.sh").toString(), dump.toString())
              .redirectErrorStream(true);
      again.environment().putAll(env);
      Process p = again.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(out).contains("already has synthos_jobs");
    }
  }

  @Test
  void upgradingFromThePreviousSchemaVersionLosesNoJob() throws Exception {
    Harness.csv(dir.resolve("storage/u.csv"), 150, 4);
    try (PgDatabases pg = PgDatabases.fromEnvironment()) {
      String db = pg.create("synthos_upgrade");
      ServiceConfig.Store store = pg.store(db);
      Flyway flyway =
          Flyway.configure()
              .dataSource(store.jdbcUrl(), store.user(), null)
              .locations("classpath:org/synthos/service/db")
              .table("synthos_schema_history")
              .load();
      MigrationInfo[] all = flyway.info().all();
      assertThat(all.length).as("migrations").isGreaterThanOrEqualTo(2);
      String latest = all[all.length - 1].getVersion().getVersion();
      String previous = all[all.length - 2].getVersion().getVersion();
      Flyway.configure().configuration(flyway.getConfiguration()).target(previous).load().migrate();

      // Jobs in every state, written with the first schema's columns, which every later one keeps.
      long now = System.currentTimeMillis();
      try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), null);
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO synthos_jobs (id, state, dataset_uri, reference_uri, target,"
                      + " policy, validation_id, dataset_id, timeout_ms, stage, percent,"
                      + " rows_done, submitted_at, started_at, finished_at, attempts,"
                      + " error_code, error_name, error_message, report)"
                      + " VALUES (?, ?, 'u.csv', '', '', '', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?)")) {
        Object[][] rows = {
          {"old-queued", "QUEUED", "queued", 0.0, 0L, 0L, 0L, 0, 0, "", "", null},
          {"old-running", "RUNNING", "profile", 40.0, 60L, now, 0L, 1, 0, "", "", null},
          {"old-done", "SUCCEEDED", "done", 100.0, 150L, now, now, 1, 0, "", "", "{\"old\":1}"},
          {
            "old-failed",
            "FAILED",
            "profile",
            10.0,
            5L,
            now,
            now,
            1,
            1012,
            "RAGGED_ROW",
            "row 3 has 2 fields",
            null
          },
          {"old-cancelled", "CANCELLED", "queued", 0.0, 0L, 0L, now, 0, 4002, "CANCELLED", "", null}
        };
        for (Object[] r : rows) {
          ps.setString(1, (String) r[0]);
          ps.setString(2, (String) r[1]);
          ps.setString(3, "val_" + r[0]);
          ps.setString(4, "ds_" + r[0]);
          ps.setString(5, (String) r[2]);
          ps.setDouble(6, (Double) r[3]);
          ps.setLong(7, (Long) r[4]);
          ps.setLong(8, now);
          ps.setLong(9, (Long) r[5]);
          ps.setLong(10, (Long) r[6]);
          ps.setInt(11, (Integer) r[7]);
          ps.setInt(12, (Integer) r[8]);
          ps.setString(13, (String) r[9]);
          ps.setString(14, (String) r[10]);
          ps.setString(15, (String) r[11]);
          ps.addBatch();
        }
        ps.executeBatch();
      }

      // The service's start migrates in place, then resumes the unfinished jobs.
      try (SynthosService s = SynthosService.start(config(pg, db), new ProfileRunner());
          JobStore jobs = new JobStore(store, DataCipher.open(config(pg, db).security()))) {
        assertThat(schemaVersion(store)).isEqualTo(latest);
        assertThat(listed(s))
            .containsExactlyInAnyOrder(
                "old-queued", "old-running", "old-done", "old-failed", "old-cancelled");
        JobRecord queued = awaitEnd(jobs, "old-queued");
        JobRecord running = awaitEnd(jobs, "old-running");
        assertThat(queued.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(queued.rowsDone()).isEqualTo(150);
        assertThat(running.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(running.attempts()).isEqualTo(2);
        assertThat(jobs.report("old-done")).contains("{\"old\":1}");
        assertThat(jobs.reportHtml("old-done")).isEmpty();
        JobRecord failed = jobs.get("old-failed").orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error().orElseThrow().name()).isEqualTo("RAGGED_ROW");
        assertThat(jobs.get("old-cancelled").orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(queued.request().seed()).isEmpty();
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String schemaVersion(ServiceConfig.Store store) throws Exception {
    try (Connection c = DriverManager.getConnection(store.jdbcUrl(), store.user(), null);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT version FROM synthos_schema_history WHERE success"
                        + " ORDER BY installed_rank DESC LIMIT 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
