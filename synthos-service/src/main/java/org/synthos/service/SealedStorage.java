package org.synthos.service;

import java.nio.file.Path;
import java.util.List;

/**
 * Storage whose stored objects (reports) are encrypted with the data key, each bound to its key
 * name. User inputs ({@link #fetch}) are read as they are: they belong to the caller.
 */
final class SealedStorage implements Storage {
  private final Storage inner;
  private final DataCipher cipher;

  SealedStorage(Storage inner, DataCipher cipher) {
    this.inner = inner;
    this.cipher = cipher;
  }

  @Override
  public Path fetch(String location, Path tempDir) {
    return inner.fetch(location, tempDir);
  }

  @Override
  public Path fetch(String location, String owner, Path tempDir) {
    return inner.fetch(location, owner, tempDir);
  }

  @Override
  public boolean accepts(String location) {
    return inner.accepts(location);
  }

  @Override
  public void put(String key, byte[] data) {
    inner.put(key, cipher.encrypt(data, "storage:" + key));
  }

  @Override
  public byte[] get(String key) {
    return cipher.decrypt(inner.get(key), "storage:" + key);
  }

  @Override
  public boolean exists(String key) {
    return inner.exists(key);
  }

  @Override
  public boolean delete(String key) {
    return inner.delete(key);
  }

  @Override
  public List<String> list(String prefix) {
    return inner.list(prefix);
  }

  @Override
  public void check() {
    inner.check();
  }

  @Override
  public void close() {
    inner.close();
  }
}
