package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import org.synthos.api.ErrorCategory;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.v1.ErrorInfo;

/** Laws of the one error mapping, over every code and any message. */
@Tag("laws")
class ErrorMappingLawsTest {

  @Property(tries = 300)
  void theTrailerNamedInTheApiRoundTripsTheCodeAndTheHint(
      @ForAll ErrorCode code, @ForAll String message) {
    StatusRuntimeException e = ErrorMapping.toGrpc(new SynthosException(code, message));
    ErrorInfo info =
        e.getTrailers()
            .get(
                Metadata.Key.of(
                    "synthos-error-bin",
                    ProtoUtils.metadataMarshaller(ErrorInfo.getDefaultInstance())));
    assertThat(info.getCode()).isEqualTo(code.code());
    assertThat(info.getName()).isEqualTo(code.name());
    assertThat(info.getMessage()).isEqualTo(message);
    assertThat(info.getRetryable()).isEqualTo(code.retryable());
    assertThat(info.getRetryAfterSeconds() > 0).isEqualTo(code.retryable());
    assertThat(info.getCategory()).isEqualTo(code.category().name());
    assertThat(e.getStatus().getCode()).isEqualTo(ErrorMapping.grpcCode(code));
  }

  @Property
  void statusesFollowTheCodeFamilies(@ForAll ErrorCode code) {
    int http = ErrorMapping.httpStatus(code);
    Status.Code grpc = ErrorMapping.grpcCode(code);
    assertThat(grpc).isNotIn(Status.Code.OK, Status.Code.UNKNOWN);
    if (code.category() == ErrorCategory.USER || code.category() == ErrorCategory.DATA) {
      assertThat(http).isBetween(400, 499);
    }
    if (code.category() == ErrorCategory.INTERNAL) {
      assertThat(http).isEqualTo(500);
      assertThat(grpc).isEqualTo(Status.Code.INTERNAL);
    }
    if (code.code() / 1000 == 1) {
      assertThat(code.category()).isIn(ErrorCategory.USER, ErrorCategory.DATA);
    }
    if (code == ErrorCode.QUEUE_FULL) {
      assertThat(http).isEqualTo(429);
      assertThat(grpc).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }
  }

  @Property(tries = 100)
  void unknownFailuresAreInternalAndNeverLeakTheirMessage(@ForAll String secret) {
    SynthosException e = ErrorMapping.classify(new IllegalStateException(secret));
    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(e.getMessage()).isEqualTo("internal error: IllegalStateException");
  }
}
