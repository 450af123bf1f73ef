package org.synthos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.synthos.bench.ScaleOptions.Mode;

/**
 * The load and scale harness: the synthos CLI end to end, as a user runs it, from 1K to 10M rows
 * (100M on request), on CSV and Parquet, profiling and validating with and without a reference,
 * with DuckDB's SUMMARIZE of the same files measured the same way beside each run.
 *
 * <p>Every run is a fresh JVM, started as a user starts it: through the {@code ./synthos} launcher,
 * which picks the collector, compiler tiers and class-data archive for the run, with {@code
 * JAVA_OPTS=-Xmx1g} and the GC log ({@code --direct}: {@code java -Xmx1g -jar synthos.jar ...}),
 * measured from outside by {@link ProcessProbe} (wall, CPU, peak RSS, GPU, the load of other
 * processes) and from its GC log by {@link GcLog} (peak heap). Stage times come from the CLI's own
 * output. Writes {@code scale.json}, {@code scale.md} and the time and memory charts to the output
 * directory. See {@link ScaleOptions#USAGE} for the options.
 */
public final class ScaleBenchmark {
  private static final long SEED = 42;
  private static final long REFERENCE_SEED = 43;

  private final ScaleOptions options;
  private final ProcessProbe probe;
  private final Path data;
  private final Path runs;
  private final int threads = Runtime.getRuntime().availableProcessors();
  private final Map<String, Optional<ScaleRun.DuckRun>> duckCache = new HashMap<>();

