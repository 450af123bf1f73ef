package org.synthos.service;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Throw-away databases on the test PostgreSQL server (SYNTHOS_TEST_PG_URL, started by
 * .ci/services.sh), and libpq settings for its command-line tools.
 */
final class PgDatabases implements AutoCloseable {
  private final String adminUrl;
  private final String user;
  private final List<String> created = new ArrayList<>();

  private PgDatabases(String adminUrl, String user) {
    this.adminUrl = adminUrl;
    this.user = user;
  }

  /** Skips the calling test when no test server is configured. */
  static PgDatabases fromEnvironment() {
    String url = System.getenv("SYNTHOS_TEST_PG_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "SYNTHOS_TEST_PG_URL is not set: start PostgreSQL with .ci/services.sh");
    return new PgDatabases(
        url, Optional.ofNullable(System.getenv("SYNTHOS_TEST_PG_USER")).orElse("postgres"));
  }

  /** Creates an empty database and returns its name. */
  String create(String prefix) throws SQLException {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(adminUrl, user, null);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    created.add(name);
    return name;
  }

  /** The JDBC URL of {@code database} on the same server. */
  String url(String database) {
    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
  }

  ServiceConfig.Store store(String database) {
    return new ServiceConfig.Store(url(database), user, Optional.empty());
  }

  /** libpq's PGHOST, PGPORT, PGUSER and PGDATABASE for {@code database}. */
  Map<String, String> libpq(String database) {
    java.net.URI uri = java.net.URI.create(adminUrl.substring("jdbc:".length()));
    return Map.of(
        "PGHOST",
        uri.getHost(),
        "PGPORT",
        Integer.toString(uri.getPort() > 0 ? uri.getPort() : 5432),
        "PGUSER",
        user,
        "PGDATABASE",
        database);
  }

  /** The directory of pg_dump, pg_restore and psql: SYNTHOS_TEST_PG_BIN or Debian's. */
  static Path binaries() {
    String env = System.getenv("SYNTHOS_TEST_PG_BIN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      return dirs.map(d -> d.resolve("bin"))
          .filter(d -> Files.isExecutable(d.resolve("pg_dump")))
          .max(Path::compareTo)
          .orElseThrow(() -> new IllegalStateException("no pg_dump under /usr/lib/postgresql"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no PostgreSQL binaries: set SYNTHOS_TEST_PG_BIN", e);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, user, null);
        Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
