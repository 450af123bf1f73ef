package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCategory;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** Every cap on inputs is a located data error (exit code 2), never an internal one. */
@Tag("unit")
class InputLimitsTest {
  @TempDir Path dir;

  private static void assertLimit(SynthosException e, String what) {
    assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    assertThat(e.category()).isEqualTo(ErrorCategory.DATA);
    assertThat(e.code().exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).contains(what);
    assertThat(e.location()).isPresent();
  }

  @Test
  void aHundredThousandCharacterJsonKeyIsADataError() {
    String key = "k".repeat(100_000);
    Path f = TestData.write(dir, "key.jsonl", "{\"" + key + "\":1,\"a\":2}\n{\"" + key + "\":3}\n");
    SynthosException e = TestData.failure(f);
    assertLimit(e, "a key is longer than the limit of 1024 characters");
    assertThat(e.location().orElseThrow().line()).isEqualTo(1L);
  }

  @Test
  void deepJsonNestingIsADataError() {
    Path f =
        TestData.write(dir, "deep.jsonl", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}\n");
    assertLimit(TestData.failure(f), "nest deeper than the limit of 64");
  }

  @Test
  void aFirstRecordWithMoreThanSixteenKeysIsRead() {
    // Regression: the cell array grew while a value was being stored into the old one.
    StringBuilder o = new StringBuilder("{");
    for (int i = 0; i < 40; i++) {
      o.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    Path f = TestData.write(dir, "forty.jsonl", o + "}\n" + o + "}\n");
    TestData.Table t = TestData.read(f);
    assertThat(t.schema().size()).isEqualTo(40);
    assertThat(t.column("k39")).containsExactly(39L, 39L);
  }

  @Test
  void tooManyColumnsIsADataError() {
    StringBuilder header = new StringBuilder("c0");
    StringBuilder row = new StringBuilder("1");
    for (int i = 1; i <= InputLimits.MAX_COLUMNS; i++) {
      header.append(",c").append(i);
      row.append(",1");
    }
    Path f = TestData.write(dir, "wide.csv", header + "\n" + row + "\n");
    assertLimit(TestData.failure(f), "10001 columns, over the limit of 10000");
  }

  @Test
  void tooManyJsonKeysIsADataError() {
    StringBuilder o = new StringBuilder("{");
    for (int i = 0; i <= InputLimits.MAX_COLUMNS; i++) {
      o.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    Path f = TestData.write(dir, "wide.jsonl", o + "}\n");
    assertLimit(TestData.failure(f), "over the limit of 10000");
  }

  @Test
  void aDecompressionBombStopsEarly() throws IOException {
    Path f = dir.resolve("bomb.csv.gz");
    byte[] rows = "1,2\n".repeat(250_000).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 400; i++) {
        out.write(rows);
      }
    }
    assertThat(Files.size(f)).isLessThan(1 << 20);
    assertLimit(readAll(f), "expands more than 200 times");
  }

  /** Streams every batch without keeping it; returns the failure that ends the read. */
  private static SynthosException readAll(Path f) {
    try (DatasetReader r = Datasets.open(f, ReadOptions.defaults())) {
      for (var it = Datasets.batches(r); it.hasNext(); ) {
        it.next();
      }
    } catch (SynthosException e) {
      return e;
    }
    throw new AssertionError("expected the read of " + f + " to fail");
  }

  @Test
  void ordinaryCompressedDataPasses() throws IOException {
    Path f = dir.resolve("ok.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 200_000; i++) {
        out.write((i + "," + (i * 7919 % 10007) + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    try (DatasetReader r = Datasets.open(f, ReadOptions.defaults())) {
      long rows = 0;
      for (var it = Datasets.batches(r); it.hasNext(); ) {
        rows += it.next().rowCount();
      }
      assertThat(rows).isEqualTo(200_000);
    }
  }
}
