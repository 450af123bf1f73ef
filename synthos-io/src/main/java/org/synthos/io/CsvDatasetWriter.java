package org.synthos.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;

/**
 * UTF-8 CSV without byte-order mark, comma-delimited, LF line ends, RFC 4180 quoting where needed.
 * A null is an empty field; in a one-column file it is written {@code ""} so that the line is not
 * blank (blank lines are not rows). A string equal to a null token reads back as null.
 */
final class CsvDatasetWriter extends AtomicDatasetWriter {
  private final CsvWriter csv;
  private final String[] record;

  CsvDatasetWriter(Path target, Schema schema) {
    this(target, schema, ',');
  }

  CsvDatasetWriter(Path target, Schema schema, char delimiter) {
    super(target, schema);
    try {
      CsvWriter.CsvWriterBuilder builder =
          CsvWriter.builder()
              .fieldSeparator(delimiter)
              .quoteCharacter('"')
              .lineDelimiter(LineDelimiter.LF);
      if (schema.size() == 1) {
        builder.quoteStrategy(QuoteStrategies.EMPTY);
      }
      this.csv =
          builder.build(
              new BufferedWriter(
                  new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                  InputFiles.BUFFER));
      this.record = schema.names().toArray(new String[0]);
      csv.writeRecord(record);
    } catch (IOException | UncheckedIOException e) {
      abort();
      throw failure("cannot write", e);
    }
  }

  @Override
  void writeRows(ColumnBatch batch) throws IOException {
    int width = schema.size();
    boolean quoteNulls = width == 1;
    try {
      for (int row = 0; row < batch.rowCount(); row++) {
        for (int c = 0; c < width; c++) {
          String cell = CellText.of(batch.column(c), schema.field(c).type(), row);
          record[c] = cell == null && quoteNulls ? "" : cell;
        }
        csv.writeRecord(record);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  void closeOutput() throws IOException {
    csv.close();
  }
}
