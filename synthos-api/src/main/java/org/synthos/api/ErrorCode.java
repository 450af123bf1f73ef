package org.synthos.api;

/**
 * Stable error codes, never renumbered. The families are those of the earlier Synthos service (1xxx
 * data and input, 2xxx model, 3xxx resource, 4xxx timeout, 5xxx internal), but apart from 4001
 * TIMEOUT a number does not keep the earlier meaning: 3002, for one, was out of memory there and is
 * QUEUE_FULL here (docs/service.md, "Differences from the earlier service").
 */
public enum ErrorCode {
  // 1xxx: input and data
  FILE_NOT_FOUND(1001, ErrorCategory.USER, false),
  NOT_A_FILE(1002, ErrorCategory.USER, false),
  PERMISSION_DENIED(1003, ErrorCategory.USER, false),
  UNSUPPORTED_FORMAT(1004, ErrorCategory.USER, false),
  INVALID_ARGUMENT(1005, ErrorCategory.USER, false),
  EMPTY_FILE(1010, ErrorCategory.DATA, false),
  NO_DATA_ROWS(1011, ErrorCategory.DATA, false),
  RAGGED_ROW(1012, ErrorCategory.DATA, false),
  UNTERMINATED_QUOTE(1013, ErrorCategory.DATA, false),
  INVALID_ENCODING(1014, ErrorCategory.DATA, false),
  LINE_TOO_LONG(1015, ErrorCategory.DATA, false),
  CORRUPT_FILE(1016, ErrorCategory.DATA, false),
  COMPRESSION_MISMATCH(1017, ErrorCategory.DATA, false),
  MALFORMED_RECORD(1018, ErrorCategory.DATA, false),
  DUPLICATE_COLUMN(1019, ErrorCategory.DATA, false),
  SCHEMA_MISMATCH(1020, ErrorCategory.DATA, false),
  UNKNOWN_COLUMN(1021, ErrorCategory.USER, false),
  INVALID_POLICY(1022, ErrorCategory.USER, false),
  UNSUPPORTED_VERSION(1023, ErrorCategory.DATA, false),
  INVALID_CERTIFICATE(1024, ErrorCategory.DATA, false),
  /** A job's result was asked for before the job finished. */
  JOB_NOT_FINISHED(1025, ErrorCategory.USER, true),
  /** An input exceeds a configured cap (file size, columns, line, field or key length, ratio). */
  LIMIT_EXCEEDED(1026, ErrorCategory.DATA, false),
  /** The caller presented no credential, or one the server does not know. */
  UNAUTHENTICATED(1027, ErrorCategory.USER, false),
  /** The caller is known but lacks the scope the call needs. */
  FORBIDDEN(1028, ErrorCategory.USER, false),
  /** Received bytes do not match the SHA-256 the sender declared. */
  CHECKSUM_MISMATCH(1029, ErrorCategory.DATA, false),
  /**
   * An upload cannot continue from where the sender says: another stream of the name is open, or
   * the offset, size or hash differ from the partial upload held. Ask for the status and resume.
   */
  UPLOAD_CONFLICT(1030, ErrorCategory.USER, true),
  /** An upload is larger than the configured limit. */
  UPLOAD_TOO_LARGE(1031, ErrorCategory.USER, false),
  // 2xxx: model
  MODEL_FAILED(2001, ErrorCategory.INTERNAL, true),
  // 3xxx: resources
  STORAGE_UNAVAILABLE(3001, ErrorCategory.RESOURCE, true),
  QUEUE_FULL(3002, ErrorCategory.RESOURCE, true),
  OUT_OF_MEMORY(3003, ErrorCategory.RESOURCE, false),
  NOT_FOUND(3004, ErrorCategory.USER, false),
  /** The caller sent more requests than its rate limit allows; retry after the hint. */
  RATE_LIMITED(3005, ErrorCategory.RESOURCE, true),
  // 4xxx: time
  TIMEOUT(4001, ErrorCategory.RESOURCE, true),
  CANCELLED(4002, ErrorCategory.USER, false),
  // 5xxx: internal
  INTERNAL(5001, ErrorCategory.INTERNAL, false),
  IO_FAILURE(5002, ErrorCategory.INTERNAL, true);

  private final int code;
  private final ErrorCategory category;
  private final boolean retryable;

  ErrorCode(int code, ErrorCategory category, boolean retryable) {
    this.code = code;
    this.category = category;
    this.retryable = retryable;
  }

  public int code() {
    return code;
  }

  public ErrorCategory category() {
    return category;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The process exit code a CLI uses for this error: 2 for user and data errors, 1 otherwise. */
  public int exitCode() {
    return switch (category) {
      case USER, DATA -> 2;
      case RESOURCE, INTERNAL -> 1;
    };
  }
}
