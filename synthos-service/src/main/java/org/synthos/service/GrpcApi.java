package org.synthos.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.signature.PreScreen;
import org.synthos.core.signature.SignatureIndex;
import org.synthos.v1.CascadeEvent;
import org.synthos.v1.Job;
import org.synthos.v1.JobRef;
import org.synthos.v1.ListRequest;
import org.synthos.v1.ListResponse;
import org.synthos.v1.ModelTrained;
import org.synthos.v1.NotApplicable;
import org.synthos.v1.PhaseRequest;
import org.synthos.v1.PhaseResponse;
import org.synthos.v1.PreScreenEstimate;
import org.synthos.v1.PreScreenRequest;
import org.synthos.v1.PreScreenResponse;
import org.synthos.v1.ProgressEvent;
import org.synthos.v1.Report;
import org.synthos.v1.SignatureNeighbour;
import org.synthos.v1.SubmitRequest;
import org.synthos.v1.SubmitResponse;
import org.synthos.v1.UploadRequest;
import org.synthos.v1.UploadResponse;
import org.synthos.v1.UploadStatusRequest;
import org.synthos.v1.UploadStatusResponse;
import org.synthos.v1.ValidationServiceGrpc;

/** The synthos.v1 gRPC service: a thin translation onto {@link OwnedJobs}. */
final class GrpcApi extends ValidationServiceGrpc.ValidationServiceImplBase {
  private static final Logger LOG = Logger.getLogger(GrpcApi.class.getName());
  private static final Metadata.Key<String> REQUEST_ID_HEADER =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> REQUEST_ID = Context.key("synthos-request-id");
  private final OwnedJobs jobs;
  private final OwnedUploads uploads;

