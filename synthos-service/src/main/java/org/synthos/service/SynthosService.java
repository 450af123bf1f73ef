package org.synthos.service;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * A running service: the gRPC server, the HTTP server, the job store, the worker pool and the
 * storage. {@link #start} brings them up in dependency order and {@link #close} takes them down
 * gracefully: stop accepting, let running jobs finish within the grace period, put the rest back in
 * the queue, close the store.
 */
public final class SynthosService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SynthosService.class.getName());

  private final ServiceConfig config;
  private final JobStore store;
  private final Storage storage;
  private final JobManager jobs;
  private final HttpApi http;
  private final Server grpc;
  private final Readiness readiness;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private SynthosService(ServiceConfig config, ValidationRunner runner) throws IOException {
    this.config = config;
    Files.createDirectories(config.dataDir());
    Path temp = Files.createDirectories(config.dataDir().resolve("tmp"));
    SecuritySettings security = config.security();
    DataCipher cipher = DataCipher.open(security);
    ServiceMetrics metrics = new ServiceMetrics();
    AuditTrail audit =
        new AuditTrail(security.auditDir(), security.auditMaxBytes(), metrics::auditWriteFailed);
    this.store = new JobStore(config.store(), cipher);
    UploadStore uploadStore = new UploadStore(config.uploads());
    this.storage =
        new SealedStorage(
            StorageRouter.from(config.storage(), java.util.Optional.of(uploadStore)), cipher);
    PreScreens preScreens =
        new PreScreens(
            new SignatureStore(store, cipher), storage, temp, config.jobs().concurrency());
    this.jobs =
        new JobManager(
            store, storage, preScreens.recording(runner, store), metrics, config.jobs(), temp);
    OwnedJobs owned =
        new OwnedJobs(jobs, storage, temp, security.maxFileBytes(), audit, uploadStore, preScreens);
    OwnedUploads uploads = new OwnedUploads(uploadStore, audit, metrics);
    Gatekeeper gate = new Gatekeeper(security, new ApiKeys(security.keysFile()), audit);
    HealthStatusManager health = new HealthStatusManager();
    this.grpc =
        NettyServerBuilder.forAddress(
                new InetSocketAddress(config.grpc().host(), config.grpc().port()),
                credentials(config.grpc()))
            .addService(
                ServerInterceptors.intercept(
                    new GrpcApi(owned, uploads), new GrpcAuth(gate), new GrpcApi.RequestIds()))
            .addService(health.getHealthService())
            .maxInboundMessageSize(16 << 20)
            .build()
            .start();
    this.http = new HttpApi(config, owned, uploads, gate, metrics);
    jobs.start();
    this.readiness = new Readiness(jobs, metrics, health);
    audit.record("system", "config_loaded", null, null, null, SecurityReport.describe(config));
    LOG.info(
        "serving gRPC on "
            + config.grpc().host()
            + ":"
            + grpc.getPort()
            + (config
                .grpc()
                .tls()
                .map(t -> t.mutual() ? " (mutual TLS)" : " (TLS)")
                .orElse(" (plaintext)"))
            + ", HTTP on "
            + config.http().host()
            + ":"
            + http.port()
            + ", job store "
            + JobStore.redact(config.store().jdbcUrl())
            + ", "
            + SecurityReport.describe(config));
  }

  private static ServerCredentials credentials(ServiceConfig.Grpc grpc) throws IOException {
    if (grpc.tls().isEmpty()) {
      return InsecureServerCredentials.create();
    }
    ServiceConfig.Tls tls = grpc.tls().get();
    TlsServerCredentials.Builder b =
        TlsServerCredentials.newBuilder()
            .keyManager(tls.certChain().toFile(), tls.privateKey().toFile());
    if (tls.clientCa().isPresent()) {
      b.trustManager(tls.clientCa().get().toFile())
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return b.build();
  }

  /** Starts the service with the full validation engine, handing large jobs to Spark if set. */
  public static SynthosService start(ServiceConfig config) {
    return start(config, SparkHandoff.wrap(config.spark(), new AssessmentRunner()));
  }

  /** Starts the service with the given engine. */
  public static SynthosService start(ServiceConfig config, ValidationRunner runner) {
    try {
      return new SynthosService(config, runner);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE, "the service could not start: " + e.getMessage(), null, e);
    }
  }

  /**
   * Runs the service until the process gets SIGTERM or SIGINT, then shuts down gracefully and ends
   * the process with status 0. Backs {@code synthos serve}.
   */
  public static void serve(ServiceConfig config) {
    serve(config, SparkHandoff.wrap(config.spark(), new AssessmentRunner()));
  }

  /** As {@link #serve(ServiceConfig)}, with the given engine. */
  public static void serve(ServiceConfig config, ValidationRunner runner) {
    JsonLogging.install(java.util.logging.Level.INFO);
    SynthosService service = start(config, runner);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stop signal received; shutting down gracefully");
                  int status = 1;
                  try {
                    service.close();
                    status = 0;
                  } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.SEVERE, "shutdown failed", e);
                  } finally {
                    // A signal ends the JVM with 128+signal; a completed shutdown is status 0.
                    Runtime.getRuntime().halt(status);
                  }
                },
                "synthos-shutdown"));
    service.awaitStop();
  }

  public int grpcPort() {
    return grpc.getPort();
  }

  public int httpPort() {
    return http.port();
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Duration grace = config.jobs().shutdownGrace();
    // Health answers NOT_SERVING first, so balancers stop routing here while jobs drain.
    readiness.close();
    grpc.shutdown();
    // Exchanges already in progress get a second to finish; no new connection is accepted.
    http.stop(1);
    jobs.shutdown(grace);
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
    store.close();
    LOG.info("stopped");
    stopped.countDown();
  }
}
