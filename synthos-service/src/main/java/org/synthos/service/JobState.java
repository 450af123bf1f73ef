package org.synthos.service;

/** The life of a job: QUEUED, then RUNNING, then one of the three terminal states. */
enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
