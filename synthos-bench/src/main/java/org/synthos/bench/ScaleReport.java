package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.synthos.bench.ScaleOptions.Mode;

/**
 * The scale benchmark's results: every run with its ratios to DuckDB, and the verdict on each
 * target, as JSON ({@code scale.json}), markdown ({@code scale.md}) and charts.
 *
 * <p>Targets (issue "Load and scale harness"): cost linear in rows (the 10M run at most 11x the 1M
 * run); the 10M x 20 validation with a 10M reference completing under {@code -Xmx1g} with CPU
 * utilisation of at least 170% (both cores of a 2-core machine); profiling within 2x of DuckDB's
 * SUMMARIZE of the same file. A target whose runs are missing is "not measured", never passed.
 */
final class ScaleReport {
  static final double LINEAR_LIMIT = 11;
  static final double CPU_PERCENT_TARGET = 170;
  static final double DUCKDB_LIMIT = 2;
  static final long TEN_MILLION = 10_000_000;
  static final long ONE_MILLION = 1_000_000;

  private final ObjectNode root;
  private final ScaleOptions options;
  private final List<ScaleRun> runs = new ArrayList<>();
  private final List<String> realNotes = new ArrayList<>();

  ScaleReport(ObjectNode root, ScaleOptions options) {
    this.root = root;
    this.options = options;
  }

  ObjectNode root() {
    return root;
  }

  void add(ScaleRun run) {
    runs.add(run);
  }

  void addReal(Path file, List<ScaleRun> measured) {
    if (measured.isEmpty()) {
      realNotes.add(file + ": absent (make it with tools/data/prepare.sh derived)");
    }
    runs.addAll(measured);
  }

  List<ScaleRun> runs() {
    return runs;
  }

  /**
   * Writes scale.json and scale.md as they stand: after every configuration, so a long run that is
   * stopped keeps what it measured.
   */
  void writeTables(Path out) throws IOException {
    BenchResults.write(out, "scale", json(), markdown());
  }

