package org.synthos.service;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.signature.PreScreen;
import org.synthos.core.signature.ProfileFeatures;
import org.synthos.core.signature.ScreenPass;
import org.synthos.core.signature.Signature;
import org.synthos.core.signature.SignatureIndex;
import org.synthos.io.ReadOptions;

/**
 * The service's signature library and pre-screen. Every validation job the engine finishes leaves
 * its signature here ({@link #recording}): stored durably by {@link SignatureStore} and indexed in
 * memory, loaded again at start. {@link #screen} reads a dataset in one cheap pass and answers from
 * the nearest signatures the caller may see: its own jobs', every caller's for admin, as with jobs.
 * Screens run on the caller's thread, at most {@code slots} at once.
 */
final class PreScreens {
  private static final Logger LOG = Logger.getLogger(PreScreens.class.getName());

  /** The most neighbours one call may ask for. */
  static final int MAX_K = 1000;

  private final SignatureStore store;
  private final SignatureIndex index = new SignatureIndex();
  private final Storage storage;
  private final Path tempRoot;
  private final Semaphore slots;
  private final int permits;

  PreScreens(SignatureStore store, Storage storage, Path tempRoot, int slots) {
    this.store = store;
    this.storage = storage;
    this.tempRoot = tempRoot;
    this.permits = slots;
    this.slots = new Semaphore(slots);
    java.util.List<String> unreadable = new java.util.ArrayList<>();
    for (SignatureStore.Stored s : store.all(unreadable::add)) {
      index.add(s.signature(), s.owner(), s.jobId());
    }
    LOG.info(
        "signature library: "
            + index.size()
            + " signatures"
            + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " unreadable left out"));
  }

  /** Stores and indexes the signature of a finished job. */
  void record(String jobId, String owner, Signature signature) {
    store.put(jobId, owner, signature, System.currentTimeMillis());
    index.add(signature, owner, jobId);
  }

  /** The engine, recording the signature of every run it finishes for the job's owner. */
  ValidationRunner recording(ValidationRunner engine, JobStore jobs) {
    return new ValidationRunner() {
      @Override
      public Outcome run(Inputs inputs, ProgressSink progress) {
        Outcome outcome = engine.run(inputs, progress);
        outcome
            .signature()
            .ifPresent(
                s ->
                    record(
                        inputs.jobId(),
                        jobs.owner(inputs.jobId()).orElse(Identity.ANONYMOUS.name()),
                        s));
        return outcome;
      }

      @Override
      public void check(ValidationRequest request) {
        engine.check(request);
      }

      @Override
      public PhaseResult phase(Phase phase, Inputs inputs, ProgressSink progress) {
        return engine.phase(phase, inputs, progress);
      }
    };
  }

  /**
   * A pre-screen's answer.
   *
   * @param datasetSha256 the screened file's SHA-256
   * @param features its profile features
   * @param result the estimate or why there is none; neighbours' refs are job ids
   */
  record Answer(String datasetSha256, ProfileFeatures features, PreScreen.Result result) {}

  /**
   * Screens a dataset for {@code caller} against its visible signatures.
   *
   * @param k neighbours, 1 to {@link #MAX_K}; 0 means {@link PreScreen#DEFAULT_K}
   */
  Answer screen(Identity caller, String uri, int k) {
    int n = k == 0 ? PreScreen.DEFAULT_K : k;
    if (n < 1 || n > MAX_K) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "k must be 1 to " + MAX_K + " (0: the default), got " + k);
    }
    if (uri == null || uri.isBlank()) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "dataset_uri is required");
    }
    if (!storage.accepts(uri)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "unsupported or unconfigured location: " + uri);
    }
    if (!slots.tryAcquire()) {
      throw new SynthosException(
          ErrorCode.QUEUE_FULL, "all " + permits + " pre-screen slots are busy; retry later");
    }
    Path tmp = tempRoot.resolve("prescreen-" + UUID.randomUUID());
    try {
      Path file = storage.fetch(uri, caller.name(), tmp);
      DatasetSource source;
      ProfileFeatures features;
      try {
        source = AssessmentRunner.source(file, uri, ReadOptions.defaults(), stats -> {});
        features =
            ScreenPass.features(source, Math.max(1, Runtime.getRuntime().availableProcessors()));
      } catch (SynthosException e) {
        throw ProfileRunner.relabel(e, file, uri);
      }
      Predicate<SignatureIndex.Entry> visible =
          caller.admin() ? e -> true : e -> e.scope().equals(caller.name());
      PreScreen.Result result = PreScreen.screen(index, features, source.sha256(), n, visible);
      return new Answer(source.sha256(), features, result);
    } finally {
      slots.release();
      JobFiles.deleteTree(tmp);
    }
  }

  /** Signatures held, for every owner. */
  int size() {
    return index.size();
  }

  /** The job a neighbour came from, when it names one. */
  static Optional<String> jobId(SignatureIndex.Neighbour n) {
    return n.ref().isEmpty() ? Optional.empty() : Optional.of(n.ref());
  }
}
