package org.synthos.service;

import java.nio.file.Path;
import java.util.List;

/**
 * Where inputs are read from and reports written to. Keys are relative paths ({@code
 * reports/job.json}); locations given by users are URIs or paths, resolved by {@link #fetch}.
 * Implementations classify their failures in one place each into {@link
 * org.synthos.api.SynthosException}s: FILE_NOT_FOUND, PERMISSION_DENIED, INVALID_ARGUMENT (a path
 * that escapes the root) or the retryable STORAGE_UNAVAILABLE.
 */
interface Storage extends AutoCloseable {
  /**
   * A local file holding the data at {@code location}; remote objects are downloaded into {@code
   * tempDir} first, local ones are returned in place.
   */
  Path fetch(String location, Path tempDir);

  /**
   * As {@link #fetch(String, Path)}, for a location that may belong to a caller: {@code
   * upload://NAME} means NAME in {@code owner}'s uploads.
   */
  default Path fetch(String location, String owner, Path tempDir) {
    return fetch(location, tempDir);
  }

  /** Whether this storage serves {@code location}. */
  boolean accepts(String location);

  void put(String key, byte[] data);

  byte[] get(String key);

  boolean exists(String key);

  /** False when there was nothing to delete. */
  boolean delete(String key);

  /** Keys under a prefix, sorted. */
  List<String> list(String prefix);

  /** Readiness: throws STORAGE_UNAVAILABLE when the storage cannot be used now. */
  void check();

  @Override
  default void close() {}
}
