package org.synthos.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * {@code /v1/datasets/NAME}: {@code PUT} stores the raw body as {@code upload://NAME} in the
 * caller's namespace (checked against {@code Content-SHA256} or {@code X-Checksum-SHA256}, hex or
 * base64, when given); {@code GET} answers the upload's status as JSON and {@code HEAD} as headers.
 */
final class HttpDatasets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpDatasets() {}

  static void handle(HttpExchange ex, Identity caller, OwnedUploads uploads, String name)
      throws IOException {
    switch (ex.getRequestMethod()) {
      case "PUT" -> {
        long length = contentLength(ex);
        UploadStore.Stored s =
            uploads.put(caller, name, ex.getRequestBody(), length, declaredSha256(ex));
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name());
        o.put("dataset_ref", s.ref());
        o.put("size_bytes", s.sizeBytes());
        o.put("sha256", s.sha256());
        ex.getResponseHeaders().set("Location", "/v1/datasets/" + s.name());
        HttpApi.sendJson(ex, 201, o);
      }
      case "GET" -> HttpApi.sendJson(ex, 200, json(uploads.status(caller, name)));
      case "HEAD" -> {
        UploadStore.Status s = uploads.status(caller, name);
        var h = ex.getResponseHeaders();
        h.set("X-Upload-Complete", Boolean.toString(s.complete().isPresent()));
        s.complete()
            .ifPresent(
                c -> {
                  h.set("X-Upload-Size", Long.toString(c.sizeBytes()));
                  h.set("X-Checksum-SHA256", c.sha256());
                });
        h.set("Upload-Offset", Long.toString(s.receivedBytes()));
        ex.sendResponseHeaders(200, -1);
      }
      default ->
          throw new SynthosException(
              ErrorCode.INVALID_ARGUMENT,
              "method " + ex.getRequestMethod() + " not allowed here; use PUT, GET or HEAD");
    }
  }

  static ObjectNode json(UploadStore.Status s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.put("dataset_ref", UploadStore.SCHEME + s.name());
    o.put("complete", s.complete().isPresent());
    s.complete().ifPresent(c -> o.put("size_bytes", c.sizeBytes()).put("sha256", c.sha256()));
    o.put("received_bytes", s.receivedBytes());
    o.put("partial_total_bytes", s.partialTotalBytes());
    o.put("partial_sha256", s.partialSha256());
    o.put("in_progress", s.inProgress());
    return o;
  }

  /** The declared body length, or -1 for a chunked body. */
  private static long contentLength(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "Content-Length is not a number");
    }
  }

  /** The SHA-256 the sender declared, as hex; null when it declared none. */
  static String declaredSha256(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("Content-SHA256");
    if (v == null) {
      v = ex.getRequestHeaders().getFirst("X-Checksum-SHA256");
    }
    if (v == null) {
      return null;
    }
    String t = v.strip();
    if (t.length() == 44) {
      // Base64, as S3's x-amz-checksum-sha256 writes it.
      try {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(t));
      } catch (IllegalArgumentException e) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "the SHA-256 header is neither hex nor base64");
      }
    }
    return UploadStore.checkSha256(t, "the SHA-256 header");
  }
}
