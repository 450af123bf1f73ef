package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Durable jobs on a bounded queue and a fixed worker pool.
 *
 * <p>Invariants: a job is acknowledged only after its row is stored; at most {@code queueCapacity}
 * submitted jobs wait at once (more get QUEUE_FULL), while jobs recovered at start-up are always
 * queued so that none is lost; state changes in the store are conditional, so a cancel racing a
 * start or a finish has exactly one winner; a job stopped by shutdown goes back to QUEUED.
 */
final class JobManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JobManager.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long PERSIST_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final JobStore store;
  private final Storage storage;
  private final ValidationRunner runner;
  private final ServiceMetrics metrics;
  private final ServiceConfig.Jobs config;
  private final Path tempRoot;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timers;
  private final AtomicInteger waiting = new AtomicInteger();
  private final Semaphore phaseSlots;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<JobEvent>>> listeners = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  JobManager(
      JobStore store,
      Storage storage,
      ValidationRunner runner,
      ServiceMetrics metrics,
      ServiceConfig.Jobs config,
      Path tempRoot) {
    this.store = store;
    this.storage = storage;
    this.runner = runner;
    this.metrics = metrics;
    this.config = config;
    this.tempRoot = tempRoot;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            config.concurrency(),
            config.concurrency(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> new Thread(r, "synthos-worker-" + n.incrementAndGet()));
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "synthos-job-timer");
              t.setDaemon(true);
              return t;
            });
    this.phaseSlots = new Semaphore(config.concurrency());
    metrics.queue(waiting::get, config.queueCapacity());
  }

  /** Re-queues what a previous process left behind and starts the workers on it. */
  void start() {
    List<JobRecord> queued = store.recover(config.maxAttempts(), System.currentTimeMillis());
    for (JobRecord job : queued) {
      waiting.incrementAndGet();
      workers.execute(() -> work(job.id()));
    }
    if (!queued.isEmpty()) {
      LOG.info(queued.size() + " queued job(s) resumed");
    }
  }

  JobRecord submit(ValidationRequest request) {
    return submit(request, Identity.ANONYMOUS.name());
  }

  /** Queues a job owned by {@code owner}, who alone (with admins) may see and cancel it. */
  JobRecord submit(ValidationRequest request, String owner) {
    if (stopping) {
      throw new SynthosException(ErrorCode.STORAGE_UNAVAILABLE, "the server is shutting down");
    }
    try {
      validate(request);
    } catch (SynthosException e) {
      metrics.count("invalid", request.datasetFormat());
      throw e;
    }
    if (waiting.incrementAndGet() > config.queueCapacity()) {
      waiting.decrementAndGet();
      metrics.count("rejected", request.datasetFormat());
      throw new SynthosException(
          ErrorCode.QUEUE_FULL,
          "the job queue is full (" + config.queueCapacity() + " waiting); retry later");
    }
    String id = UUID.randomUUID().toString();
    JobRecord job =
        new JobRecord(
            id,
            JobState.QUEUED,
            request,
            request.validationId().orElse("val_" + id),
            request.datasetId().orElse(JobFiles.datasetId(request.datasetUri())),
            "queued",
            0,
            0,
            System.currentTimeMillis(),
            0,
            0,
            0,
            Optional.empty());
    try {
      store.insert(job, owner);
    } catch (RuntimeException e) {
      waiting.decrementAndGet();
      throw e;
    }
    JsonLogging.withContext(id, () -> LOG.info("queued " + request.datasetUri()));
    workers.execute(() -> work(id));
    return job;
  }

  private void validate(ValidationRequest r) {
    if (r.datasetUri().isBlank()) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "dataset_uri is required");
    }
    for (String uri :
        Stream.concat(Stream.of(r.datasetUri()), r.referenceUri().stream()).toList()) {
      if (!storage.accepts(uri)) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "unsupported or unconfigured location: " + uri);
      }
    }
    for (Optional<String> id : List.of(r.validationId(), r.datasetId())) {
      if (id.isPresent() && (id.get().isBlank() || id.get().length() > 128)) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "ids must be 1 to 128 characters long");
      }
    }
    if (r.timeout().isPresent() && (r.timeout().get().isNegative() || r.timeout().get().isZero())) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "timeout must be positive");
    }
    runner.check(r);
  }

  JobRecord get(String id) {
    return store
        .get(id)
        .map(this::withLiveProgress)
        .orElseThrow(
            () -> new SynthosException(ErrorCode.NOT_FOUND, "no job with id '" + id + "'"));
  }

  private JobRecord withLiveProgress(JobRecord job) {
    Running r = running.get(job.id());
    if (r == null || job.state() != JobState.RUNNING) {
      return job;
    }
    return new JobRecord(
        job.id(),
        job.state(),
        job.request(),
        job.validationId(),
        job.datasetId(),
        r.stage,
        r.percent,
        r.rows,
        job.submittedAtMs(),
        job.startedAtMs(),
        job.finishedAtMs(),
        job.attempts(),
        job.error());
  }

  /** The report of a succeeded job; the job's own error when it failed. */
  String report(String id) {
    JobRecord job = get(id);
    if (job.state() == JobState.SUCCEEDED) {
      return store
          .report(id)
          .orElseThrow(() -> new SynthosException(ErrorCode.INTERNAL, "report missing for " + id));
    }
    if (job.error().isPresent()) {
      JobRecord.JobError e = job.error().get();
      throw new SynthosException(
          ErrorCode.JOB_NOT_FINISHED,
          "job " + id + " ended " + job.state() + " without a report: " + e.message());
    }
    throw new SynthosException(
        ErrorCode.JOB_NOT_FINISHED, "job " + id + " is " + job.state() + "; no report yet");
  }

  /**
   * The HTML report of a succeeded job: the engine's page, or for an engine that renders none, a
   * plain page around the JSON.
   */
  byte[] reportHtml(String id) {
    String json = report(id);
    Optional<String> html = store.reportHtml(id);
    if (html.isPresent()) {
      return html.get().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return ReportHtml.render(JSON.readTree(json));
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.INTERNAL,
          "stored report of " + id + " is not JSON: " + e.getMessage(),
          null,
          e);
    }
  }

  JobRecord cancel(String id) {
    JobRecord job = get(id);
    if (job.state().terminal()) {
      return job;
    }
    Running r = running.get(id);
    if (r != null) {
      r.stop(ErrorCode.CANCELLED, false);
    }
    SynthosException reason = new SynthosException(ErrorCode.CANCELLED, "cancelled by request");
    if (job.state() == JobState.QUEUED
        && store.finish(
            id, JobState.CANCELLED, Optional.of(reason), null, System.currentTimeMillis())) {
      metrics.count("cancelled", job.request().datasetFormat());
      JsonLogging.withContext(id, () -> LOG.info("cancelled while queued"));
      publish(JobEvent.of(get(id)));
    }
    return get(id);
  }

  List<JobRecord> list(Optional<JobState> state, int limit) {
    return list(state, Optional.empty(), limit);
  }

  /** Newest first; only {@code owner}'s jobs when it is given. */
  List<JobRecord> list(Optional<JobState> state, Optional<String> owner, int limit) {
    return store.list(state, owner, limit <= 0 ? 100 : Math.min(limit, 10_000)).stream()
        .map(this::withLiveProgress)
        .toList();
  }

  /** Who submitted the job; NOT_FOUND when there is no such job. */
  String owner(String id) {
    return store
        .owner(id)
        .orElseThrow(
            () -> new SynthosException(ErrorCode.NOT_FOUND, "no job with id '" + id + "'"));
  }

  /**
   * Calls {@code listener} with the job's current state, then with each event until the job ends.
   * The returned handle stops the events early.
   */
  AutoCloseable watch(String id, Consumer<JobEvent> listener) {
    List<Consumer<JobEvent>> list =
        listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    list.add(listener);
    AutoCloseable handle = () -> list.remove(listener);
    JobRecord job;
    try {
      job = get(id);
    } catch (SynthosException e) {
      list.remove(listener);
      throw e;
    }
    Running r = running.get(id);
    listener.accept(r != null && job.state() == JobState.RUNNING ? r.event() : JobEvent.of(job));
    if (job.state().terminal()) {
      list.remove(listener);
    }
    return handle;
  }

  private void publish(JobEvent event) {
    List<Consumer<JobEvent>> list = listeners.get(event.jobId());
    if (list == null) {
      return;
    }
    for (Consumer<JobEvent> l : list) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        list.remove(l);
      }
    }
    if (event.state().terminal()) {
      listeners.remove(event.jobId());
    }
  }

  /** Runs one phase call now, on the caller's thread, bounded by the worker count. */
  ValidationRunner.PhaseResult phase(
      ValidationRunner.Phase phase,
      ValidationRequest request,
      String owner,
      BooleanSupplier callerGone) {
    ValidationRunner.PhaseResult result = null;
    SynthosException error = null;
    try {
      result = runPhase(phase, request, owner, callerGone);
      return result;
    } catch (SynthosException e) {
      error = e;
      throw e;
    } finally {
      metrics.phase(phase, result, error);
    }
  }

  private ValidationRunner.PhaseResult runPhase(
      ValidationRunner.Phase phase,
      ValidationRequest request,
      String owner,
      BooleanSupplier callerGone) {
    validate(request);
    if (!phaseSlots.tryAcquire()) {
      throw new SynthosException(
          ErrorCode.QUEUE_FULL,
          "all " + config.concurrency() + " phase slots are busy; retry later");
    }
    String id = "phase-" + UUID.randomUUID();
    Path tmp = tempRoot.resolve(id);
    try {
      Path data = storage.fetch(request.datasetUri(), owner, tmp);
      Optional<Path> ref = request.referenceUri().map(u -> storage.fetch(u, owner, tmp));
      ValidationRunner.Inputs inputs =
          new ValidationRunner.Inputs(
              id, id, JobFiles.datasetId(request.datasetUri()), request, data, ref);
      ProgressSink sink =
          ProgressSink.quiet(
              () -> {
                if (callerGone.getAsBoolean()) {
                  throw new SynthosException(ErrorCode.CANCELLED, "the caller went away");
                }
              });
      return runner.phase(phase, inputs, sink);
    } finally {
      phaseSlots.release();
      JobFiles.deleteTree(tmp);
    }
  }

  /** Readiness: the job store answers and the storage is usable. */
  void checkReady() {
    if (stopping) {
      throw new SynthosException(ErrorCode.STORAGE_UNAVAILABLE, "the server is shutting down");
    }
    store.ping();
    storage.check();
  }

  private void work(String id) {
    waiting.decrementAndGet();
    if (stopping) {
      // Left QUEUED in the store; the next start picks it up.
      return;
    }
    JsonLogging.withContext(id, () -> execute(id));
  }

  private void execute(String id) {
    // Registered before the store says RUNNING, so a cancel that sees RUNNING always finds it.
    Running r = new Running(id);
    running.put(id, r);
    if (!store.markRunning(id, System.currentTimeMillis())) {
      running.remove(id);
      return;
    }
    JobRecord job = store.get(id).orElseThrow();
    ValidationRequest request = job.request();
    metrics.started();
    Duration timeout = request.timeout().orElse(config.timeout());
    ScheduledFuture<?> timer =
        timers.schedule(
            () -> r.stop(ErrorCode.TIMEOUT, false), timeout.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("started (attempt " + job.attempts() + ") " + request.datasetUri());
    String status = "failed";
    Path tmp = tempRoot.resolve(id);
    try {
      r.progress("data_loading", 0, 0);
      long t0 = System.nanoTime();
      String owner = store.owner(id).orElse(Identity.ANONYMOUS.name());
      Path data = storage.fetch(request.datasetUri(), owner, tmp);
      Optional<Path> ref = request.referenceUri().map(u -> storage.fetch(u, owner, tmp));
      ObjectNode loaded = JSON.createObjectNode();
      loaded.put("loaded", true);
      loaded.put("bytes", Files.size(data));
      ref.ifPresent(p -> loaded.put("reference_loaded", true));
      r.checkpoint();
      r.stageDone("data_loading", loaded, t0);
      ValidationRunner.Outcome outcome =
          runner.run(
              new ValidationRunner.Inputs(
                  id, job.validationId(), job.datasetId(), request, data, ref),
              r);
      r.checkpoint();
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(outcome.report());
      storage.put("reports/" + id + ".json", bytes);
      outcome
          .html()
          .ifPresent(
              h -> storage.put("reports/" + id + ".html", h.getBytes(StandardCharsets.UTF_8)));
      outcome.typed().ifPresent(t -> storage.put(JobFiles.typedReportKey(id), t.toByteArray()));
      if (store.finish(
          id,
          JobState.SUCCEEDED,
          Optional.empty(),
          new String(bytes, StandardCharsets.UTF_8),
          outcome.html().orElse(null),
          System.currentTimeMillis())) {
        status = "succeeded";
        r.rows = outcome.rowsProcessed();
        outcome.collapseScore().ifPresent(metrics::collapseScore);
        outcome.diversityScore().ifPresent(metrics::diversityScore);
        LOG.info("succeeded: " + outcome.rowsProcessed() + " rows");
      }
    } catch (Throwable t) {
      SynthosException e =
          ErrorMapping.classify(
              t instanceof IOException io ? LocalStorage.classify(io, request.datasetUri()) : t);
      if (r.shutdown) {
        store.requeue(id);
        status = "requeued";
        LOG.info("stopped by shutdown; back in the queue");
      } else {
        JobState end = e.code() == ErrorCode.CANCELLED ? JobState.CANCELLED : JobState.FAILED;
        store.finish(id, end, Optional.of(e), null, System.currentTimeMillis());
        status = end == JobState.CANCELLED ? "cancelled" : "failed";
        if (end == JobState.FAILED) {
          metrics.error(e.code().name().toLowerCase(java.util.Locale.ROOT), r.stage);
          LOG.log(
              e.code().category() == org.synthos.api.ErrorCategory.INTERNAL
                  ? Level.SEVERE
                  : Level.INFO,
              "failed in " + r.stage + ": " + e.code().code() + " " + e.getMessage(),
              e.code().category() == org.synthos.api.ErrorCategory.INTERNAL ? t : null);
        } else {
          LOG.info("cancelled in " + r.stage);
        }
      }
    } finally {
      timer.cancel(false);
      running.remove(id);
      JobFiles.deleteTree(tmp);
      if ("requeued".equals(status)) {
        // Not an outcome: the job runs again after the restart and is counted then.
        metrics.interrupted();
      } else {
        metrics.ended(status, request.datasetFormat(), r.rows, System.nanoTime() - r.startNanos);
        store.get(id).ifPresent(done -> publish(JobEvent.of(done)));
      }
    }
  }

  /**
   * Stops taking work, lets running jobs finish within {@code grace}, then stops the rest at their
   * next checkpoint and puts them back in the queue.
   */
  void shutdown(Duration grace) {
    stopping = true;
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info(running.size() + " job(s) still running after the grace period; re-queueing");
        for (Running r : running.values()) {
          r.stop(ErrorCode.CANCELLED, true);
        }
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warning("workers did not stop; their jobs stay RUNNING and are recovered at start");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    timers.shutdownNow();
  }

  @Override
  public void close() {
    shutdown(Duration.ZERO);
  }

  /** The live state of a running job; also its progress sink. */
  private final class Running implements ProgressSink {
    final String id;
    final long startNanos = System.nanoTime();
    volatile String stage = "queued";
    volatile double percent;
    volatile long rows;
    volatile String lastResult = "";
    volatile ErrorCode stopReason;
    volatile boolean shutdown;
    long persistedAt;
    long stageStart = System.nanoTime();

    Running(String id) {
      this.id = id;
    }

    void stop(ErrorCode reason, boolean byShutdown) {
      if (stopReason == null) {
        shutdown = byShutdown;
        stopReason = reason;
      }
    }

    JobEvent event() {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      double eta = percent > 0 && percent < 100 ? elapsed * (100 - percent) / percent : -1;
      return new JobEvent(
          id, JobState.RUNNING, stage, percent, rows, eta, lastResult, Optional.empty());
    }

    @Override
    public void progress(String newStage, double newPercent, long rowsDone) {
      if (!newStage.equals(stage)) {
        stageStart = System.nanoTime();
      }
      stage = newStage;
      percent = Math.max(percent, Math.min(100, newPercent));
      rows = rowsDone;
      long now = System.nanoTime();
      if (now - persistedAt > PERSIST_EVERY_NANOS) {
        persistedAt = now;
        store.progress(id, stage, percent, rows);
        publish(event());
      }
    }

    @Override
    public void stageDone(String doneStage, JsonNode result) {
      stageDone(doneStage, result, stageStart);
    }

    void stageDone(String doneStage, JsonNode result, long since) {
      metrics.stage(doneStage, System.nanoTime() - since);
      lastResult = result.toString();
      persistedAt = System.nanoTime();
      store.progress(id, doneStage, percent, rows);
      publish(event());
    }

    @Override
    public void checkpoint() {
      ErrorCode reason = stopReason;
      if (reason != null) {
        throw new SynthosException(
            reason,
            reason == ErrorCode.TIMEOUT
                ? "the job ran past its time limit"
                : shutdown ? "the server is stopping" : "cancelled by request");
      }
    }
  }
}
