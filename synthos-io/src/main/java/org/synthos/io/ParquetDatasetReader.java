package org.synthos.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;

/**
 * Reads Parquet through parquet-java's column API ({@code readNextRowGroup} + {@code
 * ColumnReadStoreImpl}), one primitive array per column, never a record object per row. Page
 * checksums are verified when the writer stored them, so a damaged page is an error rather than
 * wrong numbers. Memory is bounded by one row group's compressed pages plus one batch. A batch
 * never spans two row groups, so the batch before a row-group boundary may be short.
 *
 * <p>Type mapping: INT32/INT64 are INTEGER (unsigned 64-bit values above the signed range are
 * invalid cells), or DATETIME with a DATE or TIMESTAMP annotation (any unit, converted to
 * microseconds; INT96 timestamps too); DECIMAL of any physical type is FLOAT; FLOAT/DOUBLE are
 * FLOAT; BOOLEAN is BOOLEAN; BINARY (STRING, ENUM, JSON or unannotated, read as UTF-8) and UUID are
 * strings, classified as categorical, text or identifier by the file's {@code synthos.type.*}
 * metadata when a Synthos writer left it, else like CSV strings from the first rows. Nested groups
 * are flattened to dotted names; repeated fields (lists, maps) are not supported.
 */
final class ParquetDatasetReader implements DatasetReader {
  /** Key-value metadata key prefix recording the logical type of each column. */
  static final String TYPE_KEY_PREFIX = "synthos.type.";

  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private final ParquetFileReader reader;
  private final MessageType fileSchema;
  private final String createdBy;
  private final Location file;
  private final int batchSize;
  private final long totalBytes;
  private final ParquetColumn[] columns;
  private final Schema schema;
  private final ArrayDeque<Column[]> staged = new ArrayDeque<>();
  private final ColumnReader[] readers;
  private final long[] invalid;
  private final List<BlockMetaData> blocks;
  private int nextBlock;
  private long bytesRead;
  private long rowsLeftInGroup;
  private long rowsRead;
  private long rowsDecoded;
  private boolean closed;

  /** How the values of one leaf column are decoded. */
  private enum Kind {
    INT32,
    UINT32,
    INT64,
    UINT64,
    DATE_DAYS,
    TIMESTAMP_MILLIS,
    TIMESTAMP_MICROS,
    TIMESTAMP_NANOS,
    INT96,
    FLOAT,
    DOUBLE,
    DECIMAL,
    BOOLEAN,
    STRING,
    UUID
  }

  private record ParquetColumn(
      ColumnDescriptor descriptor, String name, Kind kind, ColumnType natural, int scale) {}

  private ParquetDatasetReader(
      ParquetFileReader reader, Path path, ReadOptions options, long totalBytes) {
    this.reader = reader;
    this.file = Location.ofFile(path.toString());
    this.batchSize = options.batchSize();
    this.totalBytes = totalBytes;
    this.fileSchema = reader.getFooter().getFileMetaData().getSchema();
    this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    this.blocks = reader.getRowGroups();
    long blockBytes = 0;
    for (BlockMetaData b : blocks) {
      blockBytes += b.getCompressedSize();
    }
    this.bytesRead = Math.max(0, totalBytes - blockBytes);
    for (BlockMetaData b : blocks) {
      for (ColumnChunkMetaData chunk : b.getColumns()) {
        InputLimits.checkChunk(
            chunk.getStartingPos(),
            chunk.getTotalSize(),
            chunk.getTotalUncompressedSize(),
            totalBytes,
            file.withColumn(chunk.getPath().toDotString()));
        if (!ParquetCodecs.SUPPORTED.contains(chunk.getCodec())) {
          throw new SynthosException(
              ErrorCode.UNSUPPORTED_FORMAT,
              "Parquet compression "
                  + chunk.getCodec()
                  + " is not supported; rewrite the file with SNAPPY, ZSTD, GZIP, LZ4_RAW or none",
              file.withColumn(chunk.getPath().toDotString()));
        }
      }
    }
    List<ColumnDescriptor> descriptors = fileSchema.getColumns();
    InputLimits.checkColumns(descriptors.size(), file);
    this.columns = new ParquetColumn[descriptors.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = describe(descriptors.get(i));
    }
    this.readers = new ColumnReader[columns.length];
    this.invalid = new long[columns.length];
    if (reader.getRecordCount() == 0) {
      throw new SynthosException(ErrorCode.NO_DATA_ROWS, "the Parquet file has no rows", file);
    }
    for (String name : options.schemaOverrides().keySet()) {
      if (indexOf(name) < 0) {
        throw new SynthosException(
            ErrorCode.UNKNOWN_COLUMN,
            "schema override names column '" + name + "', which the file does not have",
            file);
      }
    }
    this.schema = resolveSchema(options);
  }

