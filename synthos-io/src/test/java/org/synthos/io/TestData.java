package org.synthos.io;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/** Helpers shared by the tests: writing inputs and reading a whole file back as plain values. */
final class TestData {
  private TestData() {}

  static Path write(Path dir, String name, String text) {
    return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path writeBytes(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String text) {
    return compress(text, GZIPOutputStream::new);
  }

  static byte[] zstd(String text) {
    return compress(text, ZstdOutputStream::new);
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(String text, Compressor compressor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c = compressor.wrap(out)) {
      c.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A whole file, column by column, with nulls as Java nulls. */
  record Table(
      Schema schema, List<List<Object>> columns, List<ColumnBatch> batches, ReadStats stats) {
    int rows() {
      return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    List<Object> column(String name) {
      return columns.get(schema.indexOf(name).orElseThrow());
    }
  }

  static Table read(Path file) {
    return read(file, ReadOptions.defaults());
  }

  static Table read(Path file, ReadOptions options) {
    try (DatasetReader reader = Datasets.open(file, options)) {
      Schema schema = reader.schema();
      List<List<Object>> columns = new ArrayList<>();
      for (int i = 0; i < schema.size(); i++) {
        columns.add(new ArrayList<>());
      }
      List<ColumnBatch> batches = new ArrayList<>();
      Optional<ColumnBatch> next;
      while ((next = reader.next()).isPresent()) {
        ColumnBatch b = next.get();
        batches.add(b);
        for (int c = 0; c < schema.size(); c++) {
          Column col = b.column(c);
          for (int r = 0; r < b.rowCount(); r++) {
            columns.get(c).add(value(col, r));
          }
        }
      }
      return new Table(schema, columns, batches, reader.stats());
    }
  }

  static Object value(Column col, int r) {
    if (col.isNull(r)) {
      return null;
    }
    if (col instanceof Column.Longs l) {
      return l.values()[r];
    }
    if (col instanceof Column.Doubles d) {
      return d.values()[r];
    }
    if (col instanceof Column.Booleans b) {
      return b.values()[r];
    }
    return ((Column.Strings) col).values()[r];
  }

  /** The exception {@code Datasets.open} plus a full read throws. */
  static SynthosException failure(Path file, ReadOptions options) {
    try {
      read(file, options);
    } catch (SynthosException e) {
      return e;
    }
    throw new AssertionError("expected a SynthosException reading " + file);
  }

  static SynthosException failure(Path file) {
    return failure(file, ReadOptions.defaults());
  }
}
