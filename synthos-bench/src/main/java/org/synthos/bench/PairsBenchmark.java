package org.synthos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.synthos.bench.PairsData.Pair;

/**
 * Small real pairs, the size a user validates most: for each derived dataset a 4,000-row candidate
 * against a disjoint 4,000-row reference (clean, and with defects injected so that the rejected
 * path is timed too), plus the README's 500-row example pair.
 *
 * <p>Each pair is validated (a) in process through the library, after untimed warm-up rounds, which
 * gives the engine's own time per stage with the JIT warm, and (b) as a user runs it: fresh {@code
 * synthos validate CAND --reference REF --report FILE} processes, plain {@code java -jar}, with the
 * class-data archive the launcher keeps next to the jar, through the {@code ./synthos} launcher and
 * with any extra JVM options asked for, measured from outside by {@link ProcessProbe}; the report's
 * {@code internal.total_millis} is the work, the rest of the wall time is the JVM starting, loading
 * classes, reading schemas and writing the report. Runs of all pairs and ways are interleaved round
 * by round, so that a change in the machine's load spreads over all of them. Writes {@code
 * pairs.json} and {@code pairs.md}; see {@link PairsOptions#USAGE} for the options.
 */
public final class PairsBenchmark {
  private final PairsOptions options;
  private final ProcessProbe probe;
  private final Path runs;

  private PairsBenchmark(PairsOptions options, ProcessProbe probe) {
    this.options = options;
    this.probe = probe;
    this.runs = options.out().resolve("pairs-runs");
  }

  public static void main(String[] args) throws IOException {
    if (List.of(args).contains("--help")) {
      System.out.println(PairsOptions.USAGE);
      return;
    }
    PairsOptions options;
    List<Pair> pairs = new ArrayList<>();
    try {
      options = PairsOptions.parse(args);
      PairsData.example(Path.of("")).ifPresent(pairs::add);
      pairs.addAll(
          PairsData.make(
              options, Path.of(""), options.out().resolve("pairs-data"), System.err::println));
    } catch (IllegalArgumentException e) {
      System.err.println("pairs: " + e.getMessage());
      System.err.println(PairsOptions.USAGE);
      System.exit(2);
      return;
    }
    if (pairs.isEmpty()) {
      System.err.println("pairs: no pairs to run");
      System.exit(2);
    }
    PairsBenchmark bench = new PairsBenchmark(options, new ProcessProbe(GpuProbe.find()));
    PairsReport report = new PairsReport(BenchResults.header("pairs", args), options);
    report.root().put("measurement", bench.probe.method());
    bench.inProcess(pairs, report);
    if (options.cli()) {
      bench.cli(pairs, report);
    }
    report.write();
    System.out.print(report.markdown());
  }

  private void inProcess(List<Pair> pairs, PairsReport report) {
    Map<Pair, List<PairValidation.Run>> timed = new LinkedHashMap<>();
    Map<Pair, PairValidation.Run> first = new LinkedHashMap<>();
    for (int round = 0; round < options.warmup() + options.repeats(); round++) {
      boolean warm = round < options.warmup();
      System.err.printf(
          Locale.ROOT,
          "pairs: in process, %s round %d%n",
          warm ? "warm-up" : "timed",
          warm ? round + 1 : round - options.warmup() + 1);
      for (Pair p : pairs) {
        PairValidation.Run r =
            PairValidation.validate(p.candidate(), p.reference(), options.learnBudget());
        first.putIfAbsent(p, r);
        if (!warm) {
          timed.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
        }
      }
    }
    report.inProcess(timed, first);
  }

  /** A way of running the CLI: the command before {@code validate ...}. */
  record Way(String name, List<String> command, String description) {}

  private void cli(List<Pair> pairs, PairsReport report) throws IOException {
    List<Way> ways = ways(report, pairs.get(0));
    Map<Pair, Map<Way, List<CliRun>>> results = new LinkedHashMap<>();
    Map<Way, List<CliRun>> starts = new LinkedHashMap<>();
    for (int r = 1; r <= options.repeats(); r++) {
      System.err.printf(Locale.ROOT, "pairs: CLI round %d/%d%n", r, options.repeats());
      for (Way w : ways) {
        starts.computeIfAbsent(w, k -> new ArrayList<>()).add(help(w, r));
      }
      for (Pair p : pairs) {
        for (Way w : ways) {
          results
              .computeIfAbsent(p, k -> new LinkedHashMap<>())
              .computeIfAbsent(w, k -> new ArrayList<>())
              .add(validate(p, w, r));
        }
      }
    }
    report.cli(ways, starts, results);
  }

