package org.synthos.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.assess.DatasetSource;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;
import org.synthos.report.Certificates;

/** Turns files into re-readable dataset sources for the assessment. */
final class Sources {
  private Sources() {}

  /**
   * Opens the file once to fix its schema, then gives a source whose every pass re-reads the file
   * with that schema pinned, so all passes see identical types. The SHA-256 of the bytes goes into
   * the report and certificate.
   */
  static DatasetSource open(Path file, ReadOptions options) {
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
    } catch (java.io.IOException e) {
      size = -1;
    }
    return new DatasetSource(
        file.toString(),
        schema,
        () -> new Pass(Datasets.open(file, fixed)),
        Certificates.sha256(file),
        size);
  }

  /** One pass over a file; the reader is closed when the pass reaches the end. */
  private static final class Pass implements Iterator<ColumnBatch> {
    private final DatasetReader reader;
    private Optional<ColumnBatch> pending;
    private boolean closed;

    Pass(DatasetReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (pending == null) {
        try {
          pending = reader.next();
        } catch (RuntimeException e) {
          close();
          throw e;
        }
      }
      if (pending.isEmpty()) {
        close();
        return false;
      }
      return true;
    }

    @Override
    public ColumnBatch next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ColumnBatch b = pending.get();
      pending = null;
      return b;
    }

    private void close() {
      closed = true;
      reader.close();
    }
  }
}
