package org.synthos.service;

import java.util.Optional;

/**
 * One progress event of a job.
 *
 * @param etaSeconds estimated seconds left, negative when unknown
 * @param stageResultJson the latest finished stage's result as JSON, empty before the first
 */
record JobEvent(
    String jobId,
    JobState state,
    String stage,
    double percent,
    long rowsDone,
    double etaSeconds,
    String stageResultJson,
    Optional<JobRecord.JobError> error) {

  static JobEvent of(JobRecord job) {
    return new JobEvent(
        job.id(), job.state(), job.stage(), job.percent(), job.rowsDone(), -1, "", job.error());
  }
}
