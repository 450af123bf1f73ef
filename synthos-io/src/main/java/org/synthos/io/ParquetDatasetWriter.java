package org.synthos.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;

/**
 * Parquet with SNAPPY pages and page checksums. INTEGER is INT64, FLOAT is DOUBLE, BOOLEAN is
 * BOOLEAN, DATETIME is INT64 TIMESTAMP(MICROS, UTC), strings are BINARY STRING; every column is
 * optional. Each column's logical type is recorded in the footer as {@code synthos.type.<name>}, so
 * a categorical column reads back as categorical. Rows go straight from the batch arrays to the
 * record consumer, without a row object.
 */
final class ParquetDatasetWriter extends AtomicDatasetWriter {
  private final ParquetWriter<Integer> parquet;
  private final RowWriteSupport support;

  ParquetDatasetWriter(Path target, Schema schema) {
    super(target, schema);
    this.support = new RowWriteSupport(messageType(schema), schema);
    try {
      this.parquet =
          new Builder(new LocalOutputFile(temp), support)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withCodecFactory(
                  new ParquetCodecs(
                      org.apache.parquet.ParquetReadOptions.builder().build().getCodecFactory()))
              .withPageWriteChecksumEnabled(true)
              .build();
    } catch (IOException e) {
      abort();
      throw failure("cannot write", e);
    }
  }

  static MessageType messageType(Schema schema) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (int i = 0; i < schema.size(); i++) {
      String name = schema.field(i).name();
      Type t =
          switch (schema.field(i).type()) {
            case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case FLOAT -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case DATETIME ->
                Types.optional(PrimitiveTypeName.INT64)
                    .as(
                        LogicalTypeAnnotation.timestampType(
                            true, LogicalTypeAnnotation.TimeUnit.MICROS))
                    .named(name);
            case CATEGORICAL, TEXT, IDENTIFIER ->
                Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(name);
          };
      b.addField(t);
    }
    return b.named("synthos");
  }

  @Override
  void writeRows(ColumnBatch batch) throws IOException {
    support.batch = batch;
    for (int row = 0; row < batch.rowCount(); row++) {
      parquet.write(row);
    }
  }

  @Override
  void closeOutput() throws IOException {
    parquet.close();
  }

  private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
    private final RowWriteSupport support;

    Builder(LocalOutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet-java; the Hadoop-free overload is used
    protected WriteSupport<Integer> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }

  /** Writes row {@code i} of the current batch. */
  private static final class RowWriteSupport extends WriteSupport<Integer> {
    private final MessageType type;
    private final Schema schema;
    private RecordConsumer consumer;
    ColumnBatch batch;

    RowWriteSupport(MessageType type, Schema schema) {
      this.type = type;
      this.schema = schema;
    }

    @Override
    @SuppressWarnings("deprecation") // abstract in parquet-java; the Hadoop-free overload is used
    public WriteContext init(Configuration configuration) {
      return context();
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return context();
    }

    private WriteContext context() {
      Map<String, String> meta = new HashMap<>();
      for (int i = 0; i < schema.size(); i++) {
        meta.put(
            ParquetDatasetReader.TYPE_KEY_PREFIX + schema.field(i).name(),
            schema.field(i).type().label());
      }
      return new WriteContext(type, meta);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Integer boxedRow) {
      int row = boxedRow;
      consumer.startMessage();
      for (int c = 0; c < schema.size(); c++) {
        Column column = batch.column(c);
        if (column.isNull(row)) {
          continue;
        }
        String name = schema.field(c).name();
        consumer.startField(name, c);
        if (column instanceof Column.Longs l) {
          consumer.addLong(l.values()[row]);
        } else if (column instanceof Column.Doubles d) {
          consumer.addDouble(d.values()[row]);
        } else if (column instanceof Column.Booleans b) {
          consumer.addBoolean(b.values()[row]);
        } else {
          consumer.addBinary(Binary.fromString(((Column.Strings) column).values()[row]));
        }
        consumer.endField(name, c);
      }
      consumer.endMessage();
    }
  }
}