  static ParquetDatasetReader open(Path path, ReadOptions options, long totalBytes) {
    Location where = Location.ofFile(path.toString());
    ParquetFileReader reader;
    try {
      reader =
          ParquetFileReader.open(
              new LocalInputFile(path),
              ParquetReadOptions.builder()
                  .usePageChecksumVerification(true)
                  .withCodecFactory(
                      new ParquetCodecs(ParquetReadOptions.builder().build().getCodecFactory()))
                  .build());
    } catch (IOException | RuntimeException e) {
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "not a readable Parquet file (bad or truncated footer): " + InputFiles.oneLine(e),
          where,
          e);
    }
    try {
      // Before the constructor, which already decodes pages to infer text columns' types.
      ParquetPages.check(path, reader.getRowGroups(), totalBytes, where);
      return new ParquetDatasetReader(reader, path, options, totalBytes);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  private ParquetColumn describe(ColumnDescriptor d) {
    String name = String.join(".", d.getPath());
    if (d.getMaxRepetitionLevel() > 0) {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "repeated Parquet fields (lists, maps) are not supported",
          file.withColumn(name));
    }
    PrimitiveType p = d.getPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
      return new ParquetColumn(d, name, Kind.DECIMAL, ColumnType.FLOAT, dec.getScale());
    }
    Kind kind =
        switch (p.getPrimitiveTypeName()) {
          case BOOLEAN -> Kind.BOOLEAN;
          case FLOAT -> Kind.FLOAT;
          case DOUBLE -> Kind.DOUBLE;
          case INT96 -> Kind.INT96;
          case INT32 -> {
            if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
              yield Kind.DATE_DAYS;
            }
            if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
              yield Kind.UINT32;
            }
            yield Kind.INT32;
          }
          case INT64 -> {
            if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
              yield switch (t.getUnit()) {
                case MILLIS -> Kind.TIMESTAMP_MILLIS;
                case MICROS -> Kind.TIMESTAMP_MICROS;
                case NANOS -> Kind.TIMESTAMP_NANOS;
              };
            }
            if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
              yield Kind.UINT64;
            }
            yield Kind.INT64;
          }
          case BINARY -> {
            if (a == null
                || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
              yield Kind.STRING;
            }
            throw unsupported(name, a.toString());
          }
          case FIXED_LEN_BYTE_ARRAY -> {
            if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
              yield Kind.UUID;
            }
            throw unsupported(name, "FIXED_LEN_BYTE_ARRAY " + (a == null ? "" : a.toString()));
          }
        };
    ColumnType natural =
        switch (kind) {
          case INT32, UINT32, INT64, UINT64 -> ColumnType.INTEGER;
          case DATE_DAYS, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, TIMESTAMP_NANOS, INT96 ->
              ColumnType.DATETIME;
          case FLOAT, DOUBLE, DECIMAL -> ColumnType.FLOAT;
          case BOOLEAN -> ColumnType.BOOLEAN;
          case STRING -> ColumnType.CATEGORICAL;
          case UUID -> ColumnType.IDENTIFIER;
        };
    return new ParquetColumn(d, name, kind, natural, 0);
  }

  private SynthosException unsupported(String column, String type) {
    return new SynthosException(
        ErrorCode.UNSUPPORTED_FORMAT,
        "Parquet type " + type.strip() + " is not supported",
        file.withColumn(column));
  }

  private int indexOf(String name) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Overrides, then the writer's recorded types, then string classification of a sample. */
  private Schema resolveSchema(ReadOptions options) {
    Map<String, String> meta = reader.getFooter().getFileMetaData().getKeyValueMetaData();
    ColumnType[] types = new ColumnType[columns.length];
    TypeReason[] reasons = new TypeReason[columns.length];
    Arrays.fill(reasons, TypeReason.DECLARED);
    List<Integer> toClassify = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      ParquetColumn c = columns[i];
      ColumnType override = options.schemaOverrides().get(c.name());
      String recorded = meta == null ? null : meta.get(TYPE_KEY_PREFIX + c.name());
      if (override != null) {
        if (override.physical() != c.natural().physical()) {
          throw new SynthosException(
              ErrorCode.INVALID_ARGUMENT,
              "column is stored as "
                  + c.natural().label()
                  + " in Parquet and cannot be read as "
                  + override.label(),
              file.withColumn(c.name()));
        }
        types[i] = override;
        reasons[i] = TypeReason.OVERRIDE;
      } else if (recorded != null && recordedFits(recorded, c)) {
        types[i] = ColumnType.fromLabel(recorded);
      } else if (c.kind() == Kind.STRING) {
        toClassify.add(i);
      } else {
        types[i] = c.natural();
      }
    }
    if (!toClassify.isEmpty()) {
      long staging = 0;
      Column[] batch;
      while (staging < options.inferenceSampleRows() && (batch = decodeBatch()) != null) {
        staged.add(batch);
        staging += batch[0].size();
      }
      for (int i : toClassify) {
        List<String> values = new ArrayList<>();
        for (Column[] b : staged) {
          Column.Strings s = (Column.Strings) b[i];
          for (int r = 0; r < s.size() && values.size() < options.inferenceSampleRows(); r++) {
            if (!s.isNull(r)) {
              values.add(s.values()[r]);
            }
          }
        }
        Field decided = TypeInference.decideStrings(columns[i].name(), values);
        types[i] = decided.type();
        reasons[i] = decided.reason();
      }
    }
    List<Field> fields = new ArrayList<>(columns.length);
    for (int i = 0; i < columns.length; i++) {
      fields.add(new Field(columns[i].name(), types[i], reasons[i]));
    }
    return new Schema(fields);
  }

  private static boolean recordedFits(String label, ParquetColumn c) {
    for (ColumnType t : ColumnType.values()) {
      if (t.label().equals(label)) {
        return t.physical() == c.natural().physical();
      }
    }
    return false;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Optional<ColumnBatch> next() {
    if (closed) {
      return Optional.empty();
    }
    Column[] batch = staged.isEmpty() ? decodeBatch() : staged.poll();
    if (batch == null) {
      return Optional.empty();
    }
    int n = batch[0].size();
    for (int i = 0; i < batch.length; i++) {
      invalid[i] += batch[i].invalid().cardinality();
    }
    ColumnBatch result = new ColumnBatch(schema, List.of(batch), rowsRead, n);
    rowsRead += n;
    return Optional.of(result);
  }

  /** Decodes up to one batch from the current row group; null at the end of the file. */
  private Column[] decodeBatch() {
    if (columns.length == 0) {
      return null;
    }
    int current = -1;
    try {
      if (rowsLeftInGroup == 0 && !startNextRowGroup()) {
        return null;
      }
      int n = (int) Math.min(batchSize, rowsLeftInGroup);
      Column[] out = new Column[columns.length];
      for (int i = 0; i < columns.length; i++) {
        current = i;
        out[i] = decodeColumn(columns[i], readers[i], n);
      }
      rowsLeftInGroup -= n;
      rowsDecoded += n;
      return out;
    } catch (LinkageError e) {
      // A codec or feature whose classes are absent without Hadoop: say so rather than crash.
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "this Parquet file needs a feature that is not available: " + InputFiles.oneLine(e),
          file.withRow(rowsDecoded + 1),
          e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SynthosException s) {
        throw s;
      }
      Location where = file.withRow(rowsDecoded + 1);
      String column = current >= 0 ? columns[current].name() : locateDamage(nextBlock - 1);
      if (column != null) {
        where = where.withColumn(column);
      }
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "corrupt Parquet data (bad page or truncated file): " + InputFiles.oneLine(e),
          where,
          e);
    }
  }

  private boolean startNextRowGroup() throws IOException {
    nextBlock++;
    PageReadStore pages;
    try {
      pages = reader.readNextRowGroup();
    } catch (OutOfMemoryError e) {
      // The Parquet library allocates a row group's last page at the size its header declares,
      // before reading it; a forged header makes that one allocation fail and leaves nothing
      // half-built, as this reader is then given up.
      throw new SynthosException(
          ErrorCode.CORRUPT_FILE,
          "a page header declares more bytes than can be read (damaged or forged)",
          file.withRow(rowsDecoded + 1),
          e);
    }
    if (pages == null) {
      bytesRead = totalBytes;
      return false;
    }
    if (nextBlock <= blocks.size()) {
      bytesRead += blocks.get(nextBlock - 1).getCompressedSize();
    }
    ColumnReadStoreImpl store =
        new ColumnReadStoreImpl(
            pages, new DummyRecordConverter(fileSchema).getRootConverter(), fileSchema, createdBy);
    for (int i = 0; i < columns.length; i++) {
      readers[i] = store.getColumnReader(columns[i].descriptor());
    }
    rowsLeftInGroup = pages.getRowCount();
    return rowsLeftInGroup > 0 || startNextRowGroup();
  }

  /**
   * After a row group failed to load, re-reads it one top-level field at a time to name the damaged
   * column; null when that does not single one out. Runs only on the failure path.
   */
  private String locateDamage(int group) {
    if (group < 0 || group >= blocks.size()) {
      return null;
    }
    try {
      for (ParquetColumn c : columns) {
        String top = c.descriptor().getPath()[0];
        reader.setRequestedSchema(new MessageType(fileSchema.getName(), fileSchema.getType(top)));
        try {
          reader.readRowGroup(group);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
          // See startNextRowGroup on the memory error.
          return c.name();
        }
      }
    } catch (RuntimeException e) {
      return null;
    } finally {
      reader.setRequestedSchema(fileSchema);
    }
    return null;
  }

  private static Column decodeColumn(ParquetColumn c, ColumnReader r, int n) {
    int maxDefinition = c.descriptor().getMaxDefinitionLevel();
    Mask.Builder nulls = Mask.builder(n);
    Mask.Builder invalid = Mask.builder(n);
    switch (c.natural().physical()) {
      case LONG -> {
        long[] values = new long[n];
        for (int row = 0; row < n; row++) {
          if (r.getCurrentDefinitionLevel() == maxDefinition) {
            long v = readLong(c.kind(), r);
            if (c.kind() == Kind.UINT64 && v < 0) {
              nulls.set(row);
              invalid.set(row);
            } else {
              values[row] = v;
            }
          } else {
            nulls.set(row);
          }
          r.consume();
        }
        return new Column.Longs(values, n, nulls.build(n), invalid.build(n));
      }
      case DOUBLE -> {
        double[] values = new double[n];
        for (int row = 0; row < n; row++) {
          if (r.getCurrentDefinitionLevel() == maxDefinition) {
            values[row] = readDouble(c, r);
          } else {
            nulls.set(row);
          }
          r.consume();
        }
        return new Column.Doubles(values, n, nulls.build(n), invalid.build(n));
      }
      case BOOLEAN -> {
        boolean[] values = new boolean[n];
        for (int row = 0; row < n; row++) {
          if (r.getCurrentDefinitionLevel() == maxDefinition) {
            values[row] = r.getBoolean();
          } else {
            nulls.set(row);
          }
          r.consume();
        }
        return new Column.Booleans(values, n, nulls.build(n), invalid.build(n));
      }
      case STRING -> {
        String[] values = new String[n];
        for (int row = 0; row < n; row++) {
          if (r.getCurrentDefinitionLevel() == maxDefinition) {
            values[row] =
                c.kind() == Kind.UUID ? uuid(r.getBinary()) : r.getBinary().toStringUsingUTF8();
          } else {
            nulls.set(row);
          }
          r.consume();
        }
        return new Column.Strings(values, n, nulls.build(n), invalid.build(n));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static long readLong(Kind kind, ColumnReader r) {
    return switch (kind) {
      case INT32 -> r.getInteger();
      case UINT32 -> Integer.toUnsignedLong(r.getInteger());
      case INT64, UINT64, TIMESTAMP_MICROS -> r.getLong();
      case DATE_DAYS -> r.getInteger() * 86_400_000_000L;
      case TIMESTAMP_MILLIS -> Math.multiplyExact(r.getLong(), 1000L);
      case TIMESTAMP_NANOS -> Math.floorDiv(r.getLong(), 1000L);
      case INT96 -> int96Micros(r.getBinary());
      default -> throw new IllegalStateException("not a long column: " + kind);
    };
  }

  private static double readDouble(ParquetColumn c, ColumnReader r) {
    return switch (c.kind()) {
      case FLOAT -> r.getFloat();
      case DOUBLE -> r.getDouble();
      case DECIMAL -> {
        BigInteger unscaled =
            switch (c.descriptor().getPrimitiveType().getPrimitiveTypeName()) {
              case INT32 -> BigInteger.valueOf(r.getInteger());
              case INT64 -> BigInteger.valueOf(r.getLong());
              default -> new BigInteger(r.getBinary().getBytes());
            };
        yield new BigDecimal(unscaled, c.scale()).doubleValue();
      }
      default -> throw new IllegalStateException("not a double column: " + c.kind());
    };
  }

  /** INT96 (legacy Impala/Spark): 8 bytes nanos of day, then 4 bytes Julian day, little-endian. */
  private static long int96Micros(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong();
    long julianDay = buf.getInt();
    return (julianDay - JULIAN_DAY_OF_EPOCH) * 86_400_000_000L + nanosOfDay / 1000;
  }

  private static String uuid(Binary b) {
    ByteBuffer buf = b.toByteBuffer();
    return new UUID(buf.getLong(), buf.getLong()).toString();
  }

  @Override
  public ReadStats stats() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < columns.length; i++) {
      counts.put(columns[i].name(), invalid[i]);
    }
    return new ReadStats(rowsRead, counts, Math.min(bytesRead, totalBytes), totalBytes);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(reader);
    }
  }

  private static void closeQuietly(ParquetFileReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // Closing a read-only file loses nothing.
    }
  }
}
