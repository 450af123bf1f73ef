package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.synthos.v1.JobRef;
import org.synthos.v1.JobState;
import org.synthos.v1.ProgressEvent;
import org.synthos.v1.SubmitRequest;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * Load benchmark: N clients (default 50) submit a small dataset each at the same moment over
 * loopback gRPC, then watch their job to the end. Records submit latency, end-to-end latency
 * (submit to SUCCEEDED), throughput, refusals (deliberate back-pressure) and lost jobs, as JSON.
 *
 * <p>Arguments: output file, clients, rows per dataset, worker concurrency, queue capacity, and
 * {@code reference} to give every job a reference dataset of the same size (another seed).
 */
public final class ServiceLoadBenchmark {
  private ServiceLoadBenchmark() {}

  /** One client's outcome. */
  private record Outcome(String jobId, long submitNanos, long endToEndNanos, String end) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench/service-load.json");
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int capacity = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    boolean withReference = args.length > 5 && "reference".equals(args[5]);
    JsonLogging.install(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("synthos-bench");
    for (int i = 0; i < clients; i++) {
      Harness.csv(dir.resolve("storage/ds-" + i + ".csv"), rows, i);
      if (withReference) {
        Harness.csv(dir.resolve("storage/ref-" + i + ".csv"), rows, 1_000 + i);
      }
    }
    ServiceConfig cfg =
        Harness.config(
            dir,
            "jobs.concurrency",
            Integer.toString(concurrency),
            "jobs.queue_capacity",
            Integer.toString(capacity));
    try (SynthosService service = SynthosService.start(cfg)) {
      ManagedChannel channel =
          Grpc.newChannelBuilderForAddress(
                  "127.0.0.1", service.grpcPort(), InsecureChannelCredentials.create())
              .build();
      // Round 1 warms up the JIT and the connection; round 2 is measured.
      List<Outcome> outcomes = List.of();
      long wall = 0;
      for (int round = 0; round < 2; round++) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          SubmitRequest.Builder request =
              SubmitRequest.newBuilder().setDatasetUri("ds-" + i + ".csv");
          if (withReference) {
            request.setReferenceUri("ref-" + i + ".csv");
          }
          SubmitRequest submit = request.build();
          futures.add(pool.submit(() -> runOne(channel, submit, go)));
        }
        long start = System.nanoTime();
        go.countDown();
        List<Outcome> done = new ArrayList<>();
        for (Future<Outcome> f : futures) {
          done.add(f.get(10, TimeUnit.MINUTES));
        }
        wall = System.nanoTime() - start;
        outcomes = done;
        pool.shutdown();
      }
      channel.shutdownNow();
      write(out, outcomes, wall, clients, rows, concurrency, capacity, withReference);
    }
  }

  private static Outcome runOne(ManagedChannel channel, SubmitRequest submit, CountDownLatch go)
      throws InterruptedException {
    go.await();
    ValidationServiceGrpc.ValidationServiceBlockingStub client =
        ValidationServiceGrpc.newBlockingStub(channel);
    long t0 = System.nanoTime();
    String id;
    try {
      id = client.submit(submit).getJobId();
    } catch (StatusRuntimeException e) {
      String end =
          e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED
              ? "REFUSED"
              : "ERROR " + e.getStatus();
      return new Outcome("", System.nanoTime() - t0, -1, end);
    }
    long submitted = System.nanoTime() - t0;
    JobState last = JobState.JOB_STATE_UNSPECIFIED;
    Iterator<ProgressEvent> events = client.watch(JobRef.newBuilder().setJobId(id).build());
    while (events.hasNext()) {
      last = events.next().getState();
    }
    return new Outcome(id, submitted, System.nanoTime() - t0, last.name());
  }

  private static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    // Nearest-rank percentile.
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }

  private static void write(
      Path out,
      List<Outcome> outcomes,
      long wallNanos,
      int clients,
      int rows,
      int concurrency,
      int capacity,
      boolean withReference)
      throws Exception {
    long[] submit = outcomes.stream().mapToLong(Outcome::submitNanos).sorted().toArray();
    long[] e2e =
        outcomes.stream()
            .filter(o -> o.endToEndNanos() > 0)
            .mapToLong(Outcome::endToEndNanos)
            .sorted()
            .toArray();
    long succeeded = outcomes.stream().filter(o -> "SUCCEEDED".equals(o.end())).count();
    long refused = outcomes.stream().filter(o -> "REFUSED".equals(o.end())).count();
    long accepted = outcomes.stream().filter(o -> !o.jobId().isEmpty()).count();
    long endedOther = accepted - succeeded;
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("engine", "AssessmentRunner (Validator, default options)");
    r.put("reference", withReference);
    r.put("clients", clients);
    r.put("rows_per_dataset", rows);
    r.put("worker_concurrency", concurrency);
    r.put("queue_capacity", capacity);
    r.put("cores", Runtime.getRuntime().availableProcessors());
    r.put("java", System.getProperty("java.version"));
    r.put("accepted", accepted);
    r.put("succeeded", succeeded);
    r.put("refused_back_pressure", refused);
    r.put("errors", outcomes.size() - accepted - refused);
    r.put("accepted_not_succeeded", endedOther);
    r.put("wall_seconds", wallNanos / 1e9);
    r.put("throughput_jobs_per_second", succeeded / (wallNanos / 1e9));
    r.put("submit_p50_ms", percentile(submit, 50));
    r.put("submit_p99_ms", percentile(submit, 99));
    r.put("end_to_end_p50_ms", percentile(e2e, 50));
    r.put("end_to_end_p99_ms", percentile(e2e, 99));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, r.toPrettyString() + "\n");
    System.out.println(r.toPrettyString());
    if (r.get("errors").asLong() > 0 || endedOther > 0) {
      System.err.println("outcomes: " + Arrays.toString(outcomes.toArray()));
      System.exit(1);
    }
  }
}