  void write(Path out, Path chartCopies) throws IOException {
    writeTables(out);
    List<Path> charts = ScaleCharts.write(runs, out);
    if (chartCopies != null) {
      Files.createDirectories(chartCopies);
      for (Path c : charts) {
        Files.copy(c, chartCopies.resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  ObjectNode json() {
    ObjectNode json = root.deepCopy();
    ArrayNode real = json.putArray("real_data_notes");
    realNotes.forEach(real::add);
    ArrayNode results = json.putArray("runs");
    for (ScaleRun r : runs) {
      ObjectNode n = results.addObject();
      n.put("dataset", r.dataset());
      n.put("mode", r.mode().label);
      n.put("format", r.format());
      n.put("rows", r.rows());
      n.put("columns", r.columns());
      n.put("input_rows", r.inputRows());
      n.put("input_bytes", r.bytes());
      n.put("xmx", r.xmx());
      n.put("status", r.status());
      ArrayNode walls = n.putArray("wall_seconds_all");
      r.walls().forEach(walls::add);
      r.measure().ifPresent(m -> putMeasure(n, m, r.inputRows()));
      r.gc()
          .ifPresent(
              g -> {
                putOptional(n, "peak_heap_bytes", g.peakHeapBytes());
                putOptional(n, "peak_heap_after_gc_bytes", g.peakAfterGcBytes());
                n.put("gc_pauses", g.pauses());
                n.put("gc_pause_seconds", g.pauseSeconds());
              });
      ObjectNode stages = n.putObject("stage_seconds");
      r.stages().forEach(stages::put);
      ObjectNode counts = n.putObject("row_counts");
      r.rowCounts().forEach(counts::put);
      putOptional(n, "work_seconds", r.workSeconds());
      if (r.duckdb().isPresent()) {
        ScaleRun.DuckRun d = r.duckdb().get();
        ObjectNode dn = n.putObject("duckdb");
        dn.put("summarize_seconds", d.summarizeSeconds());
        dn.put("connect_seconds", d.connectSeconds());
        putMeasure(dn, d.measure(), r.inputRows());
        ObjectNode ratios = n.putObject("ratio_to_duckdb");
        putOptional(ratios, "work_to_summarize", ratio(r.workSeconds(), d.summarizeSeconds()));
        putOptional(ratios, "wall", ratio(r.wall(), d.measure().wallSeconds()));
        putOptional(ratios, "cpu_seconds", ratio(cpu(r), d.measure().cpuSeconds()));
        putOptional(ratios, "peak_rss", ratio(rss(r), d.measure().peakRssBytes()));
      } else {
        n.putNull("duckdb");
      }
    }
    ArrayNode targets = json.putArray("targets");
    for (Verdict v : targets()) {
      ObjectNode t = targets.addObject();
      t.put("target", v.target());
      t.put("result", v.result());
      t.put("detail", v.detail());
    }
    return json;
  }

  private static void putMeasure(ObjectNode n, ProcessProbe.Measure m, long inputRows) {
    n.put("exit_code", m.exitCode());
    n.put("wall_seconds", m.wallSeconds());
    n.put("rows_per_second", inputRows / m.wallSeconds());
    putOptional(n, "cpu_seconds", m.cpuSeconds());
    putOptional(n, "cpu_percent", m.cpuPercent());
    putOptional(n, "peak_rss_bytes", m.peakRssBytes());
    n.put("other_processes_cores", m.otherCores());
    n.put("load_average_1m", m.loadAverage());
    ObjectNode g = n.putObject("gpu");
    g.put("present", m.gpu().present());
    g.put("note", m.gpu().note());
    putOptional(g, "mean_utilisation_percent", m.gpu().meanUtilisationPercent());
    putOptional(g, "peak_memory_mib", m.gpu().peakMemoryMiB());
  }

  /** One target's verdict: PASS, FAIL or NOT MEASURED, with the figures behind it. */
  record Verdict(String target, String result, String detail) {}

  List<Verdict> targets() {
    List<Verdict> out = new ArrayList<>();
    for (Mode mode : options.modes()) {
      for (String format : options.formats()) {
        Optional<ScaleRun> small = find(mode, format, ONE_MILLION);
        Optional<ScaleRun> large = find(mode, format, TEN_MILLION);
        String target = "linear: " + mode.label + " " + format + " 10M wall <= 11x 1M wall";
        if (small.isEmpty() || large.isEmpty() || !small.get().ok() || !large.get().ok()) {
          out.add(new Verdict(target, "NOT MEASURED", "needs ok runs at 1M and 10M rows"));
          continue;
        }
        double wallRatio = large.get().wall().getAsDouble() / small.get().wall().getAsDouble();
        OptionalDouble cpuRatio = ratio(cpu(large.get()), cpu(small.get()));
        out.add(
            new Verdict(
                target,
                wallRatio <= LINEAR_LIMIT ? "PASS" : "FAIL",
                String.format(
                    Locale.ROOT,
                    "wall %.1fx (%.2f s -> %.2f s), CPU time %s",
                    wallRatio,
                    small.get().wall().getAsDouble(),
                    large.get().wall().getAsDouble(),
                    cpuRatio.isPresent()
                        ? String.format(Locale.ROOT, "%.1fx", cpuRatio.getAsDouble())
                        : "n/a")));
      }
    }
    for (String format : options.formats()) {
      String target =
          "bounded memory, both cores: validate-ref "
              + format
              + " 10M x 20 with a 10M reference under -Xmx1g, CPU >= 170%";
      Optional<ScaleRun> r = find(Mode.VALIDATE_REF, format, TEN_MILLION);
      if (r.isEmpty() || r.get().columns() < 20 || !r.get().xmx().equalsIgnoreCase("1g")) {
        out.add(
            new Verdict(
                target,
                "NOT MEASURED",
                "needs --modes validate-ref, 10M rows, 20 columns, --xmx 1g"));
      } else if (r.get().measure().isEmpty() || r.get().status().startsWith("not measured")) {
        out.add(new Verdict(target, "NOT MEASURED", r.get().status()));
      } else if (!r.get().ok()) {
        out.add(new Verdict(target, "FAIL", r.get().status()));
      } else {
        ProcessProbe.Measure m = r.get().measure().get();
        double cpu = m.cpuPercent().orElse(Double.NaN);
        out.add(
            new Verdict(
                target,
                cpu >= CPU_PERCENT_TARGET ? "PASS" : "FAIL",
                String.format(
                    Locale.ROOT,
                    "completed in %.1f s, CPU %.0f%%, peak RSS %s, peak heap %s; other processes used %.2f cores",
                    m.wallSeconds(),
                    cpu,
                    mib(m.peakRssBytes()),
                    mib(r.get().gc().flatMap(g -> toOptional(g.peakHeapBytes()))),
                    m.otherCores())));
      }
    }
    for (String format : options.formats()) {
      for (long rows : options.sizes()) {
        if (rows < ONE_MILLION) {
          continue;
        }
        String target =
            "profile " + format + " " + rowsLabel(rows) + " within 2x of DuckDB SUMMARIZE";
        Optional<ScaleRun> r = find(Mode.PROFILE, format, rows);
        if (r.isEmpty()
            || !r.get().ok()
            || r.get().duckdb().isEmpty()
            || r.get().workSeconds().isEmpty()) {
          out.add(new Verdict(target, "NOT MEASURED", "needs an ok profile run and a DuckDB run"));
          continue;
        }
        ScaleRun.DuckRun d = r.get().duckdb().get();
        double work = r.get().workSeconds().getAsDouble();
        double ratio = work / d.summarizeSeconds();
        out.add(
            new Verdict(
                target,
                ratio <= DUCKDB_LIMIT ? "PASS" : "FAIL",
                String.format(
                    Locale.ROOT,
                    "profiling %.2f s vs SUMMARIZE %.2f s = %.2fx (whole runs: %.2f s vs %.2f s = %.2fx;"
                        + " CPU time %sx)",
                    work,
                    d.summarizeSeconds(),
                    ratio,
                    r.get().wall().getAsDouble(),
                    d.measure().wallSeconds(),
                    r.get().wall().getAsDouble() / d.measure().wallSeconds(),
                    num(ratio(cpu(r.get()), d.measure().cpuSeconds()), "%.2f"))));
      }
    }
    return out;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Measured %s on %d cores, %s; synthos JVM -Xmx%s; DuckDB %s; %s; JVM start (synthos --version) %.2f s; GPU: %s.%n%n",
            root.path("measured_at").asText(),
            root.path("machine").path("cores").asInt(),
            root.path("machine").path("java").asText(),
            options.xmx(),
            root.path("duckdb_version").asText("not run"),
            root.path("measurement").asText(),
            root.path("jvm_start_seconds").asDouble(),
            root.path("gpu").asText()));
    md.append(
        "| dataset | mode | format | rows | rows analysed | wall s | rows/s | CPU s | CPU % | peak RSS MiB | peak heap MiB | heap after GC MiB | GC s | work s | DuckDB SUMMARIZE s | DuckDB wall s | DuckDB CPU s | DuckDB RSS MiB | work / SUMMARIZE | wall / DuckDB wall | CPU / DuckDB CPU | RSS / DuckDB RSS | other load (cores) |\n");
    md.append("|---|---|---|" + "---:|".repeat(20) + "\n");
    for (ScaleRun r : runs) {
      if (r.measure().isEmpty()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                r.dataset(),
                r.mode().label,
                r.format(),
                rowsLabel(r.rows()),
                r.status()));
        continue;
      }
      ProcessProbe.Measure m = r.measure().get();
      Optional<ScaleRun.DuckRun> d = r.duckdb();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f |%n",
              r.dataset(),
              r.mode().label,
              r.format(),
              rowsLabel(r.rows()),
              analysed(r),
              r.ok() ? fixed(m.wallSeconds()) : r.status(),
              r.ok() ? String.format(Locale.ROOT, "%,.0f", r.inputRows() / m.wallSeconds()) : "",
              num(m.cpuSeconds(), "%.2f"),
              num(m.cpuPercent(), "%.0f"),
              mib(m.peakRssBytes()),
              mib(r.gc().flatMap(g -> toOptional(g.peakHeapBytes()))),
              mib(r.gc().flatMap(g -> toOptional(g.peakAfterGcBytes()))),
              r.gc().map(g -> fixed(g.pauseSeconds())).orElse(""),
              num(r.workSeconds(), "%.2f"),
              d.map(x -> fixed(x.summarizeSeconds())).orElse(""),
              d.map(x -> fixed(x.measure().wallSeconds())).orElse(""),
              d.map(x -> num(x.measure().cpuSeconds(), "%.2f")).orElse(""),
              d.map(x -> mib(x.measure().peakRssBytes())).orElse(""),
              d.map(x -> num(ratio(r.workSeconds(), x.summarizeSeconds()), "%.2f")).orElse(""),
              d.map(x -> num(ratio(r.wall(), x.measure().wallSeconds()), "%.2f")).orElse(""),
              d.map(x -> num(ratio(cpu(r), x.measure().cpuSeconds()), "%.2f")).orElse(""),
              d.map(x -> num(ratio(rss(r), x.measure().peakRssBytes()), "%.2f")).orElse(""),
              m.otherCores()));
    }
    for (String note : realNotes) {
      md.append("\nReal data: ").append(note).append('\n');
    }
    md.append("\n| target | result | detail |\n|---|---|---|\n");
    for (Verdict v : targets()) {
      md.append("| ")
          .append(v.target())
          .append(" | ")
          .append(v.result())
          .append(" | ")
          .append(v.detail())
          .append(" |\n");
    }
    return md.toString();
  }

  /** "all" unless the validate report says a sample was analysed: then candidate (+ reference). */
  private static String analysed(ScaleRun r) {
    Long candidate = r.rowCounts().get("candidate_rows_analysed");
    if (candidate == null) {
      return r.ok() ? "all" : "";
    }
    Long reference = r.rowCounts().get("reference_rows_analysed");
    return rowsLabel(candidate) + (reference == null ? "" : " + " + rowsLabel(reference));
  }

  private Optional<ScaleRun> find(Mode mode, String format, long rows) {
    return runs.stream()
        .filter(
            r -> r.synthetic() && r.mode() == mode && r.format().equals(format) && r.rows() == rows)
        .findFirst();
  }

  private static OptionalDouble cpu(ScaleRun r) {
    return r.measure().map(ProcessProbe.Measure::cpuSeconds).orElse(OptionalDouble.empty());
  }

  private static OptionalLong rss(ScaleRun r) {
    return r.measure().map(ProcessProbe.Measure::peakRssBytes).orElse(OptionalLong.empty());
  }

  static OptionalDouble ratio(OptionalDouble a, double b) {
    return a.isPresent() && b > 0 ? OptionalDouble.of(a.getAsDouble() / b) : OptionalDouble.empty();
  }

  static OptionalDouble ratio(OptionalDouble a, OptionalDouble b) {
    return b.isPresent() ? ratio(a, b.getAsDouble()) : OptionalDouble.empty();
  }

  static OptionalDouble ratio(OptionalLong a, OptionalLong b) {
    return a.isPresent() && b.isPresent() && b.getAsLong() > 0
        ? OptionalDouble.of((double) a.getAsLong() / b.getAsLong())
        : OptionalDouble.empty();
  }

  static String rowsLabel(long rows) {
    if (rows >= ONE_MILLION && rows % ONE_MILLION == 0) {
      return rows / ONE_MILLION + "M";
    }
    if (rows >= 1000 && rows % 1000 == 0) {
      return rows / 1000 + "K";
    }
    return Long.toString(rows);
  }

  private static Optional<Long> toOptional(OptionalLong v) {
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }

  private static String mib(OptionalLong bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%.0f", bytes.getAsLong() / 1048576.0)
        : "";
  }

  private static String mib(Optional<Long> bytes) {
    return bytes.map(b -> String.format(Locale.ROOT, "%.0f", b / 1048576.0)).orElse("");
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String num(OptionalDouble v, String format) {
    return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble()) : "";
  }

  private static void putOptional(ObjectNode n, String key, OptionalDouble v) {
    if (v.isPresent()) {
      n.put(key, v.getAsDouble());
    } else {
      n.putNull(key);
    }
  }

  private static void putOptional(ObjectNode n, String key, OptionalLong v) {
    if (v.isPresent()) {
      n.put(key, v.getAsLong());
    } else {
      n.putNull(key);
    }
  }
}
