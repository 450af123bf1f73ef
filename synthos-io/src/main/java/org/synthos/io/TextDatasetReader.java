package org.synthos.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;

/**
 * Reads CSV, TSV and JSON Lines. The first {@link ReadOptions#inferenceSampleRows()} rows are
 * buffered, the schema is inferred from them ({@link TypeInference}) and overridden, then the
 * buffered rows are served first and the rest streams on from the same open file, so a compressed
 * stream is read once. Memory is bounded by the sample (at most {@link
 * ReadOptions#inferenceSampleRows()} rows and {@value #MAX_SAMPLE_CHARS} characters) plus one
 * batch.
 */
final class TextDatasetReader implements DatasetReader {
  /** Caps the sample's text (64 MiB of chars) so that very wide rows cannot exhaust the heap. */
  static final long MAX_SAMPLE_CHARS = 32L << 20;

  private final PrefetchingRowSource source;
  private final Location file;
  private final CountingInputStream counter;
  private final long totalBytes;
  private final int batchSize;
  private final Schema schema;
  private final ColumnBuilder[] builders;
  private final ArrayDeque<String[]> sample;

  /** The block rows come from once the sample is served, and the next row in it. */
  private RowBlock block;

  private int position;
  private final CharSlice view = new CharSlice();
  private long rowsRead;
  private boolean finished;
  private boolean closed;

  TextDatasetReader(
      PrefetchingRowSource source,
      ReadOptions options,
      Location file,
      CountingInputStream counter,
      long totalBytes) {
    this.source = source;
    this.file = file;
    this.counter = counter;
    this.totalBytes = totalBytes;
    this.batchSize = options.batchSize();
    this.sample = new ArrayDeque<>(Math.min(options.inferenceSampleRows(), 1 << 14));
    long sampledChars = 0;
    for (int i = 0; i < options.inferenceSampleRows() && sampledChars < MAX_SAMPLE_CHARS; i++) {
      String[] row = source.next();
      if (row == null) {
        break;
      }
      sample.add(row);
      for (String cell : row) {
        sampledChars += cell == null ? 0 : cell.length();
      }
    }
    if (sample.isEmpty()) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS, "the file has no data rows, only a header", file);
    }
    for (String name : options.schemaOverrides().keySet()) {
      if (!source.columns().contains(name) && !source.declare(name)) {
        throw new SynthosException(
            ErrorCode.UNKNOWN_COLUMN,
            "schema override names column '"
                + name
                + "', which the file does not have; columns: "
                + String.join(", ", source.columns()),
            file);
      }
    }
    source.freezeColumns();
    NullTokens nulls = new NullTokens(options.nullTokens());
    this.schema = inferSchema(source.columns(), options.schemaOverrides(), nulls);
    this.builders = new ColumnBuilder[schema.size()];
    for (int i = 0; i < builders.length; i++) {
      builders[i] = ColumnBuilder.of(schema.field(i).type(), nulls);
    }
  }

  private Schema inferSchema(
      List<String> names, Map<String, ColumnType> overrides, NullTokens nulls) {
    List<Field> fields = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      String name = names.get(c);
      ColumnType type = overrides.get(name);
      if (type != null) {
        fields.add(new Field(name, type, TypeReason.OVERRIDE));
      } else {
        List<String> cells = new ArrayList<>(sample.size());
        for (String[] row : sample) {
          if (c < row.length && row[c] != null) {
            String t = NullTokens.trim(row[c]);
            if (!nulls.isNull(t)) {
              cells.add(t);
            }
          }
        }
        fields.add(TypeInference.decide(name, cells));
      }
    }
    try {
      return new Schema(fields);
    } catch (SynthosException e) {
      throw new SynthosException(e.code(), e.getMessage(), file.withLine(1), e);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Optional<ColumnBatch> next() {
    if (finished || closed) {
      return Optional.empty();
    }
    for (ColumnBuilder b : builders) {
      b.start(batchSize);
    }
    int count = 0;
    while (count < batchSize && !sample.isEmpty()) {
      String[] row = sample.poll();
      for (int c = 0; c < builders.length; c++) {
        builders[c].append(c < row.length ? row[c] : null);
      }
      count++;
    }
    while (count < batchSize) {
      if (block == null || position == block.rows) {
        if (block != null) {
          source.release(block);
        }
        block = source.nextBlock();
        position = 0;
        if (block == null) {
          finished = true;
          break;
        }
      }
      int take = Math.min(batchSize - count, block.rows - position);
      for (int c = 0; c < builders.length; c++) {
        ColumnBuilder b = builders[c];
        for (int r = position; r < position + take; r++) {
          b.append(block.cell(r, c, view));
        }
      }
      position += take;
      count += take;
    }
    if (count == 0) {
      return Optional.empty();
    }
    List<Column> columns = new ArrayList<>(builders.length);
    for (ColumnBuilder b : builders) {
      columns.add(b.build());
    }
    ColumnBatch batch = new ColumnBatch(schema, columns, rowsRead, count);
    rowsRead += count;
    return Optional.of(batch);
  }

  @Override
  public ReadStats stats() {
    Map<String, Long> invalid = new LinkedHashMap<>();
    for (int c = 0; c < builders.length; c++) {
      invalid.put(schema.field(c).name(), builders[c].invalidTotal);
    }
    long bytes = finished ? totalBytes : Math.min(counter.count(), totalBytes);
    return new ReadStats(rowsRead, invalid, bytes, totalBytes);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      source.close();
    }
  }
}
