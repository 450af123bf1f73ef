package org.synthos.io;

/** Whole-file compression of a text input. Parquet compresses internally and is always NONE. */
public enum Compression {
  NONE,
  GZIP,
  ZSTD
}
