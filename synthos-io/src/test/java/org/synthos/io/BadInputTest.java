package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCategory;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/** Every bad input gets a stable code and says where the problem is. */
@Tag("unit")
class BadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    Path f = dir.resolve("nope.csv");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    assertThat(e.category()).isEqualTo(ErrorCategory.USER);
    assertThat(e.location().orElseThrow().file()).isEqualTo(f.toString());
  }

  @Test
  void directory() {
    assertThat(TestData.failure(dir).code()).isEqualTo(ErrorCode.NOT_A_FILE);
  }

  @Test
  void permissionDeniedWhenTheOsDeniesIt() throws IOException {
    Path f = TestData.write(dir, "secret.csv", "a\n1\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    // root reads any file whatever its mode, so the denial can only be observed as another user;
    // the mapping itself is covered below.
    assumeFalse(Files.isReadable(f), "running as root: chmod does not deny reads");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
  }

  @Test
  void accessDeniedMapsToPermissionDenied() {
    Path f = dir.resolve("secret.csv");
    SynthosException e = InputFiles.openFailure(f, new AccessDeniedException(f.toString()));
    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(e.location()).contains(Location.ofFile(f.toString()));
  }

  @Test
  void emptyFile() {
    Path f = TestData.write(dir, "empty.csv", "");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.EMPTY_FILE);
  }

  @Test
  void emptyCompressedFile() {
    Path f = TestData.writeBytes(dir, "empty.csv.gz", TestData.gzip(""));
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.EMPTY_FILE);
  }

  @Test
  void headerOnly() {
    Path f = TestData.write(dir, "header.csv", "a,b,c\n");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.NO_DATA_ROWS);
  }

  @Test
  void raggedRowNamesLineAndRow() {
    Path f = TestData.write(dir, "ragged.csv", "a,b\n1,2\n\"x\ny\",3\n4,5,6\n");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.RAGGED_ROW);
    assertThat(e.location().orElseThrow().line()).isEqualTo(5);
    assertThat(e.location().orElseThrow().row()).isEqualTo(3);
    assertThat(e.getMessage()).contains("ragged.csv, line 5, row 3").contains("3 fields");
  }

  @Test
  void raggedRowAfterTheSampleIsFoundToo() {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 50; i++) {
      sb.append(i).append(",x\n");
    }
    sb.append("short\n");
    SynthosException e =
        TestData.failure(
            TestData.write(dir, "late.csv", sb.toString()),
            ReadOptions.defaults().withInferenceSampleRows(10).withBatchSize(7));
    assertThat(e.code()).isEqualTo(ErrorCode.RAGGED_ROW);
    assertThat(e.location().orElseThrow().line()).isEqualTo(52);
  }

  @Test
  void unterminatedQuote() {
    Path f = TestData.write(dir, "quote.csv", "a,b\n1,2\n3,\"open\n4,5\n");
    SynthosException e = TestData.failure(f);
    assertThat(e.code()).isEqualTo(ErrorCode.UNTERMINATED_QUOTE);
    assertThat(e.location().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void invalidUtf8NamesTheLine() {
    byte[] head = "a,b\n1,2\n3,".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    bytes[head.length + 1] = 'x';
    bytes[head.length + 2] = '\n';
    SynthosException e = TestData.failure(TestData.writeBytes(dir, "latin.csv", bytes));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ENCODING);
    assertThat(e.location().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void lineNumbersCountCrLfAndLoneCrOnce() {
    Path f = TestData.write(dir, "mixed-ends.csv", "a\r\n1\r2\n" + "x".repeat(50) + "\r\n");
    SynthosException e = TestData.failure(f, ReadOptions.defaults().withMaxLineLength(20));
    assertThat(e.code()).isEqualTo(ErrorCode.LINE_TOO_LONG);
    assertThat(e.location().orElseThrow().line()).isEqualTo(4);
  }

  @Test
  void aLineExactlyAtTheLimitIsAccepted() {
    Path f = TestData.write(dir, "edge.csv", "a\r\n" + "x".repeat(20) + "\r\n");
    assertThat(TestData.read(f, ReadOptions.defaults().withMaxLineLength(20)).rows()).isEqualTo(1);
  }

  @Test
  void utf16TextIsAnEncodingError() {
    byte[] bytes = "\uFEFFa,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(TestData.failure(TestData.writeBytes(dir, "excel.csv", bytes)).code())
        .isEqualTo(ErrorCode.INVALID_ENCODING);
  }

  @Test
  void lineOverTheLimit() {
    String longLine = "x".repeat(200);
    Path f = TestData.write(dir, "long.csv", "a\n1\n" + longLine + "\n");
    SynthosException e = TestData.failure(f, ReadOptions.defaults().withMaxLineLength(100));
    assertThat(e.code()).isEqualTo(ErrorCode.LINE_TOO_LONG);
    assertThat(e.location().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void unsupportedBinaryFormat() {
    byte[] bytes = {0x00, 0x01, 0x02, 0x03, 0x04};
    assertThat(TestData.failure(TestData.writeBytes(dir, "blob.bin", bytes)).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void excelWorkbookIsUnsupported() {
    byte[] bytes = {'P', 'K', 3, 4, 20, 0, 6, 0};
    assertThat(TestData.failure(TestData.writeBytes(dir, "book.xlsx", bytes)).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void jsonArrayIsUnsupported() {
    assertThat(TestData.failure(TestData.write(dir, "a.json", "[{\"a\":1}]")).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void gzNameOverPlainContent() {
    SynthosException e = TestData.failure(TestData.write(dir, "fake.csv.gz", "a,b\n1,2\n"));
    assertThat(e.code()).isEqualTo(ErrorCode.COMPRESSION_MISMATCH);
    assertThat(e.getMessage()).contains("gzip").contains("not compressed");
  }

  @Test
  void zstNameOverGzipContent() {
    Path f = TestData.writeBytes(dir, "fake.csv.zst", TestData.gzip("a\n1\n"));
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.COMPRESSION_MISMATCH);
  }

  @Test
  void truncatedGzipIsCorrupt() {
    assertHalfACompressedFileIsCorrupt("cut.csv.gz", TestData.gzip(manyRows()));
  }

  @Test
  void truncatedZstdIsCorrupt() {
    assertHalfACompressedFileIsCorrupt("cut.csv.zst", TestData.zstd(manyRows()));
  }

  private static String manyRows() {
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i).append(",").append(i * 7).append('\n');
    }
    return sb.toString();
  }

  private void assertHalfACompressedFileIsCorrupt(String name, byte[] compressed) {
    byte[] cut = java.util.Arrays.copyOf(compressed, compressed.length / 2);
    SynthosException e = TestData.failure(TestData.writeBytes(dir, name, cut));
    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
  }

  @Test
  void unknownOverrideColumn() {
    Path f = TestData.write(dir, "o.csv", "a\n1\n");
    SynthosException e =
        TestData.failure(
            f, ReadOptions.defaults().withColumnType("b", org.synthos.api.ColumnType.FLOAT));
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
  }

  @Test
  void duplicateHeaderNameIsLocatedOnTheHeaderLine() {
    SynthosException e = TestData.failure(TestData.write(dir, "dup.csv", "a,a\n1,2\n"));
    assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
    assertThat(e.location().orElseThrow().line()).isEqualTo(1);
  }

  @Test
  void invalidOptionsAreRejected() {
    assertThatThrownBy(() -> ReadOptions.defaults().withBatchSize(0))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ReadOptions.defaults().withDelimiter('"'))
        .isInstanceOf(SynthosException.class);
  }

  @Test
  void theFileIsClosedAfterAFailureSoItCanBeDeleted() throws IOException {
    Path f = TestData.write(dir, "r.csv", "a,b\n1\n");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.RAGGED_ROW);
    long open = openDescriptorsOn(f);
    assertThat(open).isZero();
  }

  @Test
  void aJsonFailureClosesTheFileToo() throws IOException {
    Path f = TestData.write(dir, "bad.jsonl", "{\"a\":1}\n{oops}\n");
    assertThat(TestData.failure(f).code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
    assertThat(openDescriptorsOn(f)).isZero();
  }

  @Test
  void closingMidStreamReleasesTheFileAndTheWorker() throws IOException {
    StringBuilder sb = new StringBuilder("n\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append(i).append('\n');
    }
    Path f = TestData.write(dir, "big.csv", sb.toString());
    try (DatasetReader reader = Datasets.open(f, ReadOptions.defaults().withBatchSize(100))) {
      assertThat(reader.next()).isPresent();
      assertThat(openDescriptorsOn(f)).isEqualTo(1);
    }
    assertThat(openDescriptorsOn(f)).isZero();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("synthos-row-prefetch") && t.isAlive())
                .count())
        .isZero();
  }

  /** Counts this process's descriptors open on {@code file} (Linux /proc). */
  static long openDescriptorsOn(Path file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    Path real = file.toRealPath();
    try (var stream = Files.list(fds)) {
      return stream
          .filter(
              fd -> {
                try {
                  return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                  return false;
                }
              })
          .count();
    }
  }
}
