package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiler;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;

/**
 * Profiles the same files with Synthos ({@link Profiler} on all cores) and with DuckDB's {@code
 * SUMMARIZE} in one run, and writes time, rows/s, peak heap and the ratio to DuckDB to {@code
 * bench-results/profile.{json,md}}.
 *
 * <pre>
 * usage: ProfileBenchmark [ROWS,ROWS...=1000000] [REPEATS=3] [COLUMNS=20] [OUT_DIR=bench-results]
 * </pre>
 */
public final class ProfileBenchmark {
  private ProfileBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "1000000").split(",")) {
      sizes.add(Long.parseLong(s.trim()));
    }
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int columns = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path out = Path.of(args.length > 3 ? args[3] : "bench-results");
    Path data = out.resolve("data");
    Files.createDirectories(data);
    int threads = Runtime.getRuntime().availableProcessors();
    ObjectNode root = BenchResults.header("profile", args);
    ArrayNode results = root.putArray("results");
    StringBuilder md = new StringBuilder();
    md.append(
        "| format | rows x cols | Synthos s | Synthos rows/s | peak heap MiB | DuckDB SUMMARIZE s |"
            + " Synthos / DuckDB time |\n|---|---:|---:|---:|---:|---:|---:|\n");
    try (DuckDbPeer duck = new DuckDbPeer(threads)) {
      root.put("duckdb_version", duck.version());
      for (long rows : sizes) {
        Path csv = data.resolve("mixed-" + rows + "x" + columns + ".csv");
        Path parquet = data.resolve("mixed-" + rows + "x" + columns + ".parquet");
        if (!Files.exists(csv)) {
          System.err.println("generating " + csv);
          DataGenerator.writeCsv(csv, rows, columns, 42);
        }
        if (!Files.exists(parquet)) {
          duck.csvToParquet(csv, parquet);
        }
        for (Path file : List.of(csv, parquet)) {
          long[] profiled = new long[1];
          BenchResults.resetPeakHeap();
          double synthos =
              ReadBenchmark.time(repeats, () -> profiled[0] = profile(file, threads).rows());
          long peakHeap = BenchResults.peakHeapBytes();
          double duckdb = ReadBenchmark.time(repeats, () -> duck.summarize(file));
          String format = file.getFileName().toString().endsWith(".parquet") ? "parquet" : "csv";
          ObjectNode r = results.addObject();
          r.put("format", format);
          r.put("rows", profiled[0]);
          r.put("columns", columns);
          r.put("bytes", Files.size(file));
          r.put("threads", threads);
          r.put("synthos_seconds", synthos);
          r.put("synthos_rows_per_second", profiled[0] / synthos);
          r.put("synthos_peak_heap_bytes", peakHeap);
          r.put("duckdb_summarize_seconds", duckdb);
          r.put("ratio_synthos_to_duckdb", synthos / duckdb);
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %,d x %d | %.2f | %,.0f | %.0f | %.2f | %.2f |%n",
                  format,
                  profiled[0],
                  columns,
                  synthos,
                  profiled[0] / synthos,
                  peakHeap / 1048576.0,
                  duckdb,
                  synthos / duckdb));
        }
      }
    }
    BenchResults.write(out, "profile", root, md.toString());
    System.out.print(md);
  }

  static DatasetProfile profile(Path file, int threads) {
    try (DatasetReader reader = Datasets.open(file, ReadOptions.defaults())) {
      return Profiler.profile(
          reader.schema(),
          Datasets.batches(reader),
          ProfileOptions.defaults().withThreads(threads));
    }
  }
}
