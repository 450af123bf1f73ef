package org.synthos.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Datasets callers upload, each caller in a namespace of its own (a directory named by a hash of
 * its identity). Per namespace, under a {@link LocalStorage} root that confines every path:
 *
 * <ul>
 *   <li>{@code objects/SHA256}: verified contents, named by their hash and never changed;
 *   <li>{@code names/NAME}: which object a name means ({@code "sha256 size"}), replaced atomically;
 *   <li>{@code partial/NAME.part} and {@code NAME.meta}: an upload in progress or interrupted.
 * </ul>
 *
 * <p>A name appears, or changes, only when a complete upload has matched its declared SHA-256:
 * bytes go to the partial, the partial becomes an object by an atomic move, then the name is
 * pointed at it. A failure at any point leaves the name as it was. Jobs get a hard link to the
 * object (a copy where links fail), so a name replaced while a job runs does not change its input,
 * and the replaced object can be removed.
 */
final class UploadStore {
  private static final Logger LOG = Logger.getLogger(UploadStore.class.getName());

  /** The scheme of dataset references: {@code upload://NAME}. */
  static final String SCHEME = "upload://";

  private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}";
  private static final String SHA256_PATTERN = "[0-9a-f]{64}";

  private final LocalStorage root;
  private final long maxBytes;
  private final Duration partialTtl;
  private final Set<String> open = ConcurrentHashMap.newKeySet();

  UploadStore(ServiceConfig.Uploads config) {
    this.root = new LocalStorage(config.root());
    this.maxBytes = config.maxBytes();
    this.partialTtl = config.partialTtl();
  }

  long maxBytes() {
    return maxBytes;
  }

  /** A verified upload. */
  record Stored(String name, long sizeBytes, String sha256) {
    String ref() {
      return SCHEME + name;
    }
  }

  /** What a namespace holds under a name: the verified upload and any partial one. */
  record Status(
      String name,
      Optional<Stored> complete,
      long receivedBytes,
      long partialTotalBytes,
      String partialSha256,
      boolean inProgress) {}

  static boolean isRef(String location) {
    return location.startsWith(SCHEME);
  }

  /** The name in {@code upload://NAME}; INVALID_ARGUMENT when it is not a valid reference. */
  static String nameOf(String ref) {
    return checkName(ref.substring(SCHEME.length()));
  }

  static String checkName(String name) {
    if (!name.matches(NAME_PATTERN)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "an upload name is 1 to 128 characters of letters, digits, '.', '_' and '-', not starting"
              + " with '.' or '-'; got '"
              + name
              + "'");
    }
    return name;
  }

  /** Lower-case hex; INVALID_ARGUMENT unless it is 64 hex digits. */
  static String checkSha256(String hex, String what) {
    String h = hex.strip().toLowerCase(java.util.Locale.ROOT);
    if (!h.matches(SHA256_PATTERN)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, what + " must be 64 hexadecimal digits of SHA-256");
    }
    return h;
  }

  /** The directory of one caller: a hash of the identity, so no name reaches another's. */
  private static String namespace(String owner) {
    return "ns-" + hex(digest().digest(owner.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
  }

  private Path path(String owner, String kind, String file) {
    return root.resolve(namespace(owner) + "/" + kind + "/" + file);
  }

  /** The verified upload under {@code name}, if any. */
  Optional<Stored> stored(String owner, String name) {
    Path pointer = path(owner, "names", checkName(name));
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    String[] parts = readText(pointer).strip().split(" ");
    return Optional.of(new Stored(name, Long.parseLong(parts[1]), parts[0]));
  }

  /** NOT_FOUND when there is neither a verified nor a partial upload under the name. */
  Status status(String owner, String name) {
    Optional<Stored> complete = stored(owner, name);
    Optional<Partial> partial = partial(owner, name);
    if (complete.isEmpty() && partial.isEmpty()) {
      throw new SynthosException(ErrorCode.NOT_FOUND, "no upload named '" + name + "'");
    }
    return new Status(
        name,
        complete,
        partial.map(Partial::received).orElse(0L),
        partial.map(Partial::total).orElse(0L),
        partial.map(Partial::sha256).orElse(""),
        open.contains(namespace(owner) + "/" + name));
  }

  /**
   * A local file with the contents of {@code ref}, linked (or copied) into {@code tempDir} so that
   * it stays the same while a job reads it.
   */
  Path fetch(String owner, String ref, Path tempDir) {
    String name = nameOf(ref);
    Stored s =
        stored(owner, name)
            .orElseThrow(
                () ->
                    new SynthosException(
                        ErrorCode.FILE_NOT_FOUND,
                        "no upload named '" + name + "'; upload it first",
                        Location.ofFile(ref)));
    Path object = path(owner, "objects", s.sha256());
    try {
      Path dir = Files.createDirectories(tempDir.resolve("uploads"));
      Path local = dir.resolve(name);
      Files.deleteIfExists(local);
      try {
        Files.createLink(local, object);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(object, local);
      }
      return local;
    } catch (IOException e) {
      throw LocalStorage.classify(e, ref);
    }
  }

  private record Partial(long received, long total, String sha256) {}

  private Optional<Partial> partial(String owner, String name) {
    Path part = path(owner, "partial", name + ".part");
    Path meta = path(owner, "partial", name + ".meta");
    if (!Files.isRegularFile(part) || !Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    try {
      String[] m = readText(meta).strip().split(" ");
      return Optional.of(new Partial(Files.size(part), Long.parseLong(m[1]), m[0]));
    } catch (IOException e) {
      throw LocalStorage.classify(e, SCHEME + name);
    }
  }

  /**
   * Starts or resumes an upload. Offset 0 starts afresh; any other offset must be exactly what the
   * partial holds, for the same size and hash.
   *
   * @param total the declared size, or -1 when unknown (an HTTP body without a length)
   * @param sha256 the declared hash, or null to accept whatever arrives (HTTP without a header)
   * @throws SynthosException UPLOAD_TOO_LARGE, UPLOAD_CONFLICT or INVALID_ARGUMENT
   */
  Session begin(String owner, String name, long total, String sha256, long offset) {
    checkName(name);
    if (total > maxBytes) {
      throw tooLarge(total);
    }
    if (total == 0 || total < -1 || offset < 0 || (total >= 0 && offset > total)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "total_bytes must be positive and offset within it; got " + total + " and " + offset);
    }
    String key = namespace(owner) + "/" + name;
    if (!open.add(key)) {
      throw new SynthosException(
          ErrorCode.UPLOAD_CONFLICT,
          "an upload of '" + name + "' is in progress; ask for its status once it has ended");
    }
    try {
      sweep(owner);
      return new Session(owner, name, key, total, sha256, offset);
    } catch (RuntimeException e) {
      open.remove(key);
      throw e;
    }
  }

  private SynthosException tooLarge(long size) {
    return new SynthosException(
        ErrorCode.UPLOAD_TOO_LARGE,
        "the upload has "
            + size
            + " bytes, over the limit of "
            + maxBytes
            + " (uploads.max_bytes)");
  }

  /** Drops the caller's partial uploads untouched for longer than the partial time-to-live. */
  private void sweep(String owner) {
    Path dir = path(owner, "partial", "x").getParent();
    if (!Files.isDirectory(dir)) {
      return;
    }
    FileTime limit = FileTime.fromMillis(System.currentTimeMillis() - partialTtl.toMillis());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".part")
            && !open.contains(namespace(owner) + "/" + n.substring(0, n.length() - 5))
            && Files.getLastModifiedTime(f).compareTo(limit) < 0) {
          Files.deleteIfExists(f);
          Files.deleteIfExists(dir.resolve(n.substring(0, n.length() - 5) + ".meta"));
        }
      }
    } catch (IOException e) {
      LOG.warning("could not sweep stale partial uploads: " + e.getMessage());
    }
  }

  /**
   * One upload stream. {@link #write} appends verified bytes to the partial; {@link #finish} checks
   * the whole and publishes it under the name; {@link #close} releases the name, keeping the
   * partial for a resume unless {@link #discard} was called.
   */
  final class Session implements AutoCloseable {
    private final String owner;
    private final String name;
    private final String key;
    private final long total;
    private final String sha256;
    private final Path part;
    private final Path meta;
    private final MessageDigest digest = digest();
    private final FileChannel channel;
    private long received;
    private boolean closed;

    private Session(String owner, String name, String key, long total, String sha256, long offset) {
      this.owner = owner;
      this.name = name;
      this.key = key;
      this.total = total;
      this.sha256 = sha256;
      this.part = path(owner, "partial", name + ".part");
      this.meta = path(owner, "partial", name + ".meta");
      try {
        Files.createDirectories(part.getParent());
        if (offset > 0) {
          Partial held =
              partial(owner, name)
                  .orElseThrow(() -> conflict("there is no partial upload to resume"));
          if (held.received() != offset || held.total() != total || !held.sha256().equals(sha256)) {
            throw conflict(
                "the partial upload holds "
                    + held.received()
                    + " of "
                    + held.total()
                    + " bytes for another size or hash than declared, or not the offset "
                    + offset);
          }
          // The digest state is not kept between streams: it is rebuilt from the bytes held.
          try (InputStream in = Files.newInputStream(part)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
              digest.update(buf, 0, n);
            }
          }
          received = offset;
        } else {
          Files.deleteIfExists(part);
          String declared = (sha256 == null ? "-" : sha256) + " " + total + "\n";
          root.put(root.root().relativize(meta).toString(), declared.getBytes(UTF8));
        }
        this.channel =
            FileChannel.open(
                part,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw LocalStorage.classify(e, SCHEME + name);
      }
    }

    private SynthosException conflict(String why) {
      return new SynthosException(
          ErrorCode.UPLOAD_CONFLICT,
          "cannot resume '" + name + "': " + why + "; ask for its status and resume from there");
    }

    long received() {
      return received;
    }

    /**
     * Appends a chunk. With {@code runningSha256}, the hash of every byte so far must match it, or
     * the chunk is refused before it is written, so the upload can resume before it.
     */
    void write(ByteBuffer data, String runningSha256) {
      long after = received + data.remaining();
      if (after > (total >= 0 ? total : maxBytes)) {
        discard();
        throw total >= 0
            ? new SynthosException(
                ErrorCode.INVALID_ARGUMENT,
                "more bytes arrived than the " + total + " declared; the upload is dropped")
            : tooLarge(after);
      }
      if (runningSha256 != null && !runningSha256.isEmpty()) {
        MessageDigest trial = cloneDigest();
        trial.update(data.duplicate());
        if (!hex(trial.digest()).equals(checkSha256(runningSha256, "running_sha256"))) {
          throw new SynthosException(
              ErrorCode.CHECKSUM_MISMATCH,
              "the chunk ending at byte "
                  + after
                  + " does not match its running SHA-256; resume from "
                  + received);
        }
      }
      digest.update(data.duplicate());
      try {
        while (data.hasRemaining()) {
          channel.write(data);
        }
      } catch (IOException e) {
        throw LocalStorage.classify(e, SCHEME + name);
      }
      received = after;
    }

    private MessageDigest cloneDigest() {
      try {
        return (MessageDigest) digest.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
      }
    }

    /**
     * Checks the size and hash of what arrived and publishes it under the name.
     *
     * @throws SynthosException INVALID_ARGUMENT when bytes are missing, CHECKSUM_MISMATCH when the
     *     hash differs (the partial is dropped then: no part of it can be trusted)
     */
    Stored finish() {
      if (total >= 0 && received != total) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "the stream ended after "
                + received
                + " of "
                + total
                + " bytes; resume from "
                + received);
      }
      if (received == 0) {
        discard();
        throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "the upload is empty");
      }
      String got = hex(digest.digest());
      if (sha256 != null && !got.equals(sha256)) {
        discard();
        throw new SynthosException(
            ErrorCode.CHECKSUM_MISMATCH,
            "the " + received + " bytes received have SHA-256 " + got + ", not " + sha256);
      }
      try {
        channel.force(true);
        channel.close();
        Path object = path(owner, "objects", got);
        Files.createDirectories(object.getParent());
        Optional<Stored> before = stored(owner, name);
        Files.move(
            part, object, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(meta);
        Path pointer = path(owner, "names", name);
        root.put(root.root().relativize(pointer).toString(), (got + " " + received).getBytes(UTF8));
        before
            .filter(b -> !b.sha256().equals(got) && !referenced(b.sha256()))
            .ifPresent(b -> deleteQuietly(path(owner, "objects", b.sha256())));
      } catch (IOException e) {
        throw LocalStorage.classify(e, SCHEME + name);
      }
      return new Stored(name, received, got);
    }

    /** Whether another name of this namespace still means the object. */
    private boolean referenced(String objectSha) {
      Path names = path(owner, "names", "x").getParent();
      try (Stream<Path> all = Files.list(names)) {
        return all.anyMatch(p -> readText(p).startsWith(objectSha + " "));
      } catch (IOException e) {
        // Kept when unsure: an unreferenced object costs space, a missing one a dataset.
        return true;
      }
    }

    /** Drops the partial upload: what it holds cannot be resumed. */
    void discard() {
      closeChannel();
      deleteQuietly(part);
      deleteQuietly(meta);
    }

    private void closeChannel() {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.fine("closing a partial upload failed: " + e.getMessage());
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        closeChannel();
        open.remove(key);
      }
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String readText(Path p) {
    try {
      return Files.readString(p, UTF8);
    } catch (IOException e) {
      throw LocalStorage.classify(e, p.getFileName().toString());
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warning("could not delete " + p.getFileName() + ": " + e.getMessage());
    }
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
