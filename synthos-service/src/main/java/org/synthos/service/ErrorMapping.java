package org.synthos.service;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.v1.ErrorInfo;

/**
 * The one place where an {@link ErrorCode} becomes a transport status and a retry hint. The code
 * families are those of the earlier service (1xxx data, 2xxx model, 3xxx resource, 4xxx timeout,
 * 5xxx internal); the codes within them are this service's own (docs/service.md).
 */
final class ErrorMapping {
  /**
   * The binary trailer that carries {@link ErrorInfo} on every failed gRPC call. Its name is part
   * of the API (the proto and docs/service.md name it; clients in other languages read it by name),
   * so it is spelled out rather than derived from the message's full name.
   */
  static final Metadata.Key<ErrorInfo> ERROR_INFO_KEY =
      Metadata.Key.of(
          "synthos-error-bin", ProtoUtils.metadataMarshaller(ErrorInfo.getDefaultInstance()));

  private ErrorMapping() {}

  /** Seconds a client should wait before retrying; 0 when retrying the same call cannot help. */
  static long retryAfterSeconds(ErrorCode code) {
    if (!code.retryable()) {
      return 0;
    }
    return switch (code) {
      case RATE_LIMITED -> 1;
      case QUEUE_FULL, JOB_NOT_FINISHED, UPLOAD_CONFLICT -> 5;
      case STORAGE_UNAVAILABLE, IO_FAILURE -> 30;
      default -> 60;
    };
  }

  static Status.Code grpcCode(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case FORBIDDEN -> Status.Code.PERMISSION_DENIED;
      case JOB_NOT_FINISHED, UPLOAD_CONFLICT -> Status.Code.FAILED_PRECONDITION;
      case QUEUE_FULL, RATE_LIMITED, OUT_OF_MEMORY -> Status.Code.RESOURCE_EXHAUSTED;
      case STORAGE_UNAVAILABLE -> Status.Code.UNAVAILABLE;
      case TIMEOUT -> Status.Code.DEADLINE_EXCEEDED;
      case CANCELLED -> Status.Code.CANCELLED;
      default ->
          switch (code.category()) {
            case USER, DATA -> Status.Code.INVALID_ARGUMENT;
            case RESOURCE -> Status.Code.RESOURCE_EXHAUSTED;
            case INTERNAL -> Status.Code.INTERNAL;
          };
    };
  }

  static int httpStatus(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> 404;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case JOB_NOT_FINISHED, CANCELLED, UPLOAD_CONFLICT -> 409;
      case UPLOAD_TOO_LARGE -> 413;
      case QUEUE_FULL, RATE_LIMITED -> 429;
      case STORAGE_UNAVAILABLE, OUT_OF_MEMORY -> 503;
      case TIMEOUT -> 504;
      default ->
          switch (code.category()) {
            case USER -> 400;
            case DATA -> 422;
            case RESOURCE -> 503;
            case INTERNAL -> 500;
          };
    };
  }

  /** Any failure as a SynthosException; unknown exceptions become INTERNAL. */
  static SynthosException classify(Throwable t) {
    if (t instanceof SynthosException s) {
      return s;
    }
    if (t instanceof OutOfMemoryError) {
      return new SynthosException(ErrorCode.OUT_OF_MEMORY, "the server ran out of memory", null, t);
    }
    return new SynthosException(
        ErrorCode.INTERNAL, "internal error: " + t.getClass().getSimpleName(), null, t);
  }

  static ErrorInfo errorInfo(SynthosException e) {
    return ErrorInfo.newBuilder()
        .setCode(e.code().code())
        .setName(e.code().name())
        .setMessage(Redaction.redact(e.getMessage()))
        .setRetryable(e.code().retryable())
        .setRetryAfterSeconds(retryAfterSeconds(e.code()))
        .setCategory(e.code().category().name())
        .build();
  }

  static StatusRuntimeException toGrpc(Throwable t) {
    SynthosException e = classify(t);
    Metadata trailers = new Metadata();
    trailers.put(ERROR_INFO_KEY, errorInfo(e));
    return Status.fromCode(grpcCode(e.code()))
        .withDescription(e.code().code() + " " + e.code().name() + ": " + e.getMessage())
        .asRuntimeException(trailers);
  }
}