  /**
   * Gives every call a request id for its log lines: the client's {@code x-request-id} when it is a
   * plain token, else a fresh one.
   */
  static final class RequestIds implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String given = headers.get(REQUEST_ID_HEADER);
      String id =
          given != null && given.matches("[A-Za-z0-9_.\\-]{1,64}")
              ? given
              : "req-" + UUID.randomUUID();
      return Contexts.interceptCall(
          Context.current().withValue(REQUEST_ID, id), call, headers, next);
    }
  }

  private static String requestId() {
    String id = REQUEST_ID.get();
    return id == null ? "req-" + UUID.randomUUID() : id;
  }

  GrpcApi(OwnedJobs jobs, OwnedUploads uploads) {
    this.jobs = jobs;
    this.uploads = uploads;
  }

  /** Runs one unary call in a fresh log context, mapping every failure in {@link ErrorMapping}. */
  private static <T> void unary(String method, StreamObserver<T> out, Supplier<T> body) {
    JsonLogging.withContext(
        requestId(),
        () -> {
          T result;
          try {
            result = body.get();
          } catch (RuntimeException e) {
            SynthosException s = ErrorMapping.classify(e);
            LOG.info(method + " failed: " + s.code().code() + " " + s.getMessage());
            out.onError(ErrorMapping.toGrpc(s));
            return;
          }
          out.onNext(result);
          out.onCompleted();
        });
  }

  private static Optional<String> opt(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  static ValidationRequest request(SubmitRequest r) {
    if (r.getTimeoutSeconds() < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "timeout_seconds must not be negative");
    }
    return new ValidationRequest(
        r.getDatasetUri(),
        opt(r.getReferenceUri()),
        opt(r.getTarget()),
        ValidationRequest.policyWithColumnTypes(opt(r.getPolicy()), r.getColumnTypesMap()),
        opt(r.getValidationId()),
        opt(r.getDatasetId()),
        r.getTimeoutSeconds() > 0
            ? Optional.of(Duration.ofSeconds(r.getTimeoutSeconds()))
            : Optional.empty(),
        r.hasSeed() ? Optional.of(r.getSeed()) : Optional.empty());
  }

  static org.synthos.v1.JobState state(JobState s) {
    return org.synthos.v1.JobState.valueOf(s.name());
  }

  static org.synthos.v1.ErrorInfo error(JobRecord.JobError e) {
    ErrorCode code;
    try {
      code = ErrorCode.valueOf(e.name());
    } catch (IllegalArgumentException unknown) {
      code = ErrorCode.INTERNAL;
    }
    return org.synthos.v1.ErrorInfo.newBuilder()
        .setCode(e.code())
        .setName(e.name())
        .setMessage(e.message())
        .setRetryable(e.retryable())
        .setRetryAfterSeconds(ErrorMapping.retryAfterSeconds(code))
        .setCategory(code.category().name())
        .build();
  }

  static Job toProto(JobRecord j) {
    ValidationRequest r = j.request();
    Job.Builder b =
        Job.newBuilder()
            .setJobId(j.id())
            .setState(state(j.state()))
            .setDatasetUri(r.datasetUri())
            .setReferenceUri(r.referenceUri().orElse(""))
            .setTarget(r.target().orElse(""))
            .setPolicy(r.policy().orElse(""))
            .setValidationId(j.validationId())
            .setDatasetId(j.datasetId())
            .setStage(j.stage())
            .setPercent(j.percent())
            .setRowsDone(j.rowsDone())
            .setSubmittedAtMs(j.submittedAtMs())
            .setStartedAtMs(j.startedAtMs())
            .setFinishedAtMs(j.finishedAtMs())
            .setAttempts(j.attempts());
    r.seed().ifPresent(b::setSeed);
    j.error().ifPresent(e -> b.setError(error(e)));
    return b.build();
  }

  static ProgressEvent toProto(JobEvent e) {
    ProgressEvent.Builder b =
        ProgressEvent.newBuilder()
            .setJobId(e.jobId())
            .setState(state(e.state()))
            .setStage(e.stage())
            .setPercent(e.percent())
            .setRowsDone(e.rowsDone())
            .setEtaSeconds(e.etaSeconds())
            .setStageResultJson(e.stageResultJson());
    e.error().ifPresent(x -> b.setError(error(x)));
    return b.build();
  }

  @Override
  public void submit(SubmitRequest req, StreamObserver<SubmitResponse> out) {
    unary(
        "Submit",
        out,
        () -> {
          JobRecord job = jobs.submit(GrpcAuth.caller(), request(req));
          return SubmitResponse.newBuilder()
              .setJobId(job.id())
              .setState(state(job.state()))
              .build();
        });
  }

  @Override
  public void getJob(JobRef req, StreamObserver<Job> out) {
    unary("GetJob", out, () -> toProto(jobs.get(GrpcAuth.caller(), req.getJobId())));
  }

  @Override
  public void getReport(JobRef req, StreamObserver<Report> out) {
    unary(
        "GetReport",
        out,
        () -> {
          Report.Builder b =
              Report.newBuilder()
                  .setJobId(req.getJobId())
                  .setJson(jobs.report(GrpcAuth.caller(), req.getJobId()))
                  .setHtml(
                      new String(
                          jobs.reportHtml(GrpcAuth.caller(), req.getJobId()),
                          java.nio.charset.StandardCharsets.UTF_8));
          jobs.typedReport(GrpcAuth.caller(), req.getJobId()).ifPresent(b::setTyped);
          return b.build();
        });
  }

  @Override
  public StreamObserver<UploadRequest> upload(StreamObserver<UploadResponse> out) {
    return GrpcUploads.stream(uploads, GrpcAuth.caller(), out);
  }

  @Override
  public void uploadStatus(UploadStatusRequest req, StreamObserver<UploadStatusResponse> out) {
    unary(
        "UploadStatus",
        out,
        () -> GrpcUploads.status(uploads.status(GrpcAuth.caller(), req.getName())));
  }

  @Override
  public void cancel(JobRef req, StreamObserver<Job> out) {
    unary("Cancel", out, () -> toProto(jobs.cancel(GrpcAuth.caller(), req.getJobId())));
  }

  @Override
  public void list(ListRequest req, StreamObserver<ListResponse> out) {
    unary(
        "List",
        out,
        () -> {
          Optional<JobState> filter =
              req.getState() == org.synthos.v1.JobState.JOB_STATE_UNSPECIFIED
                      || req.getState() == org.synthos.v1.JobState.UNRECOGNIZED
                  ? Optional.empty()
                  : Optional.of(JobState.valueOf(req.getState().name()));
          ListResponse.Builder b = ListResponse.newBuilder();
          jobs.list(GrpcAuth.caller(), filter, req.getLimit()).forEach(j -> b.addJobs(toProto(j)));
          return b.build();
        });
  }

  @Override
  public void watch(JobRef req, StreamObserver<ProgressEvent> out) {
    ServerCallStreamObserver<ProgressEvent> call = (ServerCallStreamObserver<ProgressEvent>) out;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<AutoCloseable> handle = new AtomicReference<>();
    call.setOnCancelHandler(
        () -> {
          done.set(true);
          closeQuietly(handle.get());
        });
    try {
      handle.set(
          jobs.watch(
              GrpcAuth.caller(),
              req.getJobId(),
              event -> {
                synchronized (call) {
                  if (done.get()) {
                    return;
                  }
                  call.onNext(toProto(event));
                  if (event.state().terminal() && done.compareAndSet(false, true)) {
                    call.onCompleted();
                  }
                }
              }));
      if (done.get()) {
        closeQuietly(handle.get());
      }
    } catch (RuntimeException e) {
      synchronized (call) {
        if (done.compareAndSet(false, true)) {
          call.onError(ErrorMapping.toGrpc(e));
        }
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.fine("watch handle close failed: " + e.getMessage());
      }
    }
  }

  private void phase(
      ValidationRunner.Phase phase, PhaseRequest req, StreamObserver<PhaseResponse> out) {
    Context ctx = Context.current();
    unary(
        phase.name(),
        out,
        () -> {
          ValidationRunner.PhaseResult result =
              jobs.phase(GrpcAuth.caller(), phase, phaseRequest(req), ctx::isCancelled);
          return toProto(req, result);
        });
  }

  private static ValidationRequest phaseRequest(PhaseRequest req) {
    return new ValidationRequest(
        req.getDatasetUri(),
        opt(req.getReferenceUri()),
        opt(req.getTarget()),
        ValidationRequest.policyWithColumnTypes(opt(req.getPolicy()), req.getColumnTypesMap()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        req.hasSeed() ? Optional.of(req.getSeed()) : Optional.empty());
  }

  private static PhaseResponse toProto(PhaseRequest req, ValidationRunner.PhaseResult result) {
    PhaseResponse.Builder b = PhaseResponse.newBuilder().setDatasetUri(req.getDatasetUri());
    if (result instanceof ValidationRunner.PhaseResult.Ok ok) {
      ok.typed().ifPresent(b::mergeFrom);
      b.setDatasetUri(req.getDatasetUri()).setResultJson(ok.result().toString());
    } else if (result instanceof ValidationRunner.PhaseResult.NotApplicable na) {
      b.setNotApplicable(NotApplicable.newBuilder().setReason(na.reason()));
    }
    return b.build();
  }

  @Override
  public void analyzeDiversity(PhaseRequest req, StreamObserver<PhaseResponse> out) {
    phase(ValidationRunner.Phase.DIVERSITY, req, out);
  }

  @Override
  public void detectCollapse(PhaseRequest req, StreamObserver<PhaseResponse> out) {
    phase(ValidationRunner.Phase.COLLAPSE, req, out);
  }

  @Override
  public void localizeProblems(PhaseRequest req, StreamObserver<PhaseResponse> out) {
    phase(ValidationRunner.Phase.LOCALIZATION, req, out);
  }

  @Override
  public void generateRecommendations(PhaseRequest req, StreamObserver<PhaseResponse> out) {
    phase(ValidationRunner.Phase.RECOMMENDATIONS, req, out);
  }

  @Override
  public void getPredictions(PhaseRequest req, StreamObserver<PhaseResponse> out) {
    phase(ValidationRunner.Phase.PREDICTIONS, req, out);
  }

  /**
   * GetPredictions as a stream: each trained model as it finishes, then the answer. The models are
   * sent from the training threads, one at a time; a cancelled call stops the cascade at the next
   * model boundary (the phase's checkpoint sees the cancelled context).
   */
  @Override
  public void trainCascade(PhaseRequest req, StreamObserver<CascadeEvent> out) {
    Context ctx = Context.current();
    Identity caller = GrpcAuth.caller();
    JsonLogging.withContext(
        requestId(),
        () -> {
          ValidationRunner.PhaseResult result;
          try {
            result =
                jobs.cascade(
                    caller,
                    phaseRequest(req),
                    ctx::isCancelled,
                    model -> {
                      synchronized (out) {
                        out.onNext(CascadeEvent.newBuilder().setModel(toProto(model)).build());
                      }
                    });
          } catch (RuntimeException e) {
            SynthosException s = ErrorMapping.classify(e);
            LOG.info("TrainCascade failed: " + s.code().code() + " " + s.getMessage());
            synchronized (out) {
              out.onError(ErrorMapping.toGrpc(s));
            }
            return;
          }
          synchronized (out) {
            out.onNext(CascadeEvent.newBuilder().setResult(toProto(req, result)).build());
            out.onCompleted();
          }
        });
  }

  static ModelTrained toProto(ModelProgress m) {
    return ModelTrained.newBuilder()
        .setTarget(m.target())
        .setTargetIndex(m.targetIndex())
        .setTargets(m.targets())
        .setTier(m.tier())
        .setRole(m.role())
        .setTrainRows(m.trainRows())
        .setSeed(m.seed())
        .setLoss(m.loss())
        .setLossName(m.lossName())
        .setDone(m.done())
        .setTotal(m.total())
        .setElapsedMillis(m.elapsedMillis())
        .setEtaMillis(m.etaMillis())
        .setDevice(m.device())
        .build();
  }

  @Override
  public void preScreenRisk(PreScreenRequest req, StreamObserver<PreScreenResponse> out) {
    unary(
        "PreScreenRisk",
        out,
        () ->
            toProto(
                req.getDatasetUri(),
                jobs.prescreen(GrpcAuth.caller(), req.getDatasetUri(), req.getK())));
  }

  static PreScreenResponse toProto(String uri, PreScreens.Answer a) {
    PreScreen.Result r = a.result();
    PreScreenResponse.Builder b =
        PreScreenResponse.newBuilder()
            .setDatasetUri(uri)
            .setDatasetSha256(a.datasetSha256())
            .setLibrarySize(r.librarySize())
            .setMinSimilarity(PreScreen.MIN_SIMILARITY);
    a.features().asMap().forEach((f, v) -> b.putFeatures(f.key(), v));
    for (SignatureIndex.Neighbour n : r.neighbours()) {
      b.addNeighbours(
          SignatureNeighbour.newBuilder()
              .setValidationId(n.validationId())
              .setJobId(n.ref())
              .setDatasetSha256(n.datasetSha256())
              .setSimilarity(n.similarity())
              .setDistance(n.distance())
              .setSameDataset(n.sameDataset())
              .setDecision(n.decision().key())
              .setRisk(n.risk())
              .addAllCollapseTypes(n.collapseTypes().stream().map(t -> t.key()).toList()));
    }
    if (r instanceof PreScreen.Estimate e) {
      b.setEstimate(
          PreScreenEstimate.newBuilder()
              .setRisk(e.risk())
              .setRiskLow(e.riskLow())
              .setRiskHigh(e.riskHigh())
              .setRejectProbability(e.rejectProbability())
              .setRejectLow(e.rejectLow())
              .setRejectHigh(e.rejectHigh())
              .setNeighboursUsed(e.used())
              .setEffectiveNeighbours(e.effectiveNeighbours())
              .setConfidentDecision(e.confident().map(d -> d.key()).orElse("")));
    } else if (r instanceof PreScreen.NotApplicable na) {
      b.setNotApplicable(NotApplicable.newBuilder().setReason(na.reason()));
    }
    return b.build();
  }
}
