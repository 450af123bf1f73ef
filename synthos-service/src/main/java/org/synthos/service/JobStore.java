package org.synthos.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Durable jobs over JDBC (embedded H2 or PostgreSQL), with the schema managed by Flyway. Every
 * method is one short transaction on one connection, reopened when it breaks. State changes are
 * conditional on the current state, so a cancelled job is never started and a finished job is never
 * overwritten.
 */
final class JobStore implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JobStore.class.getName());
  private static final String COLUMNS =
      "id, state, dataset_uri, reference_uri, target, policy, validation_id, dataset_id,"
          + " timeout_ms, stage, percent, rows_done, submitted_at, started_at, finished_at,"
          + " attempts, error_code, error_name, error_message, seed";

  private final String url;
  private final Properties credentials = new Properties();
  private final DataCipher cipher;
  private Connection connection;

  /** A store that encrypts the request and the reports of every job with {@code cipher}. */
  JobStore(ServiceConfig.Store config, DataCipher cipher) {
    this.cipher = cipher;
    this.url = config.jdbcUrl();
    if (!config.user().isEmpty()) {
      credentials.setProperty("user", config.user());
    }
    config.password().ifPresent(p -> credentials.setProperty("password", p.value()));
    migrate(config);
  }

  private void migrate(ServiceConfig.Store config) {
    try {
      Flyway.configure()
          .dataSource(url, config.user(), config.password().map(s -> s.value()).orElse(null))
          .locations("classpath:org/synthos/service/db")
          .table("synthos_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new SynthosException(
          ErrorCode.STORAGE_UNAVAILABLE,
          "cannot open the job store at " + redact(url) + ": " + rootMessage(e),
          null,
          e);
    }
  }

  /** The URL without any password parameter, fit for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage()).replace('\n', ' ');
  }

  private Connection connection() throws SQLException {
    if (connection == null || !connection.isValid(2)) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // A broken connection is being replaced; its close failure changes nothing.
        }
      }
      connection = DriverManager.getConnection(url, credentials);
      connection.setAutoCommit(true);
    }
    return connection;
  }

  /** One unit of work on the store's connection. */
  @FunctionalInterface
  interface Sql<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code body} on the store's connection, once more on a fresh one if it breaks. */
  synchronized <T> T sql(String what, Sql<T> body) {
    try {
      return body.run(connection());
    } catch (SQLException first) {
      // One retry on a fresh connection covers a server restart or a dropped socket.
      LOG.warning("job store: " + what + " failed, reconnecting: " + first.getMessage());
      connection = null;
      try {
        return body.run(connection());
      } catch (SQLException e) {
        throw new SynthosException(
            ErrorCode.STORAGE_UNAVAILABLE,
            "job store: " + what + " failed: " + e.getMessage(),
            null,
            e);
      }
    }
  }

  void insert(JobRecord job) {
    insert(job, Identity.ANONYMOUS.name());
  }

  /** Stores a new job owned by {@code owner}. */
  void insert(JobRecord job, String owner) {
    sql(
        "insert",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO synthos_jobs ("
                      + COLUMNS
                      + ", owner) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ValidationRequest r = job.request();
            String id = job.id();
            ps.setString(1, id);
            ps.setString(2, job.state().name());
            ps.setString(3, cipher.seal(r.datasetUri(), id + ":dataset_uri"));
            ps.setString(4, sealOptional(r.referenceUri(), id + ":reference_uri"));
            ps.setString(5, sealOptional(r.target(), id + ":target"));
            ps.setString(6, sealOptional(r.policy(), id + ":policy"));
            ps.setString(7, job.validationId());
            ps.setString(8, job.datasetId());
            ps.setLong(9, r.timeout().map(Duration::toMillis).orElse(0L));
            ps.setString(10, job.stage());
            ps.setDouble(11, job.percent());
            ps.setLong(12, job.rowsDone());
            ps.setLong(13, job.submittedAtMs());
            ps.setLong(14, job.startedAtMs());
            ps.setLong(15, job.finishedAtMs());
            ps.setInt(16, job.attempts());
            ps.setInt(17, 0);
            ps.setString(18, "");
            ps.setString(19, "");
            if (r.seed().isPresent()) {
              ps.setLong(20, r.seed().get());
            } else {
              ps.setNull(20, java.sql.Types.BIGINT);
            }
            ps.setString(21, owner);
            return ps.executeUpdate();
          }
        });
  }

  /** QUEUED to RUNNING; false when the job is no longer queued (cancelled meanwhile). */
  boolean markRunning(String id, long now) {
    return update(
            "UPDATE synthos_jobs SET state='RUNNING', started_at=?, attempts=attempts+1,"
                + " stage='queued', percent=0, rows_done=0 WHERE id=? AND state='QUEUED'",
            now,
            id)
        == 1;
  }

  void progress(String id, String stage, double percent, long rowsDone) {
    update(
        "UPDATE synthos_jobs SET stage=?, percent=?, rows_done=? WHERE id=? AND state='RUNNING'",
        stage,
        percent,
        rowsDone,
        id);
  }

  /** Ends a queued or running job; false when it had already ended. */
  boolean finish(
      String id, JobState state, Optional<SynthosException> error, String report, long now) {
    return finish(id, state, error, report, null, now);
  }

  /** As above, storing the HTML rendering of the report too (null when there is none). */
  boolean finish(
      String id,
      JobState state,
      Optional<SynthosException> error,
      String report,
      String reportHtml,
      long now) {
    int code = error.map(e -> e.code().code()).orElse(0);
    String name = error.map(e -> e.code().name()).orElse("");
    String message = error.map(Throwable::getMessage).orElse("");
    String percentClause = state == JobState.SUCCEEDED ? ", percent=100" : "";
    return update(
            "UPDATE synthos_jobs SET state=?, finished_at=?, error_code=?, error_name=?,"
                + " error_message=?, report=?, report_html=?"
                + percentClause
                + " WHERE id=? AND state IN ('QUEUED','RUNNING')",
            state.name(),
            now,
            code,
            name,
            message,
            cipher.seal(report, id + ":report"),
            cipher.seal(reportHtml, id + ":report_html"),
            id)
        == 1;
  }

  /** RUNNING back to QUEUED, for a job interrupted by shutdown. */
  void requeue(String id) {
    update(
        "UPDATE synthos_jobs SET state='QUEUED', stage='queued', percent=0, rows_done=0"
            + " WHERE id=? AND state='RUNNING'",
        id);
  }

  /**
   * After a crash or restart: jobs left RUNNING go back to QUEUED, or FAILED once they have used
   * {@code maxAttempts} starts. Returns the queued jobs, oldest first.
   */
  List<JobRecord> recover(int maxAttempts, long now) {
    int failed =
        update(
            "UPDATE synthos_jobs SET state='FAILED', finished_at=?, error_code=?, error_name=?,"
                + " error_message=? WHERE state='RUNNING' AND attempts>=?",
            now,
            ErrorCode.INTERNAL.code(),
            ErrorCode.INTERNAL.name(),
            "the server stopped while this job ran, " + maxAttempts + " times; not retried again",
            maxAttempts);
    int requeued =
        update(
            "UPDATE synthos_jobs SET state='QUEUED', stage='queued', percent=0, rows_done=0"
                + " WHERE state='RUNNING'");
    if (failed + requeued > 0) {
      LOG.info(
          "recovered jobs interrupted by a stop: "
              + requeued
              + " re-queued, "
              + failed
              + " failed");
    }
    return query(
        "SELECT " + COLUMNS + " FROM synthos_jobs WHERE state='QUEUED' ORDER BY submitted_at, id",
        Integer.MAX_VALUE);
  }

  Optional<JobRecord> get(String id) {
    List<JobRecord> found = query("SELECT " + COLUMNS + " FROM synthos_jobs WHERE id=?", 1, id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  Optional<String> report(String id) {
    return cipher.open(text(id, "report"), id + ":report");
  }

  /** The HTML report; empty when the engine gave none. */
  Optional<String> reportHtml(String id) {
    return cipher.open(text(id, "report_html"), id + ":report_html");
  }

  /** The identity that submitted the job; empty when there is no such job. */
  Optional<String> owner(String id) {
    return text(id, "owner");
  }

  private Optional<String> text(String id, String column) {
    return sql(
        "read " + column,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + column + " FROM synthos_jobs WHERE id=?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Newest first; {@code state} empty lists every state. */
  List<JobRecord> list(Optional<JobState> state, int limit) {
    return list(state, Optional.empty(), limit);
  }

  /** As above, only the jobs of {@code owner} when it is given. */
  List<JobRecord> list(Optional<JobState> state, Optional<String> owner, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    state.ifPresent(
        s -> {
          where.add("state=?");
          args.add(s.name());
        });
    owner.ifPresent(
        o -> {
          where.add("owner=?");
          args.add(o);
        });
    return query(
        "SELECT "
            + COLUMNS
            + " FROM synthos_jobs"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY submitted_at DESC, id DESC",
        limit,
        args.toArray());
  }

  /** Readiness: the store answers a trivial query. */
  void ping() {
    sql(
        "ping",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM synthos_jobs")) {
            ps.executeQuery().close();
            return null;
          }
        });
  }

  private int update(String statement, Object... args) {
    return sql(
        "update",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, args);
            return ps.executeUpdate();
          }
        });
  }

  private List<JobRecord> query(String statement, int limit, Object... args) {
    return sql(
        "query",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            bind(ps, args);
            ps.setMaxRows(limit);
            List<JobRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private String sealOptional(Optional<String> value, String context) {
    return value.isEmpty() ? "" : cipher.seal(value.get(), context);
  }

  private Optional<String> openOptional(String stored, String context) {
    return optional(stored).map(v -> cipher.open(v, context));
  }

  private static Optional<Long> seed(ResultSet rs) throws SQLException {
    long seed = rs.getLong("seed");
    return rs.wasNull() ? Optional.empty() : Optional.of(seed);
  }

  private JobRecord read(ResultSet rs) throws SQLException {
    long timeoutMs = rs.getLong("timeout_ms");
    String id = rs.getString("id");
    ValidationRequest request =
        new ValidationRequest(
            cipher.open(rs.getString("dataset_uri"), id + ":dataset_uri"),
            openOptional(rs.getString("reference_uri"), id + ":reference_uri"),
            openOptional(rs.getString("target"), id + ":target"),
            openOptional(rs.getString("policy"), id + ":policy"),
            Optional.of(rs.getString("validation_id")),
            Optional.of(rs.getString("dataset_id")),
            timeoutMs > 0 ? Optional.of(Duration.ofMillis(timeoutMs)) : Optional.empty(),
            seed(rs));
    int errorCode = rs.getInt("error_code");
    Optional<JobRecord.JobError> error = Optional.empty();
    if (errorCode != 0) {
      String name = rs.getString("error_name");
      boolean retryable;
      try {
        retryable = ErrorCode.valueOf(name).retryable();
      } catch (IllegalArgumentException e) {
        retryable = false;
      }
      error =
          Optional.of(
              new JobRecord.JobError(errorCode, name, rs.getString("error_message"), retryable));
    }
    return new JobRecord(
        rs.getString("id"),
        JobState.valueOf(rs.getString("state")),
        request,
        rs.getString("validation_id"),
        rs.getString("dataset_id"),
        rs.getString("stage"),
        rs.getDouble("percent"),
        rs.getLong("rows_done"),
        rs.getLong("submitted_at"),
        rs.getLong("started_at"),
        rs.getLong("finished_at"),
        rs.getInt("attempts"),
        error);
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warning("job store: close failed: " + e.getMessage());
      }
      connection = null;
    }
  }
}
