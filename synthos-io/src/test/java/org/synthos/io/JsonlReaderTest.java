package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class JsonlReaderTest {
  @TempDir Path dir;

  @Test
  void flattensNestedObjectsKeepsArraysAsTextAndMissingKeysAreNull() {
    Path f =
        TestData.write(
            dir,
            "events.jsonl",
            "{\"id\":1,\"user\":{\"name\":\"ann\",\"age\":31},\"tags\":[\"a\",1]}\n"
                + "\n"
                + "{\"id\":2,\"user\":{\"name\":\"bob\"},\"tags\":[],\"score\":NaN}\n"
                + "{\"id\":3,\"user\":null,\"score\":2.5}\n");
    TestData.Table t = TestData.read(f);
    assertThat(t.schema().names()).containsExactly("id", "user.name", "user.age", "tags", "score");
    assertThat(t.column("id")).containsExactly("1", "2", "3");
    assertThat(t.schema().field(0).type()).isEqualTo(ColumnType.IDENTIFIER);
    assertThat(t.column("user.name")).containsExactly("ann", "bob", null);
    assertThat(t.column("user.age")).containsExactly(31L, null, null);
    assertThat(t.column("tags")).containsExactly("[\"a\",1]", "[]", null);
    assertThat(t.column("score").get(1)).isEqualTo(Double.NaN);
    assertThat(t.column("score").get(2)).isEqualTo(2.5);
    assertThat(t.stats().rowsRead()).isEqualTo(3);
  }

  @Test
  void detectedFromContentWhateverTheName() {
    Path f = TestData.write(dir, "data.txt", "  {\"a\": true}\n{\"a\": false}\n");
    assertThat(Datasets.detect(f).format()).isEqualTo(DataFormat.JSONL);
    assertThat(TestData.read(f).column("a")).containsExactly(true, false);
  }

  @Test
  void gzipJsonLines() {
    Path f = TestData.writeBytes(dir, "d.jsonl.gz", TestData.gzip("{\"x\":1}\n{\"x\":2}\n"));
    assertThat(TestData.read(f).column("x")).containsExactly(1L, 2L);
  }

  @Test
  void aKeyFirstSeenAfterTheSampleIsASchemaMismatchNamingTheLine() {
    Path f = TestData.write(dir, "late.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":3,\"b\":4}\n");
    SynthosException e = TestData.failure(f, ReadOptions.defaults().withInferenceSampleRows(2));
    assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
    assertThat(e.location().orElseThrow().line()).isEqualTo(3);
    assertThat(e.location().orElseThrow().column()).isEqualTo("b");
  }

  @Test
  void aKeyDeclaredByOverrideIsAcceptedAfterTheSample() {
    Path f = TestData.write(dir, "late.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":3,\"b\":4}\n");
    TestData.Table t =
        TestData.read(
            f,
            ReadOptions.defaults()
                .withInferenceSampleRows(2)
                .withColumnType("b", ColumnType.FLOAT));
    assertThat(t.column("b")).containsExactly(null, null, 4.0);
  }

  @Test
  void malformedJsonNamesTheLine() {
    Path f = TestData.write(dir, "bad.jsonl", "{\"a\":1}\n{\"a\":2,}\n");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
    assertThat(e.location().orElseThrow().line()).isEqualTo(2);
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void aLineThatIsNotAnObjectIsMalformed() {
    Path f = TestData.write(dir, "scalar.jsonl", "{\"a\":1}\n42\n");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
    assertThat(e.location().orElseThrow().line()).isEqualTo(2);
  }

  @Test
  void duplicateKeyInALineIsMalformed() {
    Path f = TestData.write(dir, "dup.jsonl", "{\"a\":1,\"a\":2}\n");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
  }

  @Test
  void truncatedLastObjectIsMalformed() {
    Path f = TestData.write(dir, "cut.jsonl", "{\"a\":1}\n{\"a\":");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
    assertThat(e.location().orElseThrow().line()).isEqualTo(2);
  }
}
