package org.synthos.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * DuckDB, in process through {@code duckdb_jdbc}, as the near-hardware peer every benchmark is
 * measured against. Extension auto-install is off: only the built-in readers (CSV, Parquet, JSON)
 * are used, and nothing is downloaded.
 */
final class DuckDbPeer implements AutoCloseable {
  private final Connection connection;

  DuckDbPeer(int threads) throws SQLException {
    Properties p = new Properties();
    p.setProperty("autoinstall_known_extensions", "false");
    p.setProperty("autoload_known_extensions", "false");
    p.setProperty("threads", Integer.toString(threads));
    connection = DriverManager.getConnection("jdbc:duckdb:", p);
  }

  /**
   * Reads every value of the file once: the row count and, per column, the sum of the values'
   * hashes. Hashes rather than min/max so that no answer can come from Parquet's column statistics
   * without decoding the pages.
   */
  long scanAll(Path file, List<String> columns) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    for (String c : columns) {
      sql.append(", sum(hash(").append(quote(c)).append("))");
    }
    sql.append(" FROM ").append(source(file));
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** DuckDB's own profile of the file: {@code SUMMARIZE}, one row per column. */
  int summarize(Path file) throws SQLException {
    int rows = 0;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SUMMARIZE SELECT * FROM " + source(file))) {
      while (rs.next()) {
        rows++;
      }
    }
    return rows;
  }

  /** Writes a Parquet copy of a CSV file (snappy, DuckDB's defaults). */
  void csvToParquet(Path csv, Path parquet) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM "
              + source(csv)
              + ") TO '"
              + parquet.toAbsolutePath().toString().replace("'", "''")
              + "' (FORMAT parquet, COMPRESSION snappy)");
    }
  }

  List<String> columns(Path file) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source(file))) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  String version() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String source(Path file) {
    String path = file.toAbsolutePath().toString().replace("'", "''");
    String name = file.getFileName().toString();
    if (name.endsWith(".parquet")) {
      return "read_parquet('" + path + "')";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return "read_json_auto('" + path + "')";
    }
    return "read_csv('" + path + "')";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
