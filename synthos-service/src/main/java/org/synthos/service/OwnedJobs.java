package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.io.FileDigests;

/**
 * The job calls as a caller makes them: inputs checked at submission (a local file must exist
 * inside the storage root and be within the size cap, so a bad path is refused with its code
 * instead of queued), each job owned by its submitter, a caller without {@code admin} seeing and
 * cancelling only its own jobs (others' look absent), and every call written to the audit trail.
 */
final class OwnedJobs {
  /** Local datasets up to this size are hashed for the audit trail at submission. */
  private static final long HASH_AT_SUBMIT_BYTES = 256L << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobManager jobs;
  private final Storage storage;
  private final Path tempRoot;
  private final long maxFileBytes;
  private final AuditTrail audit;
  private final UploadStore uploads;
  private final PreScreens preScreens;

  OwnedJobs(
      JobManager jobs,
      Storage storage,
      Path tempRoot,
      long maxFileBytes,
      AuditTrail audit,
      UploadStore uploads,
      PreScreens preScreens) {
    this.preScreens = preScreens;
    this.jobs = jobs;
    this.storage = storage;
    this.tempRoot = tempRoot;
    this.maxFileBytes = maxFileBytes;
    this.audit = audit;
    this.uploads = uploads;
  }

  JobRecord submit(Identity caller, ValidationRequest request) {
    String hash = null;
    try {
      hash = checkInputs(caller, request);
      JobRecord job = jobs.submit(request, caller.name());
      audit.record(caller.name(), "submit", job.id(), request.datasetUri(), hash, "ok");
      return job;
    } catch (SynthosException e) {
      audit.record(caller.name(), "submit", null, request.datasetUri(), hash, e.code().name());
      throw e;
    }
  }

