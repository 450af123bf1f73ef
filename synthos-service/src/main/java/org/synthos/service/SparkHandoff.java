package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.Policy;

/**
 * Sends large jobs to Spark and keeps the rest in process. A job whose dataset and reference
 * together hold at least {@link SparkSettings#minBytes()} runs as a {@code synthos-spark validate}
 * child process ({@link SparkSettings#command()}, with {@code --master}); the others, the phase
 * calls and the request checks go to the in-process engine.
 *
 * <p>The child writes the JSON and HTML reports to a private directory; the service reads them and
 * puts its ids on top, as the in-process engine's reports have them, so the report is the same
 * document. Progress comes from the child's {@code --progress} lines (one per stage); cancellation,
 * time-outs and shutdown reach the job at its next check (every 200 ms), which ends the child and
 * every process it started. Exit codes are {@code synthos validate}'s; an error the child reports
 * as {@code error CODE (NAME): message} fails the job with that code. The typed report and the
 * pre-screen signature are built only by the in-process engine, so a Spark job has neither.
 */
final class SparkHandoff implements ValidationRunner {
  private static final Logger LOG = Logger.getLogger(SparkHandoff.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STAGE = Pattern.compile("synthos-spark: stage (\\S+) (\\d+) (\\d+)");
  private static final Pattern ERROR =
      Pattern.compile("synthos-spark: error \\d+ \\(([A-Z_]+)\\): (.*)");
  private static final int TAIL_LINES = 40;

  private final SparkSettings settings;
  private final ValidationRunner inProcess;

  private SparkHandoff(SparkSettings settings, ValidationRunner inProcess) {
    this.settings = settings;
    this.inProcess = inProcess;
  }

  /** The in-process engine alone when the hand-off is off, else both. */
  static ValidationRunner wrap(SparkSettings settings, ValidationRunner inProcess) {
    return settings.master().isEmpty() ? inProcess : new SparkHandoff(settings, inProcess);
  }

  @Override
  public void check(ValidationRequest request) {
    inProcess.check(request);
  }

  @Override
  public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
    return inProcess.phase(phase, inputs, progress);
  }

