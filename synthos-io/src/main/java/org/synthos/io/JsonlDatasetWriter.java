package org.synthos.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Schema;

/**
 * JSON Lines, one flat object per row with every column present ({@code null} for a null). Numbers
 * are JSON numbers except NaN and the infinities, which JSON cannot hold and are written as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; date-times are ISO 8601 strings
 * in UTC.
 */
final class JsonlDatasetWriter extends AtomicDatasetWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private final JsonGenerator json;

  JsonlDatasetWriter(Path target, Schema schema) {
    super(target, schema);
    try {
      this.json =
          FACTORY.createGenerator(
              new BufferedOutputStream(Files.newOutputStream(temp), InputFiles.BUFFER),
              JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
    } catch (IOException e) {
      abort();
      throw failure("cannot write", e);
    }
  }

  @Override
  void writeRows(ColumnBatch batch) throws IOException {
    for (int row = 0; row < batch.rowCount(); row++) {
      json.writeStartObject();
      for (int c = 0; c < schema.size(); c++) {
        json.writeFieldName(schema.field(c).name());
        writeCell(batch.column(c), schema.field(c).type(), row);
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  private void writeCell(Column column, ColumnType type, int row) throws IOException {
    if (column.isNull(row)) {
      json.writeNull();
    } else if (column instanceof Column.Longs l && type != ColumnType.DATETIME) {
      json.writeNumber(l.values()[row]);
    } else if (column instanceof Column.Doubles d && Double.isFinite(d.values()[row])) {
      json.writeNumber(d.values()[row]);
    } else if (column instanceof Column.Booleans b) {
      json.writeBoolean(b.values()[row]);
    } else {
      json.writeString(CellText.of(column, type, row));
    }
  }

  @Override
  void closeOutput() throws IOException {
    json.close();
  }
}
