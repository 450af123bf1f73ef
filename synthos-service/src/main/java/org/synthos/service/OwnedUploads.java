package org.synthos.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Uploads as a caller makes them: in the caller's own namespace, audited (the name and, once
 * verified, the SHA-256), counted by transport and outcome, with the bytes received. The gRPC
 * stream and the HTTP body both go through {@link #begin}, {@link #chunk} and {@link #end}.
 */
final class OwnedUploads {
  private static final int HTTP_CHUNK = 1 << 20;

  private final UploadStore store;
  private final AuditTrail audit;
  private final ServiceMetrics metrics;

  OwnedUploads(UploadStore store, AuditTrail audit, ServiceMetrics metrics) {
    this.store = store;
    this.audit = audit;
    this.metrics = metrics;
  }

  /** Starts or resumes an upload; a refusal is audited and counted. */
  UploadStore.Session begin(
      Identity caller, String transport, String name, long total, String sha256, long offset) {
    try {
      String declared = sha256 == null ? null : UploadStore.checkSha256(sha256, "sha256");
      return store.begin(caller.name(), name, total, declared, offset);
    } catch (SynthosException e) {
      refused(caller, transport, name, e);
      throw e;
    }
  }

  /** Appends one chunk; a refused chunk ends the upload as {@link #end} would. */
  void chunk(UploadStore.Session session, ByteBuffer data, String runningSha256) {
    metrics.uploadBytes(data.remaining());
    session.write(data, runningSha256);
  }

  /**
   * Ends a stream. With no error, verifies and publishes the upload; otherwise records why it ended
   * ({@code interrupted}: the sender went away, and the partial stays for a resume).
   */
  UploadStore.Stored end(
      Identity caller,
      String transport,
      String name,
      UploadStore.Session session,
      boolean interrupted,
      SynthosException error) {
    try (session) {
      if (interrupted || error != null) {
        record(caller, transport, name, null, interrupted, error);
        return null;
      }
      UploadStore.Stored stored;
      try {
        stored = session.finish();
      } catch (SynthosException e) {
        record(caller, transport, name, null, false, e);
        throw e;
      }
      record(caller, transport, name, stored.sha256(), false, null);
      return stored;
    }
  }

  /**
   * A whole HTTP body. Not resumable: on any failure the partial is dropped, so nothing is left.
   *
   * @param length the declared length, or -1 for a chunked body
   * @param sha256 the declared SHA-256, or null to keep whatever arrives
   */
  UploadStore.Stored put(
      Identity caller, String name, InputStream body, long length, String sha256) {
    UploadStore.Session session = begin(caller, "http", name, length, sha256, 0);
    try {
      byte[] buf = new byte[HTTP_CHUNK];
      for (int n; (n = body.readNBytes(buf, 0, buf.length)) > 0; ) {
        chunk(session, ByteBuffer.wrap(buf, 0, n), null);
      }
    } catch (IOException e) {
      session.discard();
      end(caller, "http", name, session, true, null);
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "the request body broke off: " + e.getMessage(), null, e);
    } catch (SynthosException e) {
      session.discard();
      end(caller, "http", name, session, false, e);
      throw e;
    }
    try {
      return end(caller, "http", name, session, false, null);
    } catch (SynthosException e) {
      session.discard();
      throw e;
    }
  }

  UploadStore.Status status(Identity caller, String name) {
    try {
      UploadStore.Status s = store.status(caller.name(), UploadStore.checkName(name));
      audit.record(
          caller.name(),
          "upload_status",
          null,
          UploadStore.SCHEME + name,
          s.complete().map(UploadStore.Stored::sha256).orElse(null),
          "ok");
      return s;
    } catch (SynthosException e) {
      audit.record(
          caller.name(), "upload_status", null, UploadStore.SCHEME + name, null, e.code().name());
      throw e;
    }
  }

  private void refused(Identity caller, String transport, String name, SynthosException e) {
    record(caller, transport, name, null, false, e);
  }

  private void record(
      Identity caller,
      String transport,
      String name,
      String sha256,
      boolean interrupted,
      SynthosException error) {
    metrics.upload(transport, interrupted, error);
    audit.record(
        caller.name(),
        "upload",
        null,
        UploadStore.SCHEME + name,
        sha256,
        interrupted ? "interrupted" : error == null ? "ok" : error.code().name());
  }
}
