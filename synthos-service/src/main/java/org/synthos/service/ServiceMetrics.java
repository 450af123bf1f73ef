package org.synthos.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Prometheus metrics with the earlier service's names and labels, so its dashboards keep working:
 * {@code synthos_validation_requests_total{status,dataset_format}}, {@code
 * synthos_validation_errors_total{error_type,stage}}, {@code synthos_active_validations}, {@code
 * synthos_validation_duration_seconds{stage}} (histogram, buckets 1 s to 1 h), {@code
 * synthos_dataset_rows_processed} (histogram, buckets 100 to 1e7), {@code synthos_collapse_score}
 * and {@code synthos_diversity_score} (summaries, observed only when the engine computes them),
 * {@code synthos_cpu_percent} and {@code synthos_memory_used_bytes} for the process, and {@code
 * synthos_gpu_utilization_percent{gpu_id}} / {@code synthos_gpu_memory_used_bytes{gpu_id}} only
 * when {@code nvidia-smi} lists a GPU.
 *
 * <p>For alerting it adds {@code synthos_queued_validations} and {@code synthos_queue_capacity},
 * {@code synthos_ready} (the last periodic readiness check, 1 or 0) with {@code
 * synthos_readiness_failures_total}, {@code synthos_phase_calls_total{phase,status}}, {@code
 * synthos_audit_write_failures_total} and {@code synthos_gpu_memory_total_bytes{gpu_id}}; for
 * uploads, {@code synthos_uploads_total{transport,status}} and {@code synthos_upload_bytes_total}.
 * Every labelled counter is registered at zero for its known label values, so the first scrape
 * already has each series and {@code rate()} sees the first increment.
 */