  @Override
  public Outcome run(Inputs inputs, ProgressSink progress) {
    long bytes = size(inputs.dataset()) + inputs.reference().map(SparkHandoff::size).orElse(0L);
    if (!settings.handsOff(bytes)) {
      return inProcess.run(inputs, progress);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("synthos-spark-");
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE, "cannot make a directory for the Spark job: " + e.getMessage());
    }
    try {
      return runOnSpark(inputs, progress, dir);
    } finally {
      JobFiles.deleteTree(dir);
    }
  }

  private Outcome runOnSpark(Inputs inputs, ProgressSink progress, Path dir) {
    List<String> cmd = command(inputs, dir);
    LOG.info("job " + inputs.jobId() + " goes to Spark (" + settings.master().orElseThrow() + ")");
    progress.progress("spark", 1, 0);
    Process process;
    try {
      process = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "cannot start the Spark job (" + cmd.get(0) + "): " + e.getMessage());
    }
    ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    Deque<String> tail = new ArrayDeque<>();
    Thread reader = new Thread(() -> readLines(process, lines), "spark-" + inputs.jobId());
    reader.setDaemon(true);
    reader.start();
    StageLines stages = new StageLines(progress);
    int exit;
    try {
      while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        stages.take(lines, tail);
        progress.checkpoint();
      }
      exit = process.exitValue();
      reader.join(TimeUnit.SECONDS.toMillis(5));
      stages.take(lines, tail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(process);
      throw new SynthosException(ErrorCode.CANCELLED, "the server is stopping");
    } catch (RuntimeException e) {
      end(process);
      throw e;
    }
    if (exit != 0 && exit != 3) {
      throw failure(exit, tail, inputs);
    }
    ObjectNode report;
    String html;
    try {
      report = (ObjectNode) JSON.readTree(dir.resolve("report.json").toFile());
      html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    } catch (IOException | ClassCastException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL, "the Spark job ended without its report: " + e.getMessage());
    }
    // The child read the service's copies; the report names the files as the caller gave them.
    ObjectNode provenance = (ObjectNode) report.path("provenance");
    ((ObjectNode) provenance.get("candidate")).put("uri", inputs.request().datasetUri());
    if (provenance.get("reference") instanceof ObjectNode ref) {
      ref.put("uri", inputs.request().referenceUri().orElse("reference"));
    }
    ((ObjectNode) report.get("internal")).put("engine", "spark");
    long rows = AssessmentRunner.decorate(report, inputs);
    stages.finish(report, rows);
    JsonNode results = report.path("results");
    JsonNode diversity = results.path("dimensions").path("diversity_retention").path("score");
    return new Outcome(
        report,
        Optional.of(html),
        rows,
        OptionalDouble.of(100 - results.path("risk_score").asDouble()),
        diversity.isNumber() ? OptionalDouble.of(diversity.asDouble()) : OptionalDouble.empty());
  }

  /** The child's command line: the configured program, then {@code validate} and its options. */
  List<String> command(Inputs inputs, Path dir) {
    ValidationRequest request = inputs.request();
    List<String> cmd = new ArrayList<>(settings.command());
    cmd.addAll(List.of("validate", inputs.dataset().toAbsolutePath().toString()));
    inputs
        .reference()
        .ifPresent(r -> cmd.addAll(List.of("--reference", r.toAbsolutePath().toString())));
    request.target().ifPresent(t -> cmd.addAll(List.of("--target", t)));
    request.seed().ifPresent(s -> cmd.addAll(List.of("--seed", Long.toString(s))));
    // Checked as the in-process engine checks it; a policy document reaches the child as a file.
    if (!AssessmentRunner.policy(request.policy()).equals(Policy.defaults())) {
      Path policy = dir.resolve("policy.yaml");
      try {
        Files.writeString(policy, request.policy().orElseThrow(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cmd.addAll(List.of("--policy", policy.toString()));
    }
    cmd.addAll(
        List.of(
            "--report",
            dir.resolve("report.json").toString(),
            "--html",
            dir.resolve("report.html").toString(),
            "--master",
            settings.master().orElseThrow(),
            "--progress"));
    return cmd;
  }

  private static void readLines(Process process, ConcurrentLinkedQueue<String> lines) {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The child was ended; its exit code says what happened.
    }
  }

  /** The error the child reported, with the caller's names for the files, or its exit code. */
  private static SynthosException failure(int exit, Deque<String> tail, Inputs inputs) {
    for (String line : tail) {
      Matcher m = ERROR.matcher(line);
      if (m.matches()) {
        String message =
            m.group(2).replace(inputs.dataset().toString(), inputs.request().datasetUri());
        if (inputs.reference().isPresent()) {
          message =
              message.replace(
                  inputs.reference().get().toString(),
                  inputs.request().referenceUri().orElse("reference"));
        }
        ErrorCode code;
        try {
          code = ErrorCode.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
          code = ErrorCode.INTERNAL;
        }
        return new SynthosException(code, message);
      }
    }
    LOG.warning(
        "Spark job " + inputs.jobId() + " ended with " + exit + ": " + String.join(" | ", tail));
    return new SynthosException(
        ErrorCode.INTERNAL,
        "the Spark job ended with exit code "
            + exit
            + (tail.isEmpty() ? "" : ": " + tail.peekLast()));
  }

  /** Ends the child and everything it started (spark-submit starts the driver's JVM). */
  private static void end(Process process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        all.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      all.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE, "cannot read the size of a job's input: " + e.getMessage());
    }
  }

  /**
   * The child's stage lines as job progress: the Spark job spans 1 to 95 percent, a stage is done
   * when the next starts, and the last stage's result carries the decision.
   */
  private static final class StageLines {
    private final ProgressSink sink;
    private String current;
    private int index;
    private int total = 1;
    private long startedAt;

    StageLines(ProgressSink sink) {
      this.sink = sink;
    }

    void take(ConcurrentLinkedQueue<String> lines, Deque<String> tail) {
      for (String line = lines.poll(); line != null; line = lines.poll()) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
          tail.removeFirst();
        }
        Matcher m = STAGE.matcher(line);
        if (m.matches()) {
          if (current != null) {
            sink.stageDone(current, result());
          }
          current = m.group(1);
          index = Integer.parseInt(m.group(2));
          total = Math.max(1, Integer.parseInt(m.group(3)));
          startedAt = System.nanoTime();
          sink.progress(current, 1 + 94.0 * index / total, 0);
        }
      }
    }

    private ObjectNode result() {
      ObjectNode done = JSON.createObjectNode();
      done.put("stage", current);
      done.put("index", index);
      done.put("of", total);
      done.put("seconds", (System.nanoTime() - startedAt) / 1e9);
      done.put("engine", "spark");
      return done;
    }

    void finish(ObjectNode report, long rows) {
      String stage = current == null ? "spark" : current;
      ObjectNode done = current == null ? JSON.createObjectNode() : result();
      done.put("decision", report.path("results").path("decision").asText());
      done.put("risk_score", report.path("results").path("risk_score").asDouble());
      sink.progress(stage, 95, rows);
      sink.stageDone(stage, done);
    }
  }
}