  /**
   * The ways to run, in table order. The launcher is run once first so that it builds the jar and
   * the class-data archive if they are stale; the archive run is skipped when the archive is
   * missing or the JVM will not map it.
   */
  private List<Way> ways(PairsReport report, Pair first) throws IOException {
    String java = ProcessProbe.javaBin();
    String jar = options.jar().toString();
    Path script = options.launcherScript().toAbsolutePath();
    if ((options.launcher() || options.cds()) && Files.isExecutable(script)) {
      ProcessProbe.Measure m =
          probe.run(List.of(script.toString(), "--version"), runs.resolve("launcher-prepare"));
      report.note("launcher_prepare_seconds", m.wallSeconds());
    }
    List<Way> ways = new ArrayList<>();
    ways.add(new Way("java", List.of(java, "-jar", jar), "java -jar synthos.jar"));
    Path archive = options.archive();
    if (options.cds()) {
      List<String> cds = List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", jar);
      Optional<String> problem = archiveProblem(archive);
      if (problem.isEmpty()) {
        ways.add(
            new Way(
                "cds",
                cds,
                "java -XX:SharedArchiveFile=" + archive.getFileName() + " -jar synthos.jar"));
        report.classLoading(
            classLoading("java", List.of(), first),
            classLoading("cds", List.of("-XX:SharedArchiveFile=" + archive), first));
      } else {
        report.note("cds_not_measured", problem.get());
      }
    }
    if (options.launcher()) {
      if (Files.isExecutable(script)) {
        ways.add(
            new Way(
                "launcher",
                List.of(script.toString()),
                "./synthos: the launcher, with the JVM options it picks"));
      } else {
        report.note("launcher_not_measured", "no executable launcher at " + script);
      }
    }
    options
        .variants()
        .forEach(
            (name, opts) -> {
              List<String> cmd = new ArrayList<>(List.of(java));
              cmd.addAll(opts);
              cmd.addAll(List.of("-jar", jar));
              ways.add(new Way(name, cmd, "java " + String.join(" ", opts) + " -jar synthos.jar"));
            });
    return ways;
  }

  /**
   * Why the archive cannot be used, or empty: {@code -Xshare:on} makes the JVM fail rather than go
   * on without it.
   */
  private Optional<String> archiveProblem(Path archive) {
    if (!Files.isRegularFile(archive)) {
      return Optional.of("no class-data archive at " + archive + " (the launcher makes it)");
    }
    ProcessProbe.Measure m =
        probe.run(
            List.of(
                ProcessProbe.javaBin(),
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-jar",
                options.jar().toString(),
                "--version"),
            runs.resolve("cds-check"));
    return m.exitCode() == 0
        ? Optional.empty()
        : Optional.of(
            "the JVM does not map "
                + archive
                + ": "
                + ProcessProbe.lastLine(m.stderrTail() + m.stdout()));
  }

  /**
   * Classes loaded by a validation of {@code p}, by source: the JDK's base archive, the application
   * archive, or parsed (and verified) from the jar or the JDK's modules at run time.
   */
  private Map<String, Integer> classLoading(String way, List<String> jvmOptions, Pair p)
      throws IOException {
    Path dir = runs.resolve("class-loading").resolve(way);
    Files.createDirectories(dir);
    Path log = dir.resolve("class-load.log").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(ProcessProbe.javaBin()));
    cmd.addAll(jvmOptions);
    cmd.add("-Xlog:class+load=info:file=" + log);
    cmd.addAll(validateArguments(p, dir.resolve("report.json")));
    probe.run(cmd, dir);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String key : List.of("total", "base_archive", "app_archive", "parsed")) {
      counts.put(key, 0);
    }
    for (String line : Files.readAllLines(log)) {
      counts.merge("total", 1, Integer::sum);
      String key =
          line.contains("shared objects file (top)")
              ? "app_archive"
              : line.contains("shared objects file") ? "base_archive" : "parsed";
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }

  private List<String> validateArguments(Pair p, Path reportFile) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-jar",
                options.jar().toString(),
                "validate",
                p.candidate().toString(),
                "--reference",
                p.reference().toString(),
                "--report",
                reportFile.toString()));
    if (options.learnBudget() != null) {
      args.add("--learn-budget=" + options.learnBudget());
    }
    return args;
  }

  /**
   * One CLI run's figures.
   *
   * @param totalMillis the report's {@code internal.total_millis}, or -1 without a report
   * @param stages seconds per stage from the report
   */
  record CliRun(
      ProcessProbe.Measure measure, long totalMillis, Map<String, Double> stages, String status) {
    boolean ok() {
      return status.equals("approve") || status.equals("reject") || status.equals("ok");
    }
  }

  private CliRun help(Way w, int round) {
    List<String> cmd = new ArrayList<>(w.command());
    cmd.add("--help");
    ProcessProbe.Measure m =
        probe.run(cmd, runs.resolve("help").resolve(w.name()).resolve("run-" + round));
    return new CliRun(m, -1, Map.of(), m.exitCode() == 0 ? "ok" : "failed: exit " + m.exitCode());
  }

  private CliRun validate(Pair p, Way w, int round) throws IOException {
    Path dir = runs.resolve(p.name()).resolve(w.name()).resolve("run-" + round);
    Path reportFile = dir.resolve("report.json");
    Files.deleteIfExists(reportFile);
    List<String> cmd = new ArrayList<>(w.command());
    List<String> args = validateArguments(p, reportFile);
    cmd.addAll(args.subList(2, args.size()));
    ProcessProbe.Measure m = probe.run(cmd, dir);
    String status =
        switch (m.exitCode()) {
          case 0 -> "approve";
          case 3 -> "reject";
          default -> "failed: exit " + m.exitCode() + ": " + ProcessProbe.lastLine(m.stderrTail());
        };
    if (!Files.exists(reportFile)) {
      return new CliRun(
          m, -1, Map.of(), status.startsWith("failed") ? status : "failed: no report");
    }
    JsonNode report = BenchResults.MAPPER.readTree(reportFile.toFile());
    Map<String, Double> stages = StageTimes.fromReport(report);
    long total = Math.round(stages.getOrDefault("total", -0.001) * 1000);
    return new CliRun(m, total, stages, status);
  }
}