  /**
   * Refuses missing, escaping, non-regular and oversized local inputs; returns the dataset's
   * SHA-256 when it is small enough to hash now.
   */
  private String checkInputs(Identity caller, ValidationRequest request) {
    String hash = null;
    List<String> uris =
        request.referenceUri().isPresent()
            ? List.of(request.datasetUri(), request.referenceUri().get())
            : List.of(request.datasetUri());
    for (String uri : uris) {
      if (UploadStore.isRef(uri)) {
        // The caller's own upload, verified when it was stored: its size and hash are known.
        String name = UploadStore.nameOf(uri);
        UploadStore.Stored stored =
            uploads
                .stored(caller.name(), name)
                .orElseThrow(
                    () ->
                        new SynthosException(
                            ErrorCode.FILE_NOT_FOUND,
                            "no upload named '" + name + "'; upload it first",
                            Location.ofFile(uri)));
        checkSize(stored.sizeBytes(), uri);
        hash = hash == null && uri.equals(request.datasetUri()) ? stored.sha256() : hash;
        continue;
      }
      // Blank and unsupported locations are refused with their own message by JobManager.
      if (uri.isBlank() || uri.startsWith("s3://") || !storage.accepts(uri)) {
        continue;
      }
      // Local locations resolve in place: nothing is copied into the temporary directory.
      Path file = storage.fetch(uri, tempRoot);
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw LocalStorage.classify(e, uri);
      }
      checkSize(size, uri);
      if (hash == null && uri.equals(request.datasetUri()) && size <= HASH_AT_SUBMIT_BYTES) {
        hash = FileDigests.sha256(file);
      }
    }
    return hash;
  }

  private void checkSize(long size, String uri) {
    if (size > maxFileBytes) {
      throw new SynthosException(
          ErrorCode.LIMIT_EXCEEDED,
          "the file has "
              + size
              + " bytes, over the limit of "
              + maxFileBytes
              + " (limits.max_file_mb)",
          Location.ofFile(uri));
    }
  }

  JobRecord get(Identity caller, String id) {
    return audited(caller, "read", id, () -> jobs.get(owned(caller, id)));
  }

  String report(Identity caller, String id) {
    return audited(caller, "read_report", id, () -> jobs.report(owned(caller, id)));
  }

  byte[] reportHtml(Identity caller, String id) {
    return audited(caller, "read_report", id, () -> jobs.reportHtml(owned(caller, id)));
  }

  /**
   * The typed report of a succeeded job, when its engine built one (jobs of the profile-only runner
   * have none).
   */
  Optional<org.synthos.v1.TypedReport> typedReport(Identity caller, String id) {
    return audited(
        caller,
        "read_report",
        id,
        () -> {
          jobs.report(owned(caller, id));
          String key = JobFiles.typedReportKey(id);
          if (!storage.exists(key)) {
            return Optional.empty();
          }
          try {
            return Optional.of(org.synthos.v1.TypedReport.parseFrom(storage.get(key)));
          } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new SynthosException(
                ErrorCode.INTERNAL,
                "the stored typed report of " + id + " cannot be read",
                null,
                e);
          }
        });
  }

  JobRecord cancel(Identity caller, String id) {
    return audited(caller, "cancel", id, () -> jobs.cancel(owned(caller, id)));
  }

  List<JobRecord> list(Identity caller, Optional<JobState> state, int limit) {
    Optional<String> owner = caller.admin() ? Optional.empty() : Optional.of(caller.name());
    return audited(caller, "list", null, () -> jobs.list(state, owner, limit));
  }

  AutoCloseable watch(Identity caller, String id, Consumer<JobEvent> listener) {
    return audited(caller, "watch", id, () -> jobs.watch(owned(caller, id), listener));
  }

  ValidationRunner.PhaseResult phase(
      Identity caller,
      ValidationRunner.Phase phase,
      ValidationRequest request,
      BooleanSupplier callerGone) {
    return phase(caller, phase, request, callerGone, model -> {});
  }

  /**
   * TrainCascade: the predictions phase, telling {@code models} of each proxy model as it trains.
   */
  ValidationRunner.PhaseResult cascade(
      Identity caller,
      ValidationRequest request,
      BooleanSupplier callerGone,
      Consumer<org.synthos.core.assess.ModelProgress> models) {
    return phase(caller, ValidationRunner.Phase.PREDICTIONS, request, callerGone, models);
  }

  private ValidationRunner.PhaseResult phase(
      Identity caller,
      ValidationRunner.Phase phase,
      ValidationRequest request,
      BooleanSupplier callerGone,
      Consumer<org.synthos.core.assess.ModelProgress> models) {
    return audited(
        caller,
        "phase_" + phase.name().toLowerCase(java.util.Locale.ROOT),
        null,
        () -> {
          checkInputs(caller, request);
          return jobs.phase(phase, request, caller.name(), callerGone, models);
        });
  }

  /** The pre-screen of a dataset against the signatures of the jobs this caller may see. */
  PreScreens.Answer prescreen(Identity caller, String uri, int k) {
    return audited(
        caller,
        "prescreen",
        null,
        () -> {
          checkInputs(caller, ValidationRequest.of(uri == null ? "" : uri));
          return preScreens.screen(caller, uri, k);
        });
  }

  void checkReady() {
    jobs.checkReady();
  }

  /** The id, once the caller may see that job; others' jobs are NOT_FOUND, as unknown ones. */
  private String owned(Identity caller, String id) {
    if (!caller.admin() && !jobs.owner(id).equals(caller.name())) {
      throw new SynthosException(ErrorCode.NOT_FOUND, "no job with id '" + id + "'");
    }
    return id;
  }

  private interface Call<T> {
    T run();
  }

  private <T> T audited(Identity caller, String action, String job, Call<T> call) {
    try {
      T result = call.run();
      audit.record(caller.name(), action, job, null, datasetHash(result), "ok");
      return result;
    } catch (SynthosException e) {
      audit.record(caller.name(), action, job, null, null, e.code().name());
      throw e;
    }
  }

  /** The dataset hash a report names (its provenance), for the audit line of a report read. */
  private static String datasetHash(Object result) {
    if (!(result instanceof String report)) {
      return null;
    }
    try {
      String h = JSON.readTree(report).at("/provenance/candidate/sha256").asText("");
      return h.isEmpty() ? null : h;
    } catch (IOException e) {
      return null;
    }
  }
}
