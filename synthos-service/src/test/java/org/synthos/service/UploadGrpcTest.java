package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.v1.UploadChunk;
import org.synthos.v1.UploadRequest;
import org.synthos.v1.UploadResponse;
import org.synthos.v1.UploadStart;
import org.synthos.v1.UploadStatusRequest;
import org.synthos.v1.UploadStatusResponse;
import org.synthos.v1.ValidationServiceGrpc;

/**
 * Uploads over gRPC with mutual TLS: a whole upload, a resume after a broken stream, a refused
 * chunk resumed before it, a bad checksum and an oversized upload that leave nothing under the
 * name, and names private to the caller.
 */
@Tag("integration")
class UploadGrpcTest {
  private static final int MAX_BYTES = 200_000;
  @TempDir static Path dir;
  static SynthosService service;
  static ManagedChannel channel;
  static byte[] candidate;

  @BeforeAll
  static void start() throws Exception {
    Certificates.Bundle certs = Certificates.generate(dir.resolve("certs"), Duration.ofDays(1));
    service =
        SynthosService.start(
            Harness.config(
                dir,
                "grpc.tls.cert",
                certs.serverCert().toString(),
                "grpc.tls.key",
                certs.serverKey().toString(),
                "grpc.tls.client_ca",
                certs.caCert().toString(),
                "uploads.max_bytes",
                Integer.toString(MAX_BYTES)));
    channel =
        io.grpc.Grpc.newChannelBuilderForAddress(
                "localhost",
                service.grpcPort(),
                TlsChannelCredentials.newBuilder()
                    .trustManager(certs.caCert().toFile())
                    .keyManager(certs.clientCert().toFile(), certs.clientKey().toFile())
                    .build())
            .build();
    candidate = Files.readAllBytes(Path.of("../examples/pairs/credit-g-candidate.csv"));
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    service.close();
  }

  static ValidationServiceGrpc.ValidationServiceBlockingStub blocking() {
    return ValidationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  static String sha256(byte[] data, int length) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(data, 0, length);
    return UploadStore.hex(d.digest());
  }

  /** An open upload stream and the answer it will get. */
  record Stream(StreamObserver<UploadRequest> requests, CompletableFuture<UploadResponse> answer) {
    void chunk(byte[] data, int from, int to, String runningSha256) {
      requests.onNext(
          UploadRequest.newBuilder()
              .setChunk(
                  UploadChunk.newBuilder()
                      .setData(ByteString.copyFrom(data, from, to - from))
                      .setRunningSha256(runningSha256))
              .build());
    }

    UploadResponse finish() throws Exception {
      requests.onCompleted();
      return answer.get(30, TimeUnit.SECONDS);
    }
  }

  static Stream open(String name, long total, String sha256, long offset) {
    CompletableFuture<UploadResponse> answer = new CompletableFuture<>();
    StreamObserver<UploadRequest> requests =
        ValidationServiceGrpc.newStub(channel)
            .upload(
                new StreamObserver<>() {
                  @Override
                  public void onNext(UploadResponse r) {
                    answer.complete(r);
                  }

                  @Override
                  public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(
        UploadRequest.newBuilder()
            .setStart(
                UploadStart.newBuilder()
                    .setName(name)
                    .setTotalBytes(total)
                    .setSha256(sha256)
                    .setOffset(offset))
            .build());
    return new Stream(requests, answer);
  }

  /** Sends {@code data[from, length)} in 8 KiB chunks. */
  static Stream send(Stream s, byte[] data, int from) {
    for (int at = from; at < data.length; at += 8192) {
      s.chunk(data, at, Math.min(data.length, at + 8192), "");
    }
    return s;
  }

  static UploadStatusResponse status(String name) {
    return blocking().uploadStatus(UploadStatusRequest.newBuilder().setName(name).build());
  }

  /** Bytes the server holds for {@code name}; 0 until the stream's first message has arrived. */
  static long receivedSoFar(String name) {
    try {
      return status(name).getReceivedBytes();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return 0;
      }
      throw e;
    }
  }

  static StatusRuntimeException failure(Stream s) {
    s.requests().onCompleted();
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> s.answer().get(30, TimeUnit.SECONDS));
    return (StatusRuntimeException) e.getCause();
  }

  static int code(StatusRuntimeException e) {
    return e.getTrailers().get(ErrorMapping.ERROR_INFO_KEY).getCode();
  }

  @Test
  void aWholeUploadIsStoredUnderItsNameWithItsHash() throws Exception {
    String sha = sha256(candidate, candidate.length);
    UploadResponse r = send(open("whole.csv", candidate.length, sha, 0), candidate, 0).finish();
    assertThat(r.getDatasetRef()).isEqualTo("upload://whole.csv");
    assertThat(r.getSizeBytes()).isEqualTo(candidate.length);
    assertThat(r.getSha256()).isEqualTo(sha);
    UploadStatusResponse s = status("whole.csv");
    assertThat(s.getComplete()).isTrue();
    assertThat(s.getSha256()).isEqualTo(sha);
    assertThat(s.getReceivedBytes()).isZero();
  }