  private ScaleBenchmark(ScaleOptions options, ProcessProbe probe) {
    this.options = options;
    this.probe = probe;
    this.data = options.out().resolve("data");
    this.runs = options.out().resolve("scale-runs");
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    if (List.of(args).contains("--help")) {
      System.out.println(ScaleOptions.USAGE);
      return;
    }
    ScaleOptions options;
    try {
      options = ScaleOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("scale: " + e.getMessage());
      System.err.println(ScaleOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.launcher() != null && !Files.isExecutable(options.launcher())) {
      System.err.println(
          "scale: no executable launcher at "
              + options.launcher()
              + "; pass --direct to run the jar");
      System.exit(2);
    }
    if (!Files.isRegularFile(options.jar())) {
      System.err.println(
          "scale: no CLI jar at "
              + options.jar()
              + "; build it with 'mvn -B -pl synthos-cli -am package -DskipTests' or './synthos --version'");
      System.exit(2);
    }
    GpuProbe gpu = GpuProbe.find();
    ScaleBenchmark bench = new ScaleBenchmark(options, new ProcessProbe(gpu));
    ScaleReport report = bench.run(args, gpu);
    report.write(options.out(), options.charts());
    System.out.print(report.markdown());
  }

  private ScaleReport run(String[] args, GpuProbe gpu) throws Exception {
    Files.createDirectories(data);
    ScaleReport report = new ScaleReport(BenchResults.header("scale", args), options);
    report.root().put("synthos_jar", options.jar().toAbsolutePath().toString());
    report
        .root()
        .put(
            "started_by",
            options.launcher() == null
                ? "java -Xmx" + options.xmx() + " -jar " + options.jar()
                : options.launcher() + " with JAVA_OPTS=-Xmx" + options.xmx());
    if (options.launcher() != null) {
      // Builds the jar and the class-data archive if they are stale, outside every timed run.
      probe.run(concat(cli(List.of()), "--version"), runs.resolve("launcher-prepare"));
    }
    report.root().put("measurement", probe.method());
    report
        .root()
        .put(
            "gpu",
            gpu.present() ? "nvidia-smi sampled every 0.5 s" : "absent: no nvidia-smi on PATH");
    boolean validateAvailable = cliHasCommand("validate");
    report.root().put("validate_available", validateAvailable);
    report.root().put("jvm_start_seconds", jvmStartSeconds());
    try (DuckDbPeer duck = new DuckDbPeer(threads)) {
      report.root().put("duckdb_version", duck.version());
      for (long rows : options.sizes()) {
        for (String format : options.formats()) {
          Path candidate = dataset(duck, rows, format, SEED, "");
          Path reference =
              options.modes().contains(Mode.VALIDATE_REF) && validateAvailable
                  ? dataset(duck, rows, format, REFERENCE_SEED, "-ref")
                  : null;
          for (Mode mode : options.modes()) {
            report.add(
                measure(
                    "synthetic",
                    mode,
                    format,
                    rows,
                    options.columns(),
                    candidate,
                    reference,
                    validateAvailable));
            report.writeTables(options.out());
          }
        }
      }
      for (Path real : options.real()) {
        report.addReal(real, realRuns(duck, real, validateAvailable));
        report.writeTables(options.out());
      }
    }
    return report;
  }

  private List<ScaleRun> realRuns(DuckDbPeer duck, Path file, boolean validateAvailable)
      throws Exception {
    List<ScaleRun> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    String format = file.getFileName().toString().endsWith(".parquet") ? "parquet" : "csv";
    long rows = duck.scanAll(file, List.of());
    int columns = duck.columns(file).size();
    for (Mode mode : options.modes()) {
      if (mode != Mode.VALIDATE_REF) {
        out.add(
            measure(
                file.getFileName().toString(),
                mode,
                format,
                rows,
                columns,
                file,
                null,
                validateAvailable));
      }
    }
    return out;
  }

  /** The generated dataset of this size and format, made once and reused. */
  private Path dataset(DuckDbPeer duck, long rows, String format, long seed, String suffix)
      throws Exception {
    String base = "mixed-" + rows + "x" + options.columns() + suffix;
    Path csv = data.resolve(base + ".csv");
    if (!Files.exists(csv)) {
      System.err.println("scale: generating " + csv);
      DataGenerator.writeCsv(csv, rows, options.columns(), seed);
    }
    if (format.equals("csv")) {
      return csv;
    }
    Path parquet = data.resolve(base + ".parquet");
    if (!Files.exists(parquet)) {
      System.err.println("scale: writing " + parquet);
      Path tmp = data.resolve("." + base + ".parquet.tmp");
      duck.csvToParquet(csv, tmp);
      Files.move(tmp, parquet, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return parquet;
  }

  private ScaleRun measure(
      String dataset,
      Mode mode,
      String format,
      long rows,
      int columns,
      Path candidate,
      Path reference,
      boolean validateAvailable)
      throws IOException {
    long bytes = Files.size(candidate) + (mode == Mode.VALIDATE_REF ? Files.size(reference) : 0);
    if (mode.validates() && !validateAvailable) {
      return result(
          dataset,
          mode,
          format,
          rows,
          columns,
          bytes,
          "not measured: this synthos build has no validate command",
          List.of(),
          null,
          Optional.empty());
    }
    String name = dataset.replace('.', '_') + "-" + mode.label + "-" + format + "-" + rows;
    int repeats = options.repeatsFor(rows);
    List<Attempt> attempts = new ArrayList<>();
    String status = "ok";
    for (int r = 0; r < repeats; r++) {
      Path dir = runs.resolve(name).resolve("run-" + (r + 1));
      System.err.printf(Locale.ROOT, "scale: %s run %d/%d%n", name, r + 1, repeats);
      Attempt a = attempt(mode, candidate, reference, dir, rows);
      attempts.add(a);
      if (!a.status.equals("ok")) {
        status = a.status;
        break;
      }
    }
    List<Double> walls = attempts.stream().map(a -> a.measure.wallSeconds()).toList();
    Attempt median =
        status.equals("ok")
            ? attempts.stream()
                .sorted(Comparator.comparingDouble(a -> a.measure.wallSeconds()))
                .toList()
                .get((attempts.size() - 1) / 2)
            : attempts.get(attempts.size() - 1);
    List<Path> duckFiles =
        reference == null || mode != Mode.VALIDATE_REF
            ? List.of(candidate)
            : List.of(candidate, reference);
    Optional<ScaleRun.DuckRun> duck =
        options.duckdb() ? duckdb(duckFiles, repeats, runs.resolve(name)) : Optional.empty();
    return result(dataset, mode, format, rows, columns, bytes, status, walls, median, duck);
  }

  private ScaleRun result(
      String dataset,
      Mode mode,
      String format,
      long rows,
      int columns,
      long bytes,
      String status,
      List<Double> walls,
      Attempt chosen,
      Optional<ScaleRun.DuckRun> duck) {
    Optional<Attempt> a = Optional.ofNullable(chosen);
    return new ScaleRun(
        dataset,
        mode,
        format,
        rows,
        columns,
        bytes,
        mode == Mode.VALIDATE_REF ? 2 * rows : rows,
        options.xmx(),
        status,
        walls,
        a.map(Attempt::measure),
        a.map(Attempt::gc),
        a.map(Attempt::stages).orElse(Map.of()),
        a.map(Attempt::rowCounts).orElse(Map.of()),
        duck);
  }

  private record Attempt(
      ProcessProbe.Measure measure,
      GcLog gc,
      Map<String, Double> stages,
      Map<String, Long> rowCounts,
      String status) {}

  private Attempt attempt(Mode mode, Path candidate, Path reference, Path dir, long rows)
      throws IOException {
    Path gcLog = dir.resolve("gc.log");
    Files.deleteIfExists(gcLog);
    List<String> jvm = new ArrayList<>(options.jvmOptions());
    jvm.add(GcLog.option(gcLog));
    Path jfr = dir.resolve("recording.jfr");
    if (options.jfrRows() == rows) {
      jvm.add(JfrSummary.option(jfr));
    }
    List<String> cmd = cli(jvm);
    Path reportFile = dir.resolve("report.json");
    switch (mode) {
      case PROFILE -> cmd.addAll(List.of("profile", candidate.toString()));
      case VALIDATE ->
          cmd.addAll(List.of("validate", candidate.toString(), "--report", reportFile.toString()));
      case VALIDATE_REF ->
          cmd.addAll(
              List.of(
                  "validate",
                  candidate.toString(),
                  "--reference",
                  reference.toString(),
                  "--report",
                  reportFile.toString()));
    }
    ProcessProbe.Measure m = probe.run(cmd, dir);
    GcLog gc = GcLog.read(gcLog);
    if (Files.exists(jfr)) {
      Files.writeString(dir.resolve("hot-methods.txt"), JfrSummary.summarize(jfr, 25));
    }
    boolean exitOk = m.exitCode() == 0 || (mode.validates() && m.exitCode() == 3);
    if (!exitOk) {
      return new Attempt(
          m,
          gc,
          Map.of(),
          Map.of(),
          "failed: exit " + m.exitCode() + ": " + ProcessProbe.lastLine(m.stderrTail()));
    }
    Map<String, Double> stages;
    Map<String, Long> rowCounts = Map.of();
    String status = "ok";
    if (mode == Mode.PROFILE) {
      stages = StageTimes.fromProfileText(m.stdout());
      OptionalLong seen = StageTimes.rowsFromProfileText(m.stdout());
      if (seen.isPresent() && seen.getAsLong() != rows) {
        status = "failed: profiled " + seen.getAsLong() + " rows, expected " + rows;
      }
    } else if (Files.exists(reportFile)) {
      JsonNode report = BenchResults.MAPPER.readTree(reportFile.toFile());
      stages = StageTimes.fromReport(report);
      rowCounts = StageTimes.rowCounts(report);
    } else {
      stages = Map.of();
      status = "failed: validate wrote no report";
    }
    return new Attempt(m, gc, stages, rowCounts, status);
  }

  /** DuckDB SUMMARIZE of the same files in its own JVM; shared by the modes that read them. */
  private Optional<ScaleRun.DuckRun> duckdb(List<Path> files, int repeats, Path dir) {
    String key = files.toString();
    return duckCache.computeIfAbsent(
        key, k -> measureDuckdb(files, repeats, dir.resolve("duckdb")));
  }

  private Optional<ScaleRun.DuckRun> measureDuckdb(List<Path> files, int repeats, Path dir) {
    List<ScaleRun.DuckRun> done = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  ProcessProbe.javaBin(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  DuckDbSummarize.class.getName(),
                  Integer.toString(threads)));
      files.forEach(f -> cmd.add(f.toString()));
      ProcessProbe.Measure m = probe.run(cmd, dir.resolve("run-" + (r + 1)));
      var fields = new HashMap<String, String>();
      for (String kv : m.stdout().strip().split(" ")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          fields.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      if (m.exitCode() != 0 || !fields.containsKey("summarize_seconds")) {
        System.err.println(
            "scale: DuckDB failed on " + files + ": " + ProcessProbe.lastLine(m.stderrTail()));
        return Optional.empty();
      }
      done.add(
          new ScaleRun.DuckRun(
              Double.parseDouble(fields.get("summarize_seconds")),
              Double.parseDouble(fields.get("connect_seconds")),
              m));
    }
    done.sort(Comparator.comparingDouble(ScaleRun.DuckRun::summarizeSeconds));
    return Optional.of(done.get((done.size() - 1) / 2));
  }

  /**
   * Whether the CLI jar has this subcommand: {@code synthos help CMD} exits 0 for a known command
   * and 2 for an unknown one ({@code synthos CMD --help} would print the top-level help and exit
   * 0).
   */
  private boolean cliHasCommand(String command) {
    ProcessProbe.Measure m =
        probe.run(concat(cli(List.of()), "help", command), runs.resolve("probe-" + command));
    return m.exitCode() == 0;
  }

  /** The median wall time of {@code synthos --version}: what every run pays before any work. */
  private double jvmStartSeconds() {
    double[] s = new double[3];
    for (int i = 0; i < s.length; i++) {
      s[i] =
          probe.run(concat(cli(List.of()), "--version"), runs.resolve("jvm-start")).wallSeconds();
    }
    return BenchResults.median(s);
  }

  /**
   * The command that starts the CLI with {@code -Xmx} and {@code jvm}: the launcher with them in
   * {@code JAVA_OPTS} (which it passes last, so they win), or {@code java} itself.
   */
  private List<String> cli(List<String> jvm) {
    List<String> opts = new ArrayList<>();
    opts.add("-Xmx" + options.xmx());
    opts.addAll(jvm);
    if (options.launcher() == null) {
      List<String> cmd = new ArrayList<>(List.of(ProcessProbe.javaBin()));
      cmd.addAll(opts);
      cmd.addAll(List.of("-jar", options.jar().toString()));
      return cmd;
    }
    return new ArrayList<>(
        List.of(
            "/usr/bin/env",
            "JAVA_OPTS=" + String.join(" ", opts),
            options.launcher().toAbsolutePath().toString()));
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> out = new ArrayList<>(head);
    out.addAll(List.of(tail));
    return out;
  }
}
