package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/**
 * Reads the same 1M x 10 file as CSV and as Parquet with Synthos' readers and with DuckDB, in one
 * run, and writes rows/s, values/s and the ratio to DuckDB to {@code bench-results/read.{json,md}}.
 *
 * <p>Both sides touch every value: Synthos folds every cell of every batch into a checksum; DuckDB
 * sums a hash of every value. Each measurement is the median of {@code repeats} warm runs after one
 * warm-up.
 *
 * <pre>usage: ReadBenchmark [ROWS=1000000] [REPEATS=5] [OUT_DIR=bench-results]</pre>
 */
public final class ReadBenchmark {
  private ReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = Path.of(args.length > 2 ? args[2] : "bench-results");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    Path csv = data.resolve("mixed-" + rows + "x10.csv");
    Path parquet = data.resolve("mixed-" + rows + "x10.parquet");
    if (!Files.exists(csv)) {
      System.err.println("generating " + csv);
      DataGenerator.writeCsv(csv, rows, 10, 42);
    }
    int threads = Runtime.getRuntime().availableProcessors();
    ObjectNode root = BenchResults.header("read", args);
    ArrayNode results = root.putArray("results");
    StringBuilder md = new StringBuilder();
    try (DuckDbPeer duck = new DuckDbPeer(threads)) {
      if (!Files.exists(parquet)) {
        duck.csvToParquet(csv, parquet);
      }
      root.put("duckdb_version", duck.version());
      md.append(
          "| format | rows | Synthos s | Synthos rows/s | Synthos values/s | DuckDB s | Synthos / DuckDB time |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Path file : List.of(csv, parquet)) {
        List<String> columns = duck.columns(file);
        long[] checked = new long[1];
        double synthos =
            time(
                repeats,
                () -> {
                  checked[0] = readAll(file);
                });
        double duckdb = time(repeats, () -> duck.scanAll(file, columns));
        String format = file.getFileName().toString().endsWith(".parquet") ? "parquet" : "csv";
        long values = checked[0] * columns.size();
        ObjectNode r = results.addObject();
        r.put("format", format);
        r.put("file", file.toString());
        r.put("bytes", Files.size(file));
        r.put("rows", checked[0]);
        r.put("columns", columns.size());
        r.put("synthos_seconds", synthos);
        r.put("synthos_rows_per_second", checked[0] / synthos);
        r.put("synthos_values_per_second", values / synthos);
        r.put("duckdb_seconds", duckdb);
        r.put("ratio_synthos_to_duckdb", synthos / duckdb);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %,d | %.2f | %,.0f | %,.0f | %.2f | %.2f |%n",
                format,
                checked[0],
                synthos,
                checked[0] / synthos,
                values / synthos,
                duckdb,
                synthos / duckdb));
      }
    }
    BenchResults.write(out, "read", root, md.toString());
    System.out.print(md);
  }

  /** Reads the whole file, touching every value; returns the number of rows. */
  static long readAll(Path file) {
    long rows = 0;
    double checksum = 0;
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults())) {
      for (Optional<ColumnBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
        ColumnBatch batch = b.get();
        rows += batch.rowCount();
        for (Column c : batch.columns()) {
          checksum += fold(c);
        }
      }
    }
    if (checksum == 42.4242) {
      System.err.print("");
    }
    return rows;
  }

  private static double fold(Column c) {
    double s = 0;
    if (c instanceof Column.Doubles d) {
      double[] v = d.values();
      for (int i = 0; i < d.size(); i++) {
        s += v[i];
      }
    } else if (c instanceof Column.Longs l) {
      long[] v = l.values();
      for (int i = 0; i < l.size(); i++) {
        s += v[i];
      }
    } else if (c instanceof Column.Booleans b) {
      boolean[] v = b.values();
      for (int i = 0; i < b.size(); i++) {
        s += v[i] ? 1 : 0;
      }
    } else if (c instanceof Column.Strings t) {
      String[] v = t.values();
      for (int i = 0; i < t.size(); i++) {
        s += v[i] == null ? 0 : v[i].length();
      }
    }
    return s + c.nulls().cardinality();
  }

  interface Run {
    void run() throws Exception;
  }

  static double time(int repeats, Run run) throws Exception {
    run.run();
    double[] seconds = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      run.run();
      seconds[i] = (System.nanoTime() - t0) / 1e9;
    }
    return BenchResults.median(seconds);
  }
}
