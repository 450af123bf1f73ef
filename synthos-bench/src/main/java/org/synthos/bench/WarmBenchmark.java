package org.synthos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JVM's share of one validation: {@code validate CANDIDATE --reference REFERENCE} repeated in
 * one JVM, against DuckDB's {@code SUMMARIZE} of both files measured in the same run (in a JVM of
 * its own, median of three). The first repetition is what a fresh CLI process pays: interpreted and
 * profiled code while the JIT compilers take CPU on the same cores. The later ones run compiled
 * code, so their ratio to {@code SUMMARIZE} is the engine's own, which ahead-of-time compiled code
 * would give a fresh process. Writes {@code bench-results/warm.{json,md}}.
 *
 * <pre>usage: WarmBenchmark CANDIDATE REFERENCE [REPEATS=5] [LEARN_BUDGET=default] [OUT_DIR]</pre>
 */
public final class WarmBenchmark {
  private static final int DUCKDB_REPEATS = 3;

  private WarmBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ./bench warm CANDIDATE REFERENCE [REPEATS=5] [LEARN_BUDGET=default] [OUT_DIR]");
      System.exit(2);
    }
    Path candidate = Path.of(args[0]);
    Path reference = Path.of(args[1]);
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    // The CLI's default budget unless one is given, as ./bench scale runs validate.
    String learnBudget = args.length > 3 && !args[3].equals("default") ? args[3] : null;
    Path out = Path.of(args.length > 4 ? args[4] : "bench-results");
    if (repeats < 3) {
      System.err.println("warm: at least 3 repetitions (a cold one and two warm ones)");
      System.exit(2);
    }
    double summarize = summarizeSeconds(candidate, reference);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ObjectNode root = BenchResults.header("warm", args);
    root.put("candidate", candidate.toString());
    root.put("reference", reference.toString());
    root.put("duckdb_summarize_seconds", summarize);
    ArrayNode runs = root.putArray("runs");
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "DuckDB `SUMMARIZE` of both files: %.3f s (median of %d, each in a JVM of its own)."
                + "%n%n| repetition | work s | work / SUMMARIZE | CPU s | stages (ms) |%n"
                + "|---:|---:|---:|---:|---|%n",
            summarize,
            DUCKDB_REPEATS));
    double[] warm = new double[repeats - 2];
    double cold = 0;
    for (int r = 0; r < repeats; r++) {
      long cpu0 = os.getProcessCpuTime();
      PairValidation.Run run = PairValidation.validate(candidate, reference, learnBudget);
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      double work = run.totalMillis() / 1e3;
      if (r == 0) {
        cold = work;
      } else if (r >= 2) {
        warm[r - 2] = work;
      }
      ObjectNode o = runs.addObject();
      o.put("repetition", r + 1).put("work_seconds", work).put("cpu_seconds", cpu);
      o.put("decision", run.decision());
      ObjectNode stages = o.putObject("stage_millis");
      StringBuilder stageText = new StringBuilder();
      for (Map.Entry<String, Long> e : run.stageMillis().entrySet()) {
        stages.put(e.getKey(), e.getValue());
        if (e.getValue() > 0) {
          stageText.append(e.getKey()).append(' ').append(e.getValue()).append(", ");
        }
      }
      String line =
          String.format(
              Locale.ROOT,
              "| %d | %.3f | %.2fx | %.2f | %s |%n",
              r + 1,
              work,
              work / summarize,
              cpu,
              stageText.length() > 2 ? stageText.substring(0, stageText.length() - 2) : "");
      md.append(line);
      System.err.print(line);
    }
    double warmMedian = BenchResults.median(warm);
    root.put("cold_work_seconds", cold);
    root.put("warm_median_work_seconds", warmMedian);
    root.put("cold_ratio", cold / summarize);
    root.put("warm_ratio", warmMedian / summarize);
    String summary =
        String.format(
            Locale.ROOT,
            "%nCold (the first repetition, as a fresh CLI process runs): %.3f s, %.2fx `SUMMARIZE`."
                + " Warm (median of repetitions 3 to %d): %.3f s, %.2fx.%n",
            cold,
            cold / summarize,
            repeats,
            warmMedian,
            warmMedian / summarize);
    md.append(summary);
    System.out.print(md);
    BenchResults.write(out, "warm", root, md.toString());
  }

  /** DuckDB SUMMARIZE of both files in its own JVM, as the scale benchmark measures it. */
  private static double summarizeSeconds(Path candidate, Path reference)
      throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    for (int r = 0; r < DUCKDB_REPEATS; r++) {
      ProcessBuilder pb =
          new ProcessBuilder(
              ProcessProbe.javaBin(),
              "-cp",
              System.getProperty("java.class.path"),
              DuckDbSummarize.class.getName(),
              Integer.toString(Runtime.getRuntime().availableProcessors()),
              candidate.toString(),
              reference.toString());
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0 || !stdout.contains("summarize_seconds=")) {
        throw new IOException("DuckDB SUMMARIZE failed: " + stdout.strip());
      }
      for (String kv : stdout.strip().split(" ")) {
        if (kv.startsWith("summarize_seconds=")) {
          seconds.add(Double.parseDouble(kv.substring("summarize_seconds=".length())));
        }
      }
    }
    return BenchResults.median(seconds.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
