package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * The append-only audit trail: one JSON line per security-relevant event in {@code
 * DIR/audit.jsonl}. Each line holds the SHA-256 of the previous line ({@code prev}) and its own
 * ({@code hash}, over the line's text up to that field), so a changed, removed or reordered line
 * breaks the chain ({@link AuditVerifier}). A file past the size limit is renamed {@code
 * audit-TIME-SEQ.jsonl}; the new file starts with a {@code rotated} entry whose {@code prev} is the
 * last hash of the old one, so the chain runs on across files. Appends hold a file lock, so the
 * service and {@code synthos keys} can write to the same trail.
 */
final class AuditTrail {
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
  static final String GENESIS = "0".repeat(64);
  static final String FILE = "audit.jsonl";
  static final String ROTATED = "rotated";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private static final java.util.Map<Path, Object> MONITORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Path dir;
  private final long maxBytes;
  private final Runnable onWriteFailure;

  /** The command line's trail: writes its file only, and a failed write is an error. */
  AuditTrail(Path dir, long maxBytes) {
    this(dir, maxBytes, null);
  }

  /**
   * The service's trail: each entry, with its hash, also goes to the log (a copy of the chain's
   * progress kept off the file, which anchors it), and a failed write is logged and counted by
   * {@code onWriteFailure} instead of failing the caller's request.
   */
  AuditTrail(Path dir, long maxBytes, Runnable onWriteFailure) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.onWriteFailure = onWriteFailure;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  Path current() {
    return dir.resolve(FILE);
  }

  /**
   * Appends one event. Null fields are written as JSON null.
   *
   * @param outcome {@code ok}, or what went wrong (an error code name)
   */
  void record(
      String identity,
      String action,
      String job,
      String dataset,
      String datasetHash,
      String outcome) {
    // The file lock orders writers in different processes; a JVM holds one such lock at a time,
    // so trails in this process that share a directory take turns on one monitor first.
    synchronized (MONITORS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object())) {
      appendLocked(identity, action, job, dataset, datasetHash, outcome);
    }
  }

  private void appendLocked(
      String identity,
      String action,
      String job,
      String dataset,
      String datasetHash,
      String outcome) {
    try (FileChannel lockChannel =
        FileChannel.open(
            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = lockChannel.lock();
      try {
        Tail tail = tail(current());
        if (tail.bytes() >= maxBytes) {
          Path old =
              dir.resolve("audit-" + STAMP.format(Instant.now()) + "-" + tail.seq() + ".jsonl");
          Files.move(current(), old, StandardCopyOption.ATOMIC_MOVE);
          tail =
              append(
                  new Tail(tail.seq(), tail.hash(), 0),
                  "system",
                  ROTATED,
                  null,
                  null,
                  null,
                  "continues " + old.getFileName());
        }
        append(tail, identity, action, job, dataset, datasetHash, outcome);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      if (onWriteFailure == null) {
        throw failure(e);
      }
      onWriteFailure.run();
      LOG.log(
          java.util.logging.Level.SEVERE,
          "audit record not written: " + action + " by " + identity + ": " + e.getMessage(),
          e);
    }
  }

  private record Tail(long seq, String hash, long bytes) {}

  private Tail append(
      Tail tail,
      String identity,
      String action,
      String job,
      String dataset,
      String datasetHash,
      String outcome)
      throws IOException {
    long seq = tail.seq() + 1;
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", seq);
    o.put("time", Instant.now().toString());
    o.put("identity", identity);
    o.put("action", action);
    o.put("job", job);
    o.put("dataset", dataset);
    o.put("dataset_hash", datasetHash);
    o.put("outcome", outcome);
    o.put("prev", tail.hash());
    String body = JSON.writeValueAsString(o);
    String hash = AuditVerifier.sha256(body);
    String line = sealedLine(body, hash) + "\n";
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Files.write(
        current(),
        bytes,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
    if (onWriteFailure != null) {
      LOG.info(
          "audit "
              + action
              + " by "
              + identity
              + (job == null ? "" : " on " + job)
              + ": "
              + outcome
              + " (hash "
              + hash
              + ")");
    }
    return new Tail(seq, hash, tail.bytes() + bytes.length);
  }

  /** The line as written: the body with its own hash as the last field. */
  static String sealedLine(String body, String hash) {
    return body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
  }

  /** The last entry's sequence number and hash (-1 and GENESIS for an empty trail). */
  private static Tail tail(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return new Tail(-1, GENESIS, 0);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      long end = size - 1;
      long start = end - 1;
      // Lines are short; walk back to the previous line break.
      while (start >= 0) {
        f.seek(start);
        if (f.read() == '\n') {
          break;
        }
        start--;
      }
      byte[] last = new byte[(int) (end - start - 1)];
      f.seek(start + 1);
      f.readFully(last);
      JsonNode n = JSON.readTree(last);
      if (n == null || !n.path("hash").isTextual()) {
        throw new IOException("the last audit entry of " + file + " is damaged");
      }
      return new Tail(n.path("seq").asLong(), n.path("hash").asText(), size);
    }
  }

  private SynthosException failure(IOException e) {
    return new SynthosException(
        ErrorCode.IO_FAILURE,
        "the audit trail cannot be written: " + e.getMessage(),
        Location.ofFile(dir.toString()),
        e);
  }
}
