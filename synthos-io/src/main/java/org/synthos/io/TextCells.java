package org.synthos.io;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.TypeReason;

/**
 * The text reader's rules for cells that another engine split out of a file (a cluster's CSV
 * reader, a table's string columns): header names, type inference and cell parsing, so that the
 * same cells give the same schema and the same columns as {@link Datasets#open} would.
 *
 * <p>Cells are given as the CSV parser returned them (untrimmed); a {@code null} cell is missing.
 */
public final class TextCells {
  private TextCells() {}

  /** The column names of a header record: trimmed, and {@code column_<n>} for a blank one. */
  public static List<String> headerNames(List<String> header) {
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i) == null ? "" : header.get(i).strip();
      names.add(name.isEmpty() ? "column_" + (i + 1) : name);
    }
    return names;
  }

  /**
   * The schema the text reader infers from these leading data rows (at most {@link
   * ReadOptions#inferenceSampleRows()} of them are read), with the options' overrides applied.
   */
  public static Schema inferSchema(List<String> names, List<String[]> rows, ReadOptions options) {
    NullTokens nulls = new NullTokens(options.nullTokens());
    int sampled = Math.min(rows.size(), options.inferenceSampleRows());
    List<Field> fields = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      String name = names.get(c);
      ColumnType type = options.schemaOverrides().get(name);
      if (type != null) {
        fields.add(new Field(name, type, TypeReason.OVERRIDE));
      } else {
        List<String> cells = new ArrayList<>(sampled);
        for (int r = 0; r < sampled; r++) {
          String[] row = rows.get(r);
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
    return new Schema(fields);
  }

  /**
   * CATEGORICAL, TEXT or IDENTIFIER for a column stored as strings (the Parquet reader's rule for
   * string columns), from its leading non-null values, with the rule that decided.
   */
  public static Field decideStrings(String name, List<String> values) {
    return TypeInference.decideStrings(name, values);
  }

  /** A fresh builder of batches under {@code schema}. */
  public static Batches batches(Schema schema, ReadOptions options) {
    return new Batches(schema, new NullTokens(options.nullTokens()), options.batchSize());
  }

  /**
   * Builds batches of at most {@code capacity} rows from rows of cell texts, as the text reader
   * does: a null token is null, a present cell that does not parse as its column's type is null and
   * invalid. Not thread-safe; one per partition.
   */
  public static final class Batches {
    private final Schema schema;
    private final ColumnBuilder[] builders;
    private final int capacity;
    private int size;

    private Batches(Schema schema, NullTokens nulls, int capacity) {
      this.schema = schema;
      this.capacity = capacity;
      this.builders = new ColumnBuilder[schema.size()];
      for (int i = 0; i < builders.length; i++) {
        builders[i] = ColumnBuilder.of(schema.field(i).type(), nulls);
        builders[i].start(capacity);
      }
    }

    /** Adds one row; missing trailing cells are null, extra cells are ignored. */
    public void add(String[] row) {
      for (int c = 0; c < builders.length; c++) {
        builders[c].append(c < row.length ? row[c] : null);
      }
      size++;
    }

    /** Rows added since the last {@link #build}. */
    public int size() {
      return size;
    }

    /** Whether the batch holds {@code capacity} rows. */
    public boolean full() {
      return size >= capacity;
    }

    /** The rows added so far as a batch whose first row is {@code firstRow}; then starts afresh. */
    public ColumnBatch build(long firstRow) {
      List<Column> columns = new ArrayList<>(builders.length);
      for (ColumnBuilder b : builders) {
        columns.add(b.build());
        b.start(capacity);
      }
      ColumnBatch batch = new ColumnBatch(schema, columns, firstRow, size);
      size = 0;
      return batch;
    }
  }
}
