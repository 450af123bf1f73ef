package org.synthos.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Sends each location to the storage that serves it: {@code s3://} to S3 when configured, {@code
 * upload://} to the caller's uploads, paths and {@code file:} URIs to the local root. Keys
 * (reports) go to the local root.
 */
final class StorageRouter implements Storage {
  private final LocalStorage local;
  private final Optional<Storage> s3;
  private final Optional<UploadStore> uploads;

  StorageRouter(LocalStorage local, Optional<Storage> s3, Optional<UploadStore> uploads) {
    this.local = local;
    this.s3 = s3;
    this.uploads = uploads;
  }

  static StorageRouter from(ServiceConfig.StorageSettings settings) {
    return from(settings, Optional.empty());
  }

  static StorageRouter from(ServiceConfig.StorageSettings settings, Optional<UploadStore> uploads) {
    LocalStorage local = new LocalStorage(settings.localRoot());
    Optional<Storage> s3 = settings.s3().map(c -> new S3Storage(c));
    return new StorageRouter(local, s3, uploads);
  }

  private Storage route(String location) {
    if (UploadStore.isRef(location)) {
      // Reached only without an owner: upload:// names mean nothing outside a caller's namespace.
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "upload:// datasets are read for the caller who uploaded them only",
          Location.ofFile(location));
    }
    if (location.startsWith("s3://")) {
      return s3.orElseThrow(
          () ->
              new SynthosException(
                  ErrorCode.INVALID_ARGUMENT,
                  "s3:// inputs need storage.s3.enabled: true in the configuration",
                  Location.ofFile(location)));
    }
    if (!local.accepts(location)) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "unsupported location; use a path, file: or s3:// URI",
          Location.ofFile(location));
    }
    return local;
  }

  @Override
  public Path fetch(String location, Path tempDir) {
    return route(location).fetch(location, tempDir);
  }

  @Override
  public Path fetch(String location, String owner, Path tempDir) {
    if (UploadStore.isRef(location) && uploads.isPresent()) {
      return uploads.get().fetch(owner, location, tempDir);
    }
    return fetch(location, tempDir);
  }

  @Override
  public boolean accepts(String location) {
    if (UploadStore.isRef(location)) {
      return uploads.isPresent();
    }
    return location.startsWith("s3://") ? s3.isPresent() : local.accepts(location);
  }

  @Override
  public void put(String key, byte[] data) {
    local.put(key, data);
  }

  @Override
  public byte[] get(String key) {
    return local.get(key);
  }

  @Override
  public boolean exists(String key) {
    return local.exists(key);
  }

  @Override
  public boolean delete(String key) {
    return local.delete(key);
  }

  @Override
  public List<String> list(String prefix) {
    return local.list(prefix);
  }

  @Override
  public void check() {
    local.check();
    s3.ifPresent(Storage::check);
  }

  @Override
  public void close() {
    s3.ifPresent(Storage::close);
  }
}
