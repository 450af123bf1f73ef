package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

@Tag("unit")
class WriterTest {
  @TempDir Path dir;

  private static final Schema SCHEMA =
      Schema.of(
          new Field("id", ColumnType.IDENTIFIER),
          new Field("n", ColumnType.INTEGER),
          new Field("when", ColumnType.DATETIME));

  private static ColumnBatch batch() {
    return Batches.of(
        SCHEMA,
        List.of(
            Arrays.asList("a", "b"),
            Arrays.asList(1L, null),
            Arrays.asList(1_709_164_800_000_000L, -1L)),
        0);
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @ParameterizedTest
  @EnumSource(DataFormat.class)
  void nothingAppearsAtTheTargetUntilClose(DataFormat format) throws IOException {
    Path target = dir.resolve("out." + format.name().toLowerCase(java.util.Locale.ROOT));
    DatasetWriter w = DatasetWriters.of(format, target, SCHEMA);
    w.write(batch());
    assertThat(target).doesNotExist();
    w.close();
    assertThat(listing()).containsExactly(target);
    TestData.Table t = TestData.read(target, ReadOptions.defaults().withFormat(format));
    assertThat(t.column("n")).containsExactly(1L, null);
    assertThat(t.column("when")).containsExactly(1_709_164_800_000_000L, -1L);
  }

  @Test
  void abortLeavesNothingAndKeepsAnExistingTarget() throws IOException {
    Path target = TestData.write(dir, "keep.csv", "old\n1\n");
    DatasetWriter w = DatasetWriters.csv(target, SCHEMA);
    w.write(batch());
    w.abort();
    w.close();
    assertThat(listing()).containsExactly(target);
    assertThat(Files.readString(target)).isEqualTo("old\n1\n");
  }

  @Test
  void aFailedWriteMeansCloseCommitsNothing() throws IOException {
    Path target = dir.resolve("x.parquet");
    Schema other = Schema.of(new Field("z", ColumnType.FLOAT));
    try (DatasetWriter w = DatasetWriters.parquet(target, SCHEMA)) {
      w.write(batch());
      ColumnBatch wrong = Batches.of(other, List.of(Arrays.asList(1.0)), 0);
      assertThatThrownBy(() -> w.write(wrong))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
    }
    assertThat(listing()).isEmpty();
  }

  @Test
  void closeReplacesAnExistingTarget() throws IOException {
    Path target = TestData.write(dir, "r.jsonl", "{\"old\":1}\n");
    try (DatasetWriter w = DatasetWriters.jsonl(target, SCHEMA)) {
      w.write(batch());
    }
    assertThat(TestData.read(target).schema().names()).containsExactly("id", "n", "when");
  }

  @Test
  void writingIntoAMissingFolderFailsCleanly() {
    assertThatThrownBy(() -> DatasetWriters.csv(dir.resolve("no/such/dir/x.csv"), SCHEMA))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE));
  }

  @Test
  void theCommittedFileHasDefaultPermissionsNotPrivateOnes() throws IOException {
    Path target = dir.resolve("shared.parquet");
    try (DatasetWriter w = DatasetWriters.parquet(target, SCHEMA)) {
      w.write(batch());
    }
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(target))
        .isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void oneColumnCsvKeepsNullRows() {
    Path target = dir.resolve("one.csv");
    Schema one = Schema.of(new Field("v", ColumnType.FLOAT));
    try (DatasetWriter w = DatasetWriters.csv(target, one)) {
      w.write(Batches.of(one, List.of(Arrays.asList(1.5, null, null, 2.0)), 0));
    }
    assertThat(TestData.read(target).column("v")).containsExactly(1.5, null, null, 2.0);
  }
}
