package org.synthos.api;

/** Who has to act on an error. Decides exit codes and transport statuses in one place each. */
public enum ErrorCategory {
  /**
   * The request is wrong: a bad flag, a missing file, an unknown option. CLI exit 2, HTTP 400, gRPC
   * INVALID_ARGUMENT.
   */
  USER,
  /**
   * The input data is wrong: malformed rows, bad encoding, a corrupt file. CLI exit 2, HTTP 422,
   * gRPC INVALID_ARGUMENT.
   */
  DATA,
  /**
   * Capacity, storage or time limits; usually worth retrying. CLI exit 1, HTTP 503/429, gRPC
   * RESOURCE_EXHAUSTED.
   */
  RESOURCE,
  /** A fault in Synthos itself. CLI exit 1, HTTP 500, gRPC INTERNAL. */
  INTERNAL
}
