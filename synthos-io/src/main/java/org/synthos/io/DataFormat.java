package org.synthos.io;

/** The file formats Synthos reads. */
public enum DataFormat {
  /** Comma-separated values (or another single-character delimiter), RFC 4180 quoting. */
  CSV,
  /** Tab-separated values, RFC 4180 quoting. */
  TSV,
  /** JSON Lines: one flat JSON object per line. */
  JSONL,
  /** Apache Parquet. */
  PARQUET
}
