package org.synthos.io;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Datasets#detect} found out about a file.
 *
 * @param format the file format
 * @param compression the whole-file compression (NONE for Parquet)
 * @param delimiter the field delimiter for CSV and TSV; empty for JSONL and Parquet
 */
public record DetectedFormat(
    DataFormat format, Compression compression, Optional<Character> delimiter) {
  public DetectedFormat {
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(compression, "compression is null");
    Objects.requireNonNull(delimiter, "delimiter is null");
  }
}
