package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as a child process: SIGKILL in the middle of a job, restart, nothing lost. */
@Tag("integration")
class DurabilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws Exception {
    for (Process p : processes) {
      ChildProcesses.stop(p);
    }
  }

  private Process start(Class<?> main, int grpc, int http, String log) throws Exception {
    List<String> cmd = ChildProcesses.serviceJvm();
    cmd.set(cmd.size() - 1, main.getName());
    if (main == ServiceMain.class) {
      cmd.addAll(
          List.of(
              "--set",
              "data_dir=" + dir,
              "--set",
              "grpc.port=" + grpc,
              "--set",
              "http.port=" + http,
              "--set",
              "jobs.concurrency=1"));
    } else {
      cmd.addAll(List.of(dir.toString(), Integer.toString(grpc), Integer.toString(http)));
    }
    Process p = ChildProcesses.start(cmd, dir.resolve(log));
    processes.add(p);
    ChildProcesses.awaitPort(http, p, 60);
    return p;
  }

  private static String submit(int http, String uri) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/v1/validations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"dataset_uri\":\"" + uri + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(202);
    return JSON.readTree(r.body()).get("job_id").asText();
  }

  private static JsonNode await(int http, String id, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode job = null;
    while (System.nanoTime() < deadline) {
      job =
          JSON.readTree(
              HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + http + "/v1/validations/" + id))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      if (until.test(job)) {
        return job;
      }
      Thread.sleep(40);
    }
    throw new AssertionError("condition never held for " + id + "; last: " + job);
  }

  private static final int JOB_ROWS = 240_000;

  @Test
  void aJobKilledMidwayCompletesAfterRestartAndSigtermExitsCleanly() throws Exception {
    // Large enough that the slowed job (250 ms per batch) runs for several seconds even on an idle
    // machine.
    Harness.csv(dir.resolve("storage/big.csv"), JOB_ROWS, 11);
    int[] ports = ChildProcesses.freePorts(2);
    int grpc = ports[0];
    int http = ports[1];

    Process first = start(SlowServiceMain.class, grpc, http, "first.log");
    String running = submit(http, "big.csv");
    String waiting = submit(http, "big.csv");
    await(
        http,
        running,
        j -> "RUNNING".equals(j.get("state").asText()) && j.get("rows_done").asLong() > 0);
    first.destroyForcibly();
    assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();

    Process second = start(ServiceMain.class, grpc, http, "second.log");
    JsonNode a = await(http, running, j -> j.get("state").asText().matches("SUCCEEDED|FAILED"));
    JsonNode b = await(http, waiting, j -> j.get("state").asText().matches("SUCCEEDED|FAILED"));
    assertThat(a.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(a.get("attempts").asInt()).isEqualTo(2);
    assertThat(a.get("rows_done").asLong()).isEqualTo(JOB_ROWS);
    assertThat(b.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(b.get("attempts").asInt()).isEqualTo(1);

    second.destroy(); // SIGTERM
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();

    // Every line the service logged is JSON with an id; job lines carry the job's id.
    List<String> lines =
        Files.readAllLines(dir.resolve("second.log")).stream()
            .filter(l -> l.startsWith("{"))
            .toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(JSON.readTree(line).hasNonNull("id")).as(line).isTrue();
    }
    assertThat(lines)
        .anyMatch(l -> l.contains("\"id\":\"" + running + "\"") && l.contains("succeeded"));
  }

  @Test
  void sigtermDuringAJobRequeuesItAndExitsZero() throws Exception {
    Harness.csv(dir.resolve("storage/big.csv"), 60_000, 12);
    int[] ports = ChildProcesses.freePorts(2);
    int grpc = ports[0];
    int http = ports[1];
    Process p = start(SlowServiceMain.class, grpc, http, "slow.log");
    String id = submit(http, "big.csv");
    await(
        http,
        id,
        j -> "RUNNING".equals(j.get("state").asText()) && j.get("rows_done").asLong() > 0);
    p.destroy();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    // The lines logged during shutdown reach stderr, although the JDK resets logging handlers in a
    // shutdown hook of its own that runs beside the service's.
    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("slow.log"))) {
      if (l.startsWith("{")) {
        lines.add(JSON.readTree(l));
      }
    }
    assertThat(lines)
        .anyMatch(l -> l.get("msg").asText().startsWith("stop signal received"))
        .anyMatch(
            l ->
                l.get("id").asText().equals(id)
                    && l.get("msg").asText().equals("stopped by shutdown; back in the queue"))
        .anyMatch(l -> l.get("msg").asText().equals("stopped"));
    try (JobStore store = Harness.store(Harness.config(dir))) {
      JobRecord job = store.get(id).orElseThrow();
      assertThat(job.state()).isEqualTo(JobState.QUEUED);
      assertThat(job.attempts()).isEqualTo(1);
    }
  }
}
