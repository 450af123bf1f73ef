package org.synthos.spark;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * Batches of engine columns from typed Spark rows (Parquet, tables): integers as longs, decimals
 * and floats as doubles, dates and timestamps as microseconds since the epoch (UTC, as the Parquet
 * reader reads them), strings as they are. A typed cell is never invalid.
 */
final class TypedBatches {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final Schema schema;
  private final int capacity;
  private long[][] longs;
  private double[][] doubles;
  private boolean[][] booleans;
  private String[][] strings;
  private Mask.Builder[] nulls;
  private int size;

  TypedBatches(Schema schema, int capacity) {
    this.schema = schema;
    this.capacity = capacity;
    start();
  }

  private void start() {
    int f = schema.size();
    longs = new long[f][];
    doubles = new double[f][];
    booleans = new boolean[f][];
    strings = new String[f][];
    nulls = new Mask.Builder[f];
    for (int c = 0; c < f; c++) {
      nulls[c] = Mask.builder(capacity);
      switch (schema.field(c).type().physical()) {
        case LONG -> longs[c] = new long[capacity];
        case DOUBLE -> doubles[c] = new double[capacity];
        case BOOLEAN -> booleans[c] = new boolean[capacity];
        case STRING -> strings[c] = new String[capacity];
      }
    }
    size = 0;
  }

  void add(Row row) {
    int r = size++;
    for (int c = 0; c < schema.size(); c++) {
      Object v = row.get(c);
      if (v == null) {
        nulls[c].set(r);
        continue;
      }
      ColumnType type = schema.field(c).type();
      switch (type.physical()) {
        case LONG -> longs[c][r] = type == ColumnType.DATETIME ? micros(v, c) : integer(v, c);
        case DOUBLE -> doubles[c][r] = real(v, c);
        case BOOLEAN -> booleans[c][r] = (Boolean) v;
        case STRING -> strings[c][r] = v.toString();
      }
    }
  }

  boolean full() {
    return size >= capacity;
  }

  int size() {
    return size;
  }

  ColumnBatch build(long firstRow) {
    List<Column> columns = new ArrayList<>(schema.size());
    for (int c = 0; c < schema.size(); c++) {
      Mask n = nulls[c].build(size);
      Mask none = Mask.none(size);
      columns.add(
          switch (schema.field(c).type().physical()) {
            case LONG -> new Column.Longs(longs[c], size, n, none);
            case DOUBLE -> new Column.Doubles(doubles[c], size, n, none);
            case BOOLEAN -> new Column.Booleans(booleans[c], size, n, none);
            case STRING -> new Column.Strings(strings[c], size, n, none);
          });
    }
    ColumnBatch batch = new ColumnBatch(schema, columns, firstRow, size);
    start();
    return batch;
  }

  private long integer(Object v, int c) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw mismatch(v, c);
  }

  private double real(Object v, int c) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Float f) {
      return f;
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).doubleValue();
    }
    throw mismatch(v, c);
  }

  private long micros(Object v, int c) {
    if (v instanceof Instant i) {
      return Math.addExact(
          Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000L);
    }
    if (v instanceof Timestamp t) {
      return micros(t.toInstant(), c);
    }
    if (v instanceof LocalDateTime t) {
      return micros(t.toInstant(ZoneOffset.UTC), c);
    }
    if (v instanceof LocalDate d) {
      return d.toEpochDay() * MICROS_PER_DAY;
    }
    if (v instanceof Date d) {
      return d.toLocalDate().toEpochDay() * MICROS_PER_DAY;
    }
    if (v instanceof Long l) {
      return l;
    }
    throw mismatch(v, c);
  }

  private SynthosException mismatch(Object v, int c) {
    return new SynthosException(
        ErrorCode.SCHEMA_MISMATCH,
        "column '"
            + schema.field(c).name()
            + "' of type "
            + schema.field(c).type().label()
            + " cannot hold a Spark "
            + v.getClass().getSimpleName());
  }
}
