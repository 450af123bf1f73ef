package org.synthos.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * A dataset file opened for several passes: {@link #open} reads it once to fix its schema, then
 * every {@link #batches() pass} re-reads the file with that schema pinned, so all passes see the
 * same columns with the same types (inference on a re-read could otherwise differ, e.g. when a
 * sample boundary moves). It also carries the file's SHA-256 and size, which reports and
 * certificates name the dataset by.
 *
 * <p>Immutable and safe to share; each pass opens and closes its own reader.
 */
public final class DatasetFile {
  private final Path path;
  private final Schema schema;
  private final ReadOptions pinned;
  private final String sha256;
  private final long sizeBytes;

  private DatasetFile(Path path, Schema schema, ReadOptions pinned, String sha256, long sizeBytes) {
    this.path = path;
    this.schema = schema;
    this.pinned = pinned;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
  }

  /**
   * Opens {@code file} once to infer (or apply the overrides of) its schema, pins that schema for
   * every later pass, and hashes the file's bytes.
   *
   * @throws SynthosException for a missing, unreadable, empty, malformed or unsupported file, as
   *     {@link Datasets#open} does
   */
  public static DatasetFile open(Path file, ReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Schema schema;
    try (DatasetReader reader = Datasets.open(file, options)) {
      schema = reader.schema();
    }
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (Field f : schema.fields()) {
      types.put(f.name(), f.type());
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    return new DatasetFile(
        file, schema, options.withSchemaOverrides(types), FileDigests.sha256(file), size);
  }

  /** The file as given to {@link #open}. */
  public Path path() {
    return path;
  }

  /** The schema fixed by the first read; every pass's batches carry it. */
  public Schema schema() {
    return schema;
  }

  /** The read options of every pass: those given to {@link #open} with the schema pinned. */
  public ReadOptions readOptions() {
    return pinned;
  }

  /** Hex SHA-256 of the file's bytes when it was opened (see {@link FileDigests#sha256}). */
  public String sha256() {
    return sha256;
  }

  /** The file's size in bytes when it was opened, or -1 when it could not be read. */
  public long sizeBytes() {
    return sizeBytes;
  }

  /** Opens a fresh reader over the file with the pinned schema; the caller closes it. */
  public DatasetReader reader() {
    return Datasets.open(path, pinned);
  }

  /** A fresh pass over the rows in file order; see {@link Datasets#batches(DatasetReader)}. */
  public Iterator<ColumnBatch> batches() {
    return Datasets.batches(reader());
  }

  /**
   * As {@link #batches()}, calling {@code afterRead} with the reader's counters after every read;
   * see {@link Datasets#batches(DatasetReader, Consumer)}.
   */
  public Iterator<ColumnBatch> batches(Consumer<ReadStats> afterRead) {
    return Datasets.batches(reader(), afterRead);
  }

  @Override
  public String toString() {
    return "DatasetFile[" + path + ", " + schema.size() + " columns, sha256 " + sha256 + "]";
  }
}
