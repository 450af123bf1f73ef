package org.synthos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./bench spark}: {@code validate} on generated files as one fresh JVM per run, on one
 * machine ({@code synthos validate}, the command line's jar) and as a Spark job ({@code
 * synthos-spark validate} on a local master, Spark's driver and executors in that one JVM), on the
 * same files with the same options. Each Spark run is repeated per partition size ({@code
 * spark.sql.files.maxPartitionBytes}), so the table shows how cost grows with rows and with
 * partitions. Both reports' decisions and risk scores are compared: they must agree.
 *
 * <p>Measured per run: wall time, CPU time and peak RSS ({@link ProcessProbe}), the peak heap and
 * the largest heap after a collection ({@link GcLog}). In local mode the driver and the executors
 * share the one JVM, so its heap is both; the driver's own share is bounded by design (the merged
 * samples, counts and listed rows).
 */
public final class SparkScaleBenchmark {
  private SparkScaleBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<Long> sizes = new ArrayList<>(List.of(10_000_000L));
    List<Long> partitionMb = new ArrayList<>(List.of(128L));
    int columns = 8;
    String master = "local[*]";
    String sparkXmx = "4g";
    String cliXmx = "1g";
    boolean cli = true;
    boolean parquet = false;
    Path out = Path.of("bench-results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = longs(Args.value(args, ++i, "--sizes"));
        case "--partition-mb" -> partitionMb = longs(Args.value(args, ++i, "--partition-mb"));
        case "--columns" ->
            columns = (int) Args.positiveLong(Args.value(args, ++i, "--columns"), "--columns");
        case "--master" -> master = Args.value(args, ++i, "--master");
        case "--spark-xmx" -> sparkXmx = Args.value(args, ++i, "--spark-xmx");
        case "--cli-xmx" -> cliXmx = Args.value(args, ++i, "--cli-xmx");
        case "--no-cli" -> cli = false;
        case "--format" -> parquet = parquetFormat(Args.value(args, ++i, "--format"));
        case "--out" -> out = Path.of(Args.value(args, ++i, "--out"));
        case "--help" -> {
          System.out.println(
              "./bench spark [--sizes 10000000,100000000] [--partition-mb 32,128] [--columns 8]"
                  + " [--format csv|parquet] [--master local[*]] [--spark-xmx 4g] [--cli-xmx 1g]"
                  + " [--no-cli] [--out DIR]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root = Path.of("").toAbsolutePath();
    Path cliJar = root.resolve("synthos-cli/target/synthos.jar");
    Path sparkTarget = root.resolve("synthos-spark/target");
    String sparkClasspath =
        sparkTarget.resolve("synthos-spark.jar")
            + ":"
            + Files.readString(sparkTarget.resolve("classpath.txt")).trim();
    ProcessProbe probe = new ProcessProbe(GpuProbe.find());
    ObjectNode json = BenchResults.header("spark", args);
    json.put("measurement", probe.method());
    ArrayNode runs = json.putArray("runs");
    StringBuilder md = new StringBuilder();
    md.append("| rows (each file) | run | partitions | wall s | CPU s | CPU % | peak RSS MiB |")
        .append(" peak heap MiB | heap after GC MiB | decision | risk |\n")
        .append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|--:|\n");
    for (long rows : sizes) {
      Path data = out.resolve("data");
      String ext = parquet ? ".parquet" : ".csv";
      Path cand = data.resolve("mixed-" + rows + "x" + columns + ext);
      Path ref = data.resolve("mixed-" + rows + "x" + columns + "-ref" + ext);
      generate(cand, rows, columns, 42);
      generate(ref, rows, columns, 43);
      json.putObject("files_bytes_" + rows)
          .put("candidate", Files.size(cand))
          .put("reference", Files.size(ref));
      Path runDir = out.resolve("spark-runs").resolve(String.valueOf(rows));
      List<String> validate =
          List.of("validate", cand.toString(), "--reference", ref.toString(), "--report", "REPORT");
      JsonNode cliReport = null;
      if (cli) {
        Path dir = runDir.resolve("cli");
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    ProcessProbe.javaBin(), "-Xmx" + cliXmx, GcLog.option(dir.resolve("gc.log"))));
        cmd.addAll(List.of("-jar", cliJar.toString()));
        cmd.addAll(withReport(validate, dir));
        cliReport = record(runs, md, "synthos validate", rows, "-", probe.run(cmd, dir), dir);
      }
      for (long mb : partitionMb) {
        Path dir = runDir.resolve("spark-" + mb + "mb");
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    ProcessProbe.javaBin(),
                    "-Xmx" + sparkXmx,
                    GcLog.option(dir.resolve("gc.log")),
                    "-Dspark.sql.files.maxPartitionBytes=" + (mb << 20),
                    "-Dlog4j2.configurationFile="
                        + root.resolve("synthos-spark/log4j2.properties")));
        // The --add-opens Spark's own launcher gives every JVM it starts, as the launcher has them.
        cmd.addAll(Files.readAllLines(root.resolve("synthos-spark/jvm-options.txt")));
        cmd.addAll(List.of("-cp", sparkClasspath, "org.synthos.spark.SparkValidateMain"));
        cmd.addAll(withReport(validate, dir));
        cmd.addAll(List.of("--master", master));
        ProcessProbe.Measure measured = probe.run(cmd, dir);
        JsonNode report =
            record(
                runs,
                md,
                "synthos-spark " + master + ", " + mb + " MiB splits",
                rows,
                partitions(dir),
                measured,
                dir);
        if (cliReport != null && report != null) {
          double diff = Math.abs(risk(report) - risk(cliReport));
          boolean same = decision(report).equals(decision(cliReport)) && diff < 1e-9;
          md.append("|  | same decision and risk as the command line: ")
              .append(same ? "yes" : "NO (risk differs by " + diff + ")")
              .append(" | | | | | | | | | |\n");
        }
      }
    }
    BenchResults.write(out, "spark", json, md.toString());
    System.out.print(md);
  }

  private static List<String> withReport(List<String> args, Path dir) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      out.add(a.equals("REPORT") ? dir.resolve("report.json").toString() : a);
    }
    return out;
  }

  /** Adds one run's figures; returns its report, or null when it failed. */
  private static JsonNode record(
      ArrayNode runs,
      StringBuilder md,
      String what,
      long rows,
      String partitions,
      ProcessProbe.Measure m,
      Path dir)
      throws IOException {
    GcLog gc = GcLog.read(dir.resolve("gc.log"));
    Path reportFile = dir.resolve("report.json");
    JsonNode report =
        Files.exists(reportFile) ? BenchResults.MAPPER.readTree(reportFile.toFile()) : null;
    ObjectNode run = runs.addObject();
    run.put("run", what);
    run.put("rows_each_file", rows);
    run.put("partitions", partitions);
    run.put("exit_code", m.exitCode());
    run.put("wall_seconds", m.wallSeconds());
    m.cpuSeconds().ifPresent(c -> run.put("cpu_seconds", c));
    m.peakRssBytes().ifPresent(r -> run.put("peak_rss_bytes", r));
    gc.peakHeapBytes().ifPresent(h -> run.put("peak_heap_bytes", h));
    gc.peakAfterGcBytes().ifPresent(h -> run.put("heap_after_gc_bytes", h));
    run.put("other_cores_busy", m.otherCores());
    if (report != null) {
      run.put("decision", decision(report));
      run.put("risk", risk(report));
    } else {
      run.put("stderr_tail", m.stderrTail());
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| %,d | %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s |%n",
            rows,
            what,
            partitions,
            m.wallSeconds(),
            m.cpuSeconds().isPresent()
                ? String.format(Locale.ROOT, "%.1f", m.cpuSeconds().getAsDouble())
                : "-",
            m.cpuPercent().isPresent()
                ? String.format(Locale.ROOT, "%.0f", m.cpuPercent().getAsDouble())
                : "-",
            mib(m.peakRssBytes().isPresent() ? m.peakRssBytes().getAsLong() : -1),
            mib(gc.peakHeapBytes().orElse(-1)),
            mib(gc.peakAfterGcBytes().orElse(-1)),
            report == null ? "failed (exit " + m.exitCode() + ")" : decision(report),
            report == null ? "-" : String.format(Locale.ROOT, "%.4f", risk(report))));
    return report;
  }

  /** The candidate's partition count, as the Spark run printed it on stderr. */
  private static String partitions(Path dir) throws IOException {
    Path err = dir.resolve("stderr.txt");
    if (!Files.exists(err)) {
      return "?";
    }
    for (String line : Files.readAllLines(err)) {
      int at = line.indexOf("partitions: ");
      if (at >= 0) {
        return line.substring(at + "partitions: ".length()).trim();
      }
    }
    return "?";
  }

  private static String decision(JsonNode report) {
    return report.path("results").path("decision").asText();
  }

  private static double risk(JsonNode report) {
    return report.path("results").path("risk_score").asDouble();
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "-" : String.valueOf(bytes >> 20);
  }

  /**
   * Writes the generated file unless it is there. A Parquet file is the same CSV converted by
   * DuckDB (snappy, DuckDB's row groups of 122,880 rows); the CSV is deleted afterwards.
   */
  private static void generate(Path file, long rows, int columns, long seed) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    System.err.println("generating " + file);
    if (!file.getFileName().toString().endsWith(".parquet")) {
      DataGenerator.writeCsv(file, rows, columns, seed);
      return;
    }
    Path csv = file.resolveSibling(file.getFileName() + ".csv");
    DataGenerator.writeCsv(csv, rows, columns, seed);
    Path tmp = file.resolveSibling(".tmp-" + file.getFileName());
    try (DuckDbPeer duck = new DuckDbPeer(2)) {
      duck.csvToParquet(csv, tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write " + file + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(csv);
    }
  }

  private static boolean parquetFormat(String format) {
    return switch (format) {
      case "csv" -> false;
      case "parquet" -> true;
      default -> throw new IllegalArgumentException("--format is csv or parquet, not " + format);
    };
  }

  private static List<Long> longs(String csv) {
    List<Long> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(Args.positiveLong(s.trim(), "a list of numbers"));
    }
    return out;
  }
}
