package org.synthos.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.assess.DatasetSource;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;
import org.synthos.io.ReadStats;
import org.synthos.report.Certificates;

/**
 * Dataset files as re-readable sources for the assessment, with their SHA-256 and size: what the
 * service's jobs and {@code synthos validate} read.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  /** {@link #open(Path, String, ReadOptions, Consumer)} named by its path, with no observer. */
  public static DatasetSource open(Path file, ReadOptions options) {
    return open(file, file.toString(), options, stats -> {});
  }

  /**
   * Opens the file once to fix its schema, then gives a source whose every pass re-reads the file
   * with that schema pinned, so all passes see identical types. The SHA-256 of the bytes goes into
   * the report and certificate.
   *
   * @param uri the name reports give the dataset (the user's URI when the file is a local copy)
   * @param afterRead sees each pass's reader counters after every read; throwing stops the pass
   */
  public static DatasetSource open(
      Path file, String uri, ReadOptions options, Consumer<ReadStats> afterRead) {
    Schema schema;
    try (DatasetReader reader = Datasets.open(file, options)) {
      schema = reader.schema();
    }
    Map<String, ColumnType> pinned = new LinkedHashMap<>();
    for (Field f : schema.fields()) {
      pinned.put(f.name(), f.type());
    }
    ReadOptions fixed = options.withSchemaOverrides(pinned);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      size = -1;
    }
    return new DatasetSource(
        uri,
        schema,
        () -> Datasets.batches(Datasets.open(file, fixed), afterRead),
        Certificates.sha256(file),
        size);
  }
}
