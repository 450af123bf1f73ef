package org.synthos.service;

import java.util.Optional;

/**
 * A job as stored.
 *
 * @param percent 0 to 100 within the whole job
 * @param submittedAtMs epoch milliseconds; {@code startedAtMs} and {@code finishedAtMs} are 0 until
 *     reached
 * @param attempts how often the job was started (more than 1 after a crash or restart)
 * @param error set for FAILED and CANCELLED jobs
 */
record JobRecord(
    String id,
    JobState state,
    ValidationRequest request,
    String validationId,
    String datasetId,
    String stage,
    double percent,
    long rowsDone,
    long submittedAtMs,
    long startedAtMs,
    long finishedAtMs,
    int attempts,
    Optional<JobError> error) {

  /** Why a job failed or was cancelled, with the code's retry hint. */
  public record JobError(int code, String name, String message, boolean retryable) {}
}
