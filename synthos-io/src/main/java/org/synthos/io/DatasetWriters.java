package org.synthos.io;

import java.nio.file.Path;
import org.synthos.api.Schema;

/**
 * Factories for {@link DatasetWriter}s. Every writer produces a file that {@link Datasets#open}
 * reads back to the same values and nulls (with the CSV/JSON Lines caveat that a string equal to a
 * null token reads back as null), and never leaves a partial file at the target.
 */
public final class DatasetWriters {
  private DatasetWriters() {}

  /** UTF-8 CSV with a header row. */
  public static DatasetWriter csv(Path file, Schema schema) {
    return new CsvDatasetWriter(file, schema);
  }

  /** JSON Lines, one object per row. */
  public static DatasetWriter jsonl(Path file, Schema schema) {
    return new JsonlDatasetWriter(file, schema);
  }

  /** Parquet (SNAPPY, page checksums, logical types recorded in the footer). */
  public static DatasetWriter parquet(Path file, Schema schema) {
    return new ParquetDatasetWriter(file, schema);
  }

  /** The writer for a format: CSV, JSONL or PARQUET (TSV writes CSV's rules with tabs). */
  public static DatasetWriter of(DataFormat format, Path file, Schema schema) {
    return switch (format) {
      case CSV -> csv(file, schema);
      case TSV -> new CsvDatasetWriter(file, schema, '\t');
      case JSONL -> jsonl(file, schema);
      case PARQUET -> parquet(file, schema);
    };
  }
}
