package org.synthos.service;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * Checks readiness (the job store answers, the storage is usable) every few seconds and publishes
 * the result to the gRPC health service ({@code grpc.health.v1.Health}, for the server as a whole
 * and for {@code synthos.v1.ValidationService}) and to {@code synthos_ready}. The HTTP {@code
 * /health/ready} route checks on demand; this keeps the same answer visible to gRPC clients and to
 * alerting, which must not depend on someone probing.
 */
final class Readiness implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
  static final long PERIOD_SECONDS = 5;

  private final JobManager jobs;
  private final ServiceMetrics metrics;
  private final HealthStatusManager health;
  private final ScheduledExecutorService timer;
  private Boolean last;

  /** Checks once at once, so the status is right from the first call, then every 5 s. */
  Readiness(JobManager jobs, ServiceMetrics metrics, HealthStatusManager health) {
    this.jobs = jobs;
    this.metrics = metrics;
    this.health = health;
    check();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "synthos-readiness");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::check, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  synchronized void check() {
    String reason = null;
    try {
      jobs.checkReady();
    } catch (RuntimeException e) {
      reason = e.getMessage();
    }
    boolean ready = reason == null;
    ServingStatus status = ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    health.setStatus(ValidationServiceGrpc.SERVICE_NAME, status);
    metrics.readiness(ready);
    // Only transitions are logged: a probe every 5 s must not flood the log.
    if (last == null || last != ready) {
      if (ready) {
        LOG.info("ready");
      } else {
        LOG.warning("not ready: " + reason);
      }
    }
    last = ready;
  }

  /** Stops checking and answers NOT_SERVING from now on: the server is going away. */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    health.enterTerminalState();
    metrics.stopping();
  }
}
