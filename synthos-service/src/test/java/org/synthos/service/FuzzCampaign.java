package org.synthos.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One bounded fuzzing run over every target ({@link FuzzTargets#fuzzerTestOneInput}) in child JVMs
 * under standalone Jazzer, seeded with each target's regression inputs. {@link FuzzCampaignTest}
 * runs it briefly in CI; {@code synthos-service/bench/fuzz.sh SECONDS [WORKERS]} runs it as a
 * benchmark and prints the executions and findings. Each worker is its own process with its own
 * corpus; findings are written as {@code crash-*}, {@code timeout-*} or {@code oom-*} files next to
 * the logs.
 */
public final class FuzzCampaign {
  private static final Path INPUTS =
      Path.of("src/test/resources/org/synthos/service/FuzzRegressionTestInputs");
  private static final List<String> TARGETS =
      List.of("csv", "jsonLines", "parquet", "policy", "config", "httpBody");

  private FuzzCampaign() {}

  /**
   * The outcome.
   *
   * @param failedWorkers workers that ended with a finding or an error
   */
  record Result(long executions, int failedWorkers, List<Path> logs) {}

  /**
   * {@code FuzzCampaign SECONDS WORKERS OUT_DIR [KEEP_GOING]}, from the synthos-service directory;
   * KEEP_GOING (default 1) is how many distinct findings a worker collects before it stops.
   */
  public static void main(String[] args) throws Exception {
    int keepGoing = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Result r =
        run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), keepGoing);
    System.out.println(
        "executions="
            + r.executions()
            + " workers="
            + args[1]
            + " seconds="
            + args[0]
            + " failed_workers="
            + r.failedWorkers()
            + " logs="
            + r.logs());
    System.exit(r.failedWorkers() == 0 ? 0 : 1);
  }

  static Result run(int seconds, int workers, Path out, int keepGoing) throws Exception {
    Files.createDirectories(out);
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Path corpus = Files.createDirectories(out.resolve("corpus-" + w));
      seed(corpus);
      Path log = out.resolve("worker-" + w + ".log");
      logs.add(log);
      processes.add(
          new ProcessBuilder(command(seconds, out, corpus, keepGoing))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start());
    }
    long executions = 0;
    int failed = 0;
    for (int w = 0; w < workers; w++) {
      Process p = processes.get(w);
      if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      executions += runs(Files.readString(logs.get(w), StandardCharsets.UTF_8));
      if (p.exitValue() != 0) {
        failed++;
      }
    }
    return new Result(executions, failed, logs);
  }

  /** Jazzer's detectors of injection and deserialization bugs: no parser here reaches them. */
  private static final List<String> UNUSED_DETECTORS =
      List.of(
          "ClojureLangHooks",
          "Deserialization",
          "ExpressionLanguageInjection",
          "LdapInjection",
          "NamingContextLookup",
          "OsCommandInjection",
          "ReflectiveCall",
          "ScriptEngineInjection",
          "ServerSideRequestForgery",
          "SqlInjection",
          "XPathInjection",
          "RegexInjection",
          "RegexRoadblocks");

  private static List<String> command(int seconds, Path out, Path corpus, int keepGoing) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g",
        "-cp",
        System.getProperty("java.class.path"),
        "com.code_intelligence.jazzer.Jazzer",
        "--target_class=" + FuzzTargets.class.getName(),
        // Coverage of this project's code only: instrumenting the Parquet and YAML libraries too
        // spends most of a short run on class loading.
        "--instrumentation_includes=org.synthos.**",
        "--custom_hook_includes=org.synthos.**",
        "--disabled_hooks="
            + String.join(
                ":",
                UNUSED_DETECTORS.stream()
                    .map(d -> "com.code_intelligence.jazzer.sanitizers." + d)
                    .toList()),
        "--reproducer_path=" + out,
        "--keep_going=" + keepGoing,
        "-artifact_prefix=" + out + "/",
        "-max_total_time=" + seconds,
        "-timeout=20",
        "-rss_limit_mb=3072",
        "-print_final_stats=1",
        corpus.toString());
  }

  /** libFuzzer's "Done N runs" line, else the last "#N" status line. */
  static long runs(String log) {
    Matcher done = Pattern.compile("Done (\\d+) runs").matcher(log);
    if (done.find()) {
      return Long.parseLong(done.group(1));
    }
    Matcher status = Pattern.compile("(?m)^#(\\d+)\\s").matcher(log);
    long last = 0;
    while (status.find()) {
      last = Long.parseLong(status.group(1));
    }
    return last;
  }

  /**
   * The regression inputs as inputs of the combined target: the last byte picks the target, as
   * {@code FuzzedDataProvider} takes integers from the end.
   */
  private static void seed(Path corpus) throws IOException {
    for (int t = 0; t < TARGETS.size(); t++) {
      Path dir = INPUTS.resolve(TARGETS.get(t));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          byte[] in = Files.readAllBytes(f);
          byte[] seeded = java.util.Arrays.copyOf(in, in.length + 1);
          seeded[in.length] = (byte) t;
          Files.write(corpus.resolve(TARGETS.get(t) + "-" + f.getFileName()), seeded);
        }
      }
    }
  }
}