final class ServiceMetrics {
  private static final Logger LOG = Logger.getLogger(ServiceMetrics.class.getName());
  private static final Duration[] DURATION_BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120),
    Duration.ofSeconds(300),
    Duration.ofSeconds(600),
    Duration.ofSeconds(1800),
    Duration.ofSeconds(3600)
  };
  private static final double[] ROW_BUCKETS = {100, 1e3, 1e4, 1e5, 1e6, 1e7};

  /** The values of {@code status} on {@code synthos_validation_requests_total}. */
  static final List<String> STATUSES =
      List.of("succeeded", "failed", "cancelled", "rejected", "invalid");

  /** The dataset formats pre-registered at zero; other extensions appear on first use. */
  static final List<String> FORMATS = List.of("csv", "tsv", "jsonl", "parquet", "unknown");

  /** The values of {@code status} on {@code synthos_phase_calls_total}. */
  static final List<String> PHASE_STATUSES =
      List.of("ok", "not_applicable", "failed", "rejected", "invalid", "cancelled");

  /** The values of {@code status} on {@code synthos_uploads_total}. */
  static final List<String> UPLOAD_STATUSES =
      List.of(
          "ok", "checksum_mismatch", "too_large", "conflict", "interrupted", "invalid", "failed");

  /** The values of {@code transport} on {@code synthos_uploads_total}. */
  static final List<String> UPLOAD_TRANSPORTS = List.of("grpc", "http");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger ready = new AtomicInteger();
  private final Counter readinessFailures;
  private final Counter auditWriteFailures;
  private final Counter uploadBytes;
  private final DistributionSummary rows;
  private final DistributionSummary collapse;
  private final DistributionSummary diversity;
  private final GpuProbe gpus;

  ServiceMetrics() {
    this(GpuProbe.detect());
  }

  ServiceMetrics(GpuProbe gpus) {
    this.gpus = gpus;
    Gauge.builder("synthos.active.validations", active, AtomicInteger::get)
        .description("Validations running now")
        .register(registry);
    rows =
        DistributionSummary.builder("synthos.dataset.rows.processed")
            .description("Rows read per validation")
            .serviceLevelObjectives(ROW_BUCKETS)
            .register(registry);
    collapse =
        DistributionSummary.builder("synthos.collapse.score")
            .description("Collapse scores of finished validations (higher is better)")
            .register(registry);
    diversity =
        DistributionSummary.builder("synthos.diversity.score")
            .description("Diversity scores of finished validations")
            .register(registry);
    com.sun.management.OperatingSystemMXBean os =
        ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
    Gauge.builder("synthos.cpu.percent", os, o -> Math.max(0, o.getProcessCpuLoad()) * 100)
        .description("Process CPU use, percent of all cores")
        .register(registry);
    Gauge.builder("synthos.memory.used.bytes", this, m -> residentBytes())
        .description("Process resident memory")
        .register(registry);
    new ProcessorMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    for (GpuProbe.Gpu gpu : gpus.initial()) {
      String id = gpu.id();
      Gauge.builder("synthos.gpu.utilization.percent", gpus, g -> g.read(id).utilization())
          .tag("gpu_id", id)
          .register(registry);
      Gauge.builder("synthos.gpu.memory.used.bytes", gpus, g -> g.read(id).memoryBytes())
          .tag("gpu_id", id)
          .register(registry);
      Gauge.builder("synthos.gpu.memory.total.bytes", gpus, g -> g.read(id).memoryTotalBytes())
          .tag("gpu_id", id)
          .register(registry);
    }
    Gauge.builder("synthos.ready", ready, AtomicInteger::get)
        .description("1 when the last readiness check passed, else 0")
        .register(registry);
    readinessFailures =
        Counter.builder("synthos.readiness.failures")
            .description("Readiness checks that failed")
            .register(registry);
    auditWriteFailures =
        Counter.builder("synthos.audit.write.failures")
            .description("Audit records that could not be written")
            .register(registry);
    uploadBytes =
        Counter.builder("synthos.upload.bytes")
            .description("Bytes received by uploads, kept or not")
            .register(registry);
    for (String transport : UPLOAD_TRANSPORTS) {
      for (String status : UPLOAD_STATUSES) {
        uploads(transport, status);
      }
    }
    for (String status : STATUSES) {
      for (String format : FORMATS) {
        requests(status, format);
      }
    }
    for (String type : errorTypes()) {
      for (String stage : jobStages()) {
        errors(type, stage);
      }
    }
    for (ValidationRunner.Phase phase : ValidationRunner.Phase.values()) {
      for (String status : PHASE_STATUSES) {
        phaseCalls(phase, status);
      }
    }
    // Pre-register the series every dashboard panel expects, with zero observations.
    duration("total");
    duration("data_loading");
    for (org.synthos.core.assess.Stage stage : org.synthos.core.assess.Stage.values()) {
      duration(stage.key());
    }
  }

  /**
   * The error types a job can fail with: every code except those that never end a running job
   * (refusals at submission, lookups, a cancel, which is an outcome and not an error).
   */
  static List<String> errorTypes() {
    List<String> types = new ArrayList<>();
    for (org.synthos.api.ErrorCode code : org.synthos.api.ErrorCode.values()) {
      if (!java.util.Set.of(
              org.synthos.api.ErrorCode.JOB_NOT_FINISHED,
              org.synthos.api.ErrorCode.QUEUE_FULL,
              org.synthos.api.ErrorCode.NOT_FOUND,
              org.synthos.api.ErrorCode.CANCELLED,
              org.synthos.api.ErrorCode.CHECKSUM_MISMATCH,
              org.synthos.api.ErrorCode.UPLOAD_CONFLICT,
              org.synthos.api.ErrorCode.UPLOAD_TOO_LARGE)
          .contains(code)) {
        types.add(code.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return types;
  }

  /** Where a job can be when it fails: before its first stage, loading, or a Validator stage. */
  static List<String> jobStages() {
    List<String> stages = new ArrayList<>(List.of("queued", "data_loading"));
    for (org.synthos.core.assess.Stage stage : org.synthos.core.assess.Stage.values()) {
      stages.add(stage.key());
    }
    return stages;
  }

  private Counter requests(String status, String datasetFormat) {
    return Counter.builder("synthos.validation.requests")
        .description("Validation requests by outcome and dataset format")
        .tag("status", status)
        .tag("dataset_format", datasetFormat)
        .register(registry);
  }

  private Counter errors(String errorType, String stage) {
    return Counter.builder("synthos.validation.errors")
        .description("Errors by type and the stage they happened in")
        .tag("error_type", errorType)
        .tag("stage", stage)
        .register(registry);
  }

  private Counter phaseCalls(ValidationRunner.Phase phase, String status) {
    return Counter.builder("synthos.phase.calls")
        .description("Synchronous phase calls by phase and outcome")
        .tag("phase", phase.name().toLowerCase(java.util.Locale.ROOT))
        .tag("status", status)
        .register(registry);
  }

  private Counter uploads(String transport, String status) {
    return Counter.builder("synthos.uploads")
        .description("Uploads by transport and outcome")
        .tag("transport", transport)
        .tag("status", status)
        .register(registry);
  }

  /**
   * One upload stream ended: kept, interrupted (a broken or cancelled stream, resumable), or
   * refused with {@code error}.
   */
  void upload(String transport, boolean interrupted, org.synthos.api.SynthosException error) {
    String status =
        interrupted
            ? "interrupted"
            : error == null
                ? "ok"
                : switch (error.code()) {
                  case CHECKSUM_MISMATCH -> "checksum_mismatch";
                  case UPLOAD_TOO_LARGE -> "too_large";
                  case UPLOAD_CONFLICT -> "conflict";
                  case INVALID_ARGUMENT -> "invalid";
                  default -> "failed";
                };
    uploads(transport, status).increment();
  }

  void uploadBytes(long bytes) {
    uploadBytes.increment(bytes);
  }

  /** Exposes the job queue: jobs waiting for a worker, and how many may wait. */
  void queue(java.util.function.IntSupplier waiting, int capacity) {
    // Held strongly: a gauge keeps its object only weakly by default, and the caller's supplier
    // (a method reference) is reachable from nothing else, so after a collection it read NaN.
    Gauge.builder("synthos.queued.validations", waiting, w -> Math.max(0, w.getAsInt()))
        .description("Validations waiting for a worker")
        .strongReference(true)
        .register(registry);
    Gauge.builder("synthos.queue.capacity", () -> capacity)
        .description("Validations that may wait before submissions are refused")
        .register(registry);
  }

  /** The outcome of a periodic readiness check. */
  void readiness(boolean passed) {
    ready.set(passed ? 1 : 0);
    if (!passed) {
      readinessFailures.increment();
    }
  }

  /** The server is stopping: not ready, without counting a failed check. */
  void stopping() {
    ready.set(0);
  }

  /**
   * One phase call ended, with its result or the error it failed with (both null: an unexpected
   * failure).
   */
  void phase(
      ValidationRunner.Phase phase,
      ValidationRunner.PhaseResult result,
      org.synthos.api.SynthosException error) {
    String status;
    if (result != null) {
      status =
          result instanceof ValidationRunner.PhaseResult.NotApplicable ? "not_applicable" : "ok";
    } else if (error == null) {
      status = "failed";
    } else {
      status =
          switch (error.code()) {
            case QUEUE_FULL -> "rejected";
            case CANCELLED -> "cancelled";
            case INVALID_ARGUMENT -> "invalid";
            default -> "failed";
          };
    }
    phaseCalls(phase, status).increment();
  }

  /** An audit record could not be written; the audit trail calls this. */
  void auditWriteFailed() {
    auditWriteFailures.increment();
  }

  private Timer duration(String stage) {
    return Timer.builder("synthos.validation.duration")
        .description("Time per validation stage (stage=total for the whole job)")
        .tag("stage", stage)
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry);
  }

  void started() {
    active.incrementAndGet();
  }

  /** A job ended with {@code status} (succeeded, failed, cancelled, rejected). */
  void ended(String status, String datasetFormat, long rowsRead, long nanos) {
    active.decrementAndGet();
    count(status, datasetFormat);
    if (rowsRead > 0) {
      rows.record(rowsRead);
    }
    duration("total").record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A running job was stopped by shutdown and put back in the queue. */
  void interrupted() {
    active.decrementAndGet();
  }

  /** A request that never became a running job (refused or invalid). */
  void count(String status, String datasetFormat) {
    requests(status, datasetFormat).increment();
  }

  void stage(String stage, long nanos) {
    duration(stage).record(nanos, TimeUnit.NANOSECONDS);
  }

  void error(String errorType, String stage) {
    errors(errorType, stage).increment();
  }

  void collapseScore(double score) {
    collapse.record(score);
  }

  void diversityScore(double score) {
    diversity.record(score);
  }

  boolean hasGpus() {
    return !gpus.initial().isEmpty();
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }

  private static double residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmRSS:")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: fall back to the JVM's own view below.
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * GPUs as {@code nvidia-smi} reports them. Reads are cached for 5 s so a scrape costs at most one
   * process start.
   */
  static final class GpuProbe {
    record Gpu(String id, double utilization, double memoryBytes, double memoryTotalBytes) {}

    static final List<String> NVIDIA_SMI =
        List.of(
            "nvidia-smi",
            "--query-gpu=index,utilization.gpu,memory.used,memory.total",
            "--format=csv,noheader,nounits");
    private final List<String> command;
    private final List<Gpu> initial;
    private List<Gpu> cached;
    private long cachedAt;

    private GpuProbe(List<String> command, List<Gpu> initial) {
      this.command = command;
      this.initial = initial;
      this.cached = initial;
      this.cachedAt = System.nanoTime();
    }

    static GpuProbe none() {
      return new GpuProbe(List.of(), List.of());
    }

    static GpuProbe detect() {
      return detect(NVIDIA_SMI);
    }

    /** Probes with {@code command}, which prints nvidia-smi's CSV query output. */
    static GpuProbe detect(List<String> command) {
      List<Gpu> found = query(command);
      if (!found.isEmpty()) {
        LOG.info("GPU metrics enabled for " + found.size() + " GPU(s)");
      }
      return new GpuProbe(command, found);
    }

    List<Gpu> initial() {
      return initial;
    }

    synchronized Gpu read(String id) {
      if (System.nanoTime() - cachedAt > TimeUnit.SECONDS.toNanos(5)) {
        List<Gpu> now = query(command);
        if (!now.isEmpty()) {
          cached = now;
        }
        cachedAt = System.nanoTime();
      }
      for (Gpu g : cached) {
        if (g.id().equals(id)) {
          return g;
        }
      }
      return new Gpu(id, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Empty when nvidia-smi is missing, fails or lists nothing. */
    static List<Gpu> query(List<String> command) {
      if (command.isEmpty()) {
        return List.of();
      }
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          return List.of();
        }
        List<Gpu> gpus = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
          String[] f = line.split(",");
          // The total is the fourth field; a tool that prints three leaves it unknown (NaN).
          if (f.length == 3 || f.length == 4) {
            try {
              gpus.add(
                  new Gpu(
                      f[0].trim(),
                      Double.parseDouble(f[1].trim()),
                      Double.parseDouble(f[2].trim()) * 1024 * 1024,
                      f.length == 4 ? Double.parseDouble(f[3].trim()) * 1024 * 1024 : Double.NaN));
            } catch (NumberFormatException e) {
              // "[N/A]" fields: this GPU does not report; leave it out.
            }
          }
        }
        return gpus;
      } catch (IOException e) {
        return List.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }
}