  @Test
  void aBrokenStreamResumesFromWhatTheServerHolds() throws Exception {
    String sha = sha256(candidate, candidate.length);
    Stream first = open("resumed.csv", candidate.length, sha, 0);
    int sent = candidate.length / 2;
    for (int at = 0; at < sent; at += 8192) {
      first.chunk(candidate, at, Math.min(sent, at + 8192), "");
    }
    await(() -> receivedSoFar("resumed.csv") > 0);
    first.requests().onError(new IllegalStateException("the connection broke"));
    await(() -> !status("resumed.csv").getInProgress());

    UploadStatusResponse held = status("resumed.csv");
    assertThat(held.getComplete()).isFalse();
    assertThat(held.getReceivedBytes()).isBetween(1L, (long) sent);
    assertThat(held.getPartialSha256()).isEqualTo(sha);
    assertThat(held.getPartialTotalBytes()).isEqualTo(candidate.length);

    // Resuming at another offset than the one held is refused, and changes nothing.
    StatusRuntimeException wrong =
        failure(open("resumed.csv", candidate.length, sha, held.getReceivedBytes() + 1));
    assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(code(wrong)).isEqualTo(1030);

    int offset = (int) held.getReceivedBytes();
    UploadResponse done =
        send(open("resumed.csv", candidate.length, sha, offset), candidate, offset).finish();
    assertThat(done.getSha256()).isEqualTo(sha);
    assertThat(done.getSizeBytes()).isEqualTo(candidate.length);
    assertThat(status("resumed.csv").getReceivedBytes()).isZero();
  }

  @Test
  void aChunkWithAWrongRunningHashIsRefusedAndTheUploadResumesBeforeIt() throws Exception {
    String sha = sha256(candidate, candidate.length);
    Stream s = open("running.csv", candidate.length, sha, 0);
    s.chunk(candidate, 0, 10_000, sha256(candidate, 10_000));
    byte[] corrupt = Arrays.copyOf(candidate, candidate.length);
    corrupt[15_000] ^= 1;
    s.chunk(corrupt, 10_000, 20_000, sha256(candidate, 20_000));
    StatusRuntimeException e = failure(s);
    assertThat(code(e)).isEqualTo(1029);
    await(() -> !status("running.csv").getInProgress());
    assertThat(status("running.csv").getReceivedBytes()).isEqualTo(10_000);
    UploadResponse done =
        send(open("running.csv", candidate.length, sha, 10_000), candidate, 10_000).finish();
    assertThat(done.getSha256()).isEqualTo(sha);
  }

  @Test
  void aBadChecksumLeavesNothingAndKeepsAnEarlierUpload() throws Exception {
    String sha = sha256(candidate, candidate.length);
    String wrong = sha256(candidate, 100);
    StatusRuntimeException e =
        failure(send(open("bad.csv", candidate.length, wrong, 0), candidate, 0));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(code(e)).isEqualTo(1029);
    assertThatThrownBy(() -> status("bad.csv"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            x -> assertThat(x.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

    send(open("kept.csv", candidate.length, sha, 0), candidate, 0).finish();
    byte[] other = Arrays.copyOf(candidate, candidate.length);
    other[0] = 'X';
    failure(send(open("kept.csv", other.length, sha, 0), other, 0));
    UploadStatusResponse kept = status("kept.csv");
    assertThat(kept.getComplete()).isTrue();
    assertThat(kept.getSha256()).isEqualTo(sha);
    assertThat(kept.getReceivedBytes()).isZero();
  }

  @Test
  void anOversizedUploadIsRefusedBeforeAnyByte() throws Exception {
    StatusRuntimeException e =
        failure(open("big.csv", MAX_BYTES + 1L, sha256(candidate, candidate.length), 0));
    assertThat(code(e)).isEqualTo(1031);
    assertThatThrownBy(() -> status("big.csv")).isInstanceOf(StatusRuntimeException.class);

    // A stream that sends more than it declared is dropped too.
    StatusRuntimeException more =
        failure(send(open("more.csv", 1000, sha256(candidate, 1000), 0), candidate, 0));
    assertThat(more.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThatThrownBy(() -> status("more.csv")).isInstanceOf(StatusRuntimeException.class);
  }

  @Test
  void uploadsArePrivateToTheCaller() throws Exception {
    send(open("mine.csv", candidate.length, sha256(candidate, candidate.length), 0), candidate, 0)
        .finish();
    // The HTTP listener serves this loopback test anonymously: another namespace.
    var r =
        HttpCalls.send(
            "http://127.0.0.1:" + service.httpPort(),
            "POST",
            "/v1/validations",
            "{\"dataset_uri\":\"upload://mine.csv\"}",
            null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("1001");
  }

  interface Check {
    boolean holds() throws Exception;
  }

  static void await(Check c) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!c.holds()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not reached in 20 s");
      }
      Thread.sleep(20);
    }
  }
}
