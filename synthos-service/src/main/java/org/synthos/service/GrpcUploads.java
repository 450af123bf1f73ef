package org.synthos.service;

import io.grpc.stub.StreamObserver;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.v1.UploadRequest;
import org.synthos.v1.UploadResponse;
import org.synthos.v1.UploadStart;
import org.synthos.v1.UploadStatusResponse;

/**
 * The gRPC side of uploads: the client stream of {@code Upload} (an {@link UploadStart}, then
 * chunks) and the answer of {@code UploadStatus}. A stream the client cancels or loses keeps its
 * partial for a resume; a refused chunk ends the call with the chunk's error.
 */
final class GrpcUploads {
  private GrpcUploads() {}

  static StreamObserver<UploadRequest> stream(
      OwnedUploads uploads, Identity caller, StreamObserver<UploadResponse> out) {
    return new StreamObserver<>() {
      private UploadStore.Session session;
      private String name;
      private boolean done;

      @Override
      public void onNext(UploadRequest r) {
        if (done) {
          return;
        }
        try {
          if (session == null) {
            if (!r.hasStart()) {
              throw new SynthosException(
                  ErrorCode.INVALID_ARGUMENT, "the first message of an upload is UploadStart");
            }
            UploadStart s = r.getStart();
            name = s.getName();
            session =
                uploads.begin(
                    caller, "grpc", name, s.getTotalBytes(), s.getSha256(), s.getOffset());
          } else if (r.hasChunk()) {
            uploads.chunk(
                session,
                r.getChunk().getData().asReadOnlyByteBuffer(),
                r.getChunk().getRunningSha256());
          } else {
            throw new SynthosException(
                ErrorCode.INVALID_ARGUMENT, "UploadStart may only be the first message");
          }
        } catch (RuntimeException e) {
          done = true;
          SynthosException x = ErrorMapping.classify(e);
          if (session != null) {
            uploads.end(caller, "grpc", name, session, false, x);
          }
          out.onError(ErrorMapping.toGrpc(x));
        }
      }

      @Override
      public void onError(Throwable t) {
        // The client cancelled or the connection broke: the partial stays for a resume.
        if (!done) {
          done = true;
          if (session != null) {
            uploads.end(caller, "grpc", name, session, true, null);
          }
        }
      }

      @Override
      public void onCompleted() {
        if (done) {
          return;
        }
        done = true;
        try {
          if (session == null) {
            throw new SynthosException(
                ErrorCode.INVALID_ARGUMENT, "an upload needs UploadStart and at least one chunk");
          }
          UploadStore.Stored s = uploads.end(caller, "grpc", name, session, false, null);
          out.onNext(
              UploadResponse.newBuilder()
                  .setName(s.name())
                  .setDatasetRef(s.ref())
                  .setSizeBytes(s.sizeBytes())
                  .setSha256(s.sha256())
                  .build());
          out.onCompleted();
        } catch (RuntimeException e) {
          out.onError(ErrorMapping.toGrpc(e));
        }
      }
    };
  }

  static UploadStatusResponse status(UploadStore.Status s) {
    UploadStatusResponse.Builder b =
        UploadStatusResponse.newBuilder()
            .setName(s.name())
            .setDatasetRef(UploadStore.SCHEME + s.name())
            .setComplete(s.complete().isPresent())
            .setReceivedBytes(s.receivedBytes())
            .setPartialTotalBytes(s.partialTotalBytes())
            .setPartialSha256(s.partialSha256())
            .setInProgress(s.inProgress());
    s.complete().ifPresent(c -> b.setSizeBytes(c.sizeBytes()).setSha256(c.sha256()));
    return b.build();
  }
}
