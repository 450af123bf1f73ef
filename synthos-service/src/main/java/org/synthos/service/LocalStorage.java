package org.synthos.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * A directory tree. Every key and every user-given path resolves inside the root; anything that
 * would escape it (by {@code ..}, an absolute path elsewhere or a symbolic link) is refused.
 */
final class LocalStorage implements Storage {
  private final Path root;

  LocalStorage(Path root) {
    try {
      Files.createDirectories(root);
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw classify(e, root.toString());
    }
  }

  Path root() {
    return root;
  }

  @Override
  public boolean accepts(String location) {
    return !location.contains("://") || location.startsWith("file:");
  }

  @Override
  public Path fetch(String location, Path tempDir) {
    Path p =
        resolve(location.startsWith("file:") ? Path.of(URI.create(location)).toString() : location);
    if (!Files.exists(p)) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND, "no such file in storage", Location.ofFile(location));
    }
    if (!Files.isRegularFile(p)) {
      throw new SynthosException(ErrorCode.NOT_A_FILE, "not a file", Location.ofFile(location));
    }
    return p;
  }

  /** The real path of {@code location} inside the root. */
  Path resolve(String location) {
    Path candidate = Path.of(location);
    Path p = (candidate.isAbsolute() ? candidate : root.resolve(candidate)).normalize();
    Path real = p;
    try {
      // Links are followed for the part that exists, so a link out of the root is caught too.
      Path existing = p;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null) {
        real = existing.toRealPath().resolve(existing.relativize(p));
      }
    } catch (IOException e) {
      throw classify(e, location);
    }
    if (!real.startsWith(root)) {
      throw new SynthosException(
          ErrorCode.PERMISSION_DENIED,
          "path is outside the storage root " + root,
          Location.ofFile(location));
    }
    return real;
  }

  @Override
  public void put(String key, byte[] data) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
      Files.write(tmp, data);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw classify(e, key);
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return Files.readAllBytes(resolve(key));
    } catch (IOException e) {
      throw classify(e, key);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public boolean delete(String key) {
    try {
      return Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw classify(e, key);
    }
  }

  @Override
  public List<String> list(String prefix) {
    Path base = resolve(prefix.isEmpty() ? "." : prefix);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(base)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw classify(e, prefix);
    }
  }

  @Override
  public void check() {
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw new SynthosException(
          ErrorCode.STORAGE_UNAVAILABLE, "storage root is not a writable directory: " + root);
    }
  }

  /** The one place local I/O failures become error codes. */
  static SynthosException classify(IOException e, String location) {
    Location where = Location.ofFile(location);
    if (e instanceof NoSuchFileException) {
      return new SynthosException(ErrorCode.FILE_NOT_FOUND, "no such file", where, e);
    }
    if (e instanceof AccessDeniedException) {
      return new SynthosException(ErrorCode.PERMISSION_DENIED, "permission denied", where, e);
    }
    return new SynthosException(
        ErrorCode.IO_FAILURE, "storage I/O failed: " + e.getMessage(), where, e);
  }
}
