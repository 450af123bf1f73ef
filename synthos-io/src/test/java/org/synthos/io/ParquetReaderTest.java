package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class ParquetReaderTest {
  @TempDir Path dir;

  private static final MessageType FOREIGN =
      MessageTypeParser.parseMessageType(
          "message m {\n"
              + "  required int32 small;\n"
              + "  optional int64 big;\n"
              + "  optional int32 day (DATE);\n"
              + "  optional int64 ms (TIMESTAMP(MILLIS,true));\n"
              + "  optional int64 ns (TIMESTAMP(NANOS,false));\n"
              + "  optional int96 legacy;\n"
              + "  optional float f;\n"
              + "  optional double d;\n"
              + "  optional int32 price (DECIMAL(9,2));\n"
              + "  optional boolean ok;\n"
              + "  optional binary city (STRING);\n"
              + "  optional group address { optional binary zip (STRING); }\n"
              + "}");

  /** A file from parquet-java's own example writer, so the mapping is checked on foreign files. */
  private Path foreignFile(int rows) throws IOException {
    Path file = dir.resolve("foreign.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(FOREIGN);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(FOREIGN)
            .withRowGroupSize(64 * 1024L)
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup().append("small", i);
        if (i % 3 != 0) {
          g.append("big", (long) i * 1_000_000_007L);
        }
        g.append("day", 19_782 + i); // 2024-02-29 + i days
        g.append("ms", 1_709_164_800_000L + i);
        g.append("ns", 1_709_164_800_000_000_123L);
        g.append("legacy", int96(2_460_370, 3_600_000_000_000L)); // 2024-02-29T01:00Z
        g.append("f", 0.5f);
        g.append("d", i / 4.0);
        g.append("price", 12_345 + i);
        g.append("ok", i % 2 == 0);
        g.append("city", i % 2 == 0 ? "Paris" : "Lyon");
        g.addGroup("address").append("zip", "750" + (i % 10));
        w.write(g);
      }
    }
    return file;
  }

  private static Binary int96(int julianDay, long nanosOfDay) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanosOfDay).putInt(julianDay);
    return Binary.fromConstantByteArray(b.array());
  }

  @Test
  void mapsParquetTypesThroughTheColumnApi() throws IOException {
    Path file = foreignFile(5);
    assertThat(Datasets.detect(file).format()).isEqualTo(DataFormat.PARQUET);
    TestData.Table t = TestData.read(file);
    assertThat(t.schema().names())
        .containsExactly(
            "small",
            "big",
            "day",
            "ms",
            "ns",
            "legacy",
            "f",
            "d",
            "price",
            "ok",
            "city",
            "address.zip");
    assertThat(t.schema().fields())
        .extracting(f -> f.type())
        .containsExactly(
            ColumnType.INTEGER,
            ColumnType.INTEGER,
            ColumnType.DATETIME,
            ColumnType.DATETIME,
            ColumnType.DATETIME,
            ColumnType.DATETIME,
            ColumnType.FLOAT,
            ColumnType.FLOAT,
            ColumnType.FLOAT,
            ColumnType.BOOLEAN,
            ColumnType.CATEGORICAL,
            ColumnType.CATEGORICAL);
    assertThat(t.column("small")).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(t.column("big"))
        .containsExactly(null, 1_000_000_007L, 2_000_000_014L, null, 4_000_000_028L);
    assertThat(t.column("day").get(0)).isEqualTo(1_709_164_800_000_000L);
    assertThat(t.column("ms").get(1)).isEqualTo(1_709_164_800_001_000L);
    assertThat(t.column("ns").get(0)).isEqualTo(1_709_164_800_000_000L);
    assertThat(t.column("legacy").get(0)).isEqualTo(1_709_168_400_000_000L);
    assertThat(t.column("f").get(0)).isEqualTo(0.5);
    assertThat(t.column("price").get(1)).isEqualTo(new BigDecimal("123.46").doubleValue());
    assertThat(t.column("ok")).containsExactly(true, false, true, false, true);
    assertThat(t.column("address.zip").get(3)).isEqualTo("7503");
    assertThat(t.stats().bytesRead()).isEqualTo(t.stats().totalBytes());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
  void readsEveryCommonCodecAndV2Pages(CompressionCodecName codec) throws IOException {
    MessageType type =
        MessageTypeParser.parseMessageType(
            "message m { optional double x; optional binary s (STRING); }");
    Path file = dir.resolve(codec + ".parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withType(type)
            .withCompressionCodec(codec)
            .withCodecFactory(
                new ParquetCodecs(ParquetReadOptions.builder().build().getCodecFactory()))
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
            .build()) {
      for (int i = 0; i < 3000; i++) {
        Group g = groups.newGroup().append("s", "v" + (i % 7));
        if (i % 5 != 0) {
          g.append("x", i * 0.5);
        }
        w.write(g);
      }
    }
    TestData.Table t = TestData.read(file);
    assertThat(t.rows()).isEqualTo(3000);
    assertThat(t.column("x").get(0)).isNull();
    assertThat(t.column("x").get(2999)).isEqualTo(1499.5);
    assertThat(t.column("s").get(13)).isEqualTo("v6");
  }

  @Test
  void batchesSpanRowGroupsAndEveryRowIsCounted() throws IOException {
    Path file = foreignFile(20_000);
    TestData.Table t = TestData.read(file, ReadOptions.defaults().withBatchSize(3000));
    long groups;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      groups = r.getRowGroups().size();
    }
    assertThat(groups).isGreaterThan(1);
    assertThat(t.rows()).isEqualTo(20_000);
    assertThat(t.stats().rowsRead()).isEqualTo(20_000);
    long expectedFirst = 0;
    for (var b : t.batches()) {
      assertThat(b.firstRow()).isEqualTo(expectedFirst);
      expectedFirst += b.rowCount();
    }
    assertThat(t.column("small").get(19_999)).isEqualTo(19_999L);
  }

  @Test
  void overrideWithinThePhysicalTypeIsHonouredAndAcrossIsRejected() throws IOException {
    Path file = foreignFile(3);
    TestData.Table t =
        TestData.read(file, ReadOptions.defaults().withColumnType("city", ColumnType.TEXT));
    assertThat(t.schema().field(10).type()).isEqualTo(ColumnType.TEXT);
    SynthosException e =
        TestData.failure(file, ReadOptions.defaults().withColumnType("city", ColumnType.FLOAT));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.location().orElseThrow().column()).isEqualTo("city");
  }

  @Test
  void truncatedFileHasABadFooter() throws IOException {
    Path file = foreignFile(100);
    byte[] bytes = Files.readAllBytes(file);
    Path cut = TestData.writeBytes(dir, "cut.parquet", Arrays.copyOf(bytes, bytes.length - 10));
    SynthosException e = TestData.failure(cut);
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
    assertThat(BadInputTest.openDescriptorsOn(cut)).isZero();
    assertThat(e.getMessage()).contains("footer");
  }

  @Test
  void garbageFooterIsCorrupt() throws IOException {
    Path file = foreignFile(100);
    byte[] bytes = Files.readAllBytes(file);
    int footerLength =
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = bytes.length - 8 - footerLength;
    for (int i = footerStart; i < footerStart + 32; i++) {
      bytes[i] = (byte) 0xEE;
    }
    SynthosException e = TestData.failure(TestData.writeBytes(dir, "f.parquet", bytes));
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
  }

  @Test
  void damagedPageIsCorruptAndLocated() throws IOException {
    Path file = dir.resolve("ours.parquet");
    TestData.Table source = TestData.read(foreignFile(2000));
    try (DatasetWriter w = DatasetWriters.parquet(file, source.schema())) {
      source.batches().forEach(w::write);
    }
    long start;
    long size;
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      ColumnChunkMetaData chunk = r.getRowGroups().get(0).getColumns().get(7); // "d"
      start = chunk.getStartingPos();
      size = chunk.getTotalSize();
    }
    byte[] bytes = Files.readAllBytes(file);
    for (long i = start + size - 40; i < start + size - 8; i++) {
      bytes[(int) i] ^= 0x5A;
    }
    Path bad = TestData.writeBytes(dir, "bad.parquet", bytes);
    SynthosException e = TestData.failure(bad);
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
    assertThat(BadInputTest.openDescriptorsOn(bad)).isZero();
    assertThat(e.location().orElseThrow().row()).isEqualTo(1);
    assertThat(e.location().orElseThrow().column()).isEqualTo("d");
  }

  @Test
  void forcedParquetOnTextIsCorrupt() {
    Path f = TestData.write(dir, "text.parquet", "a,b\n1,2\n");
    SynthosException e = TestData.failure(f, ReadOptions.defaults().withFormat(DataFormat.PARQUET));
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
  }

  @Test
  void emptyParquetHasNoDataRows() {
    Path file = dir.resolve("empty.parquet");
    org.synthos.api.Schema schema =
        org.synthos.api.Schema.of(new org.synthos.api.Field("x", ColumnType.FLOAT));
    DatasetWriters.parquet(file, schema).close();
    assertThat(TestData.failure(file).code()).isEqualTo(ErrorCode.NO_DATA_ROWS);
  }

  @Test
  void repeatedFieldsAreUnsupported() throws IOException {
    MessageType listy = MessageTypeParser.parseMessageType("message m { repeated int32 xs; }");
    Path file = dir.resolve("list.parquet");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(listy).build()) {
      w.write(new SimpleGroupFactory(listy).newGroup().append("xs", 1).append("xs", 2));
    }
    SynthosException e = TestData.failure(file);
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
    assertThat(e.location().orElseThrow().column()).isEqualTo("xs");
  }
}
