package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * {@link FileDigests} agrees with {@code sha256sum} (expected digests are the published FIPS 180-2
 * test vectors, not computed here), and a {@link DatasetFile} gives identical passes.
 */
@Tag("unit")
class DatasetFileTest {
  @TempDir Path dir;

  @Test
  void sha256MatchesThePublishedTestVectors() throws Exception {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    Path abc = TestData.write(dir, "abc.txt", "abc");
    assertThat(FileDigests.sha256(abc))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // SHA-256 of no bytes.
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThat(FileDigests.sha256(empty))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // FIPS 180-2, appendix B.3: one million 'a', far more than one read buffer.
    byte[] million = new byte[1_000_000];
    Arrays.fill(million, (byte) 'a');
    Path many = TestData.writeBytes(dir, "million.txt", million);
    assertThat(FileDigests.sha256(many))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  void sha256OfACompressedFileIsOfItsStoredBytes() {
    byte[] gz = TestData.gzip("abc");
    Path file = TestData.writeBytes(dir, "abc.gz", gz);
    assertThat(FileDigests.sha256(file))
        .isNotEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        .hasSize(64);
  }

  @Test
  void sha256NamesAMissingFileOrADirectory() {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> FileDigests.sha256(missing))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
              assertThat(e.getMessage()).contains("missing.csv");
            });
    assertThatThrownBy(() -> FileDigests.sha256(dir))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_FILE));
  }

  @Test
  void everyPassReadsTheSameBatches() {
    Path file = csv(2_500);
    DatasetFile data = DatasetFile.open(file, ReadOptions.defaults().withBatchSize(1_000));

    List<List<Object>> first = rows(data.batches());
    List<List<Object>> second = rows(data.batches());
    List<List<Object>> reopened =
        rows(DatasetFile.open(file, ReadOptions.defaults().withBatchSize(1_000)).batches());

    assertThat(first).hasSize(2_500);
    assertThat(second).isEqualTo(first);
    assertThat(reopened).isEqualTo(first);
    assertThat(first).isEqualTo(rows(TestData.read(file).batches().iterator()));
    Iterator<ColumnBatch> pass = data.batches();
    while (pass.hasNext()) {
      assertThat(pass.next().schema()).isEqualTo(data.schema());
    }
  }

  @Test
  void carriesTheFilesDigestSizeAndSchema() throws Exception {
    Path file = TestData.write(dir, "abc.csv", "a,b\n1,x\n2,y\n");
    DatasetFile data = DatasetFile.open(file, ReadOptions.defaults());
    assertThat(data.path()).isEqualTo(file);
    assertThat(data.sizeBytes()).isEqualTo(Files.size(file));
    assertThat(data.sha256())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(
                    java.security.MessageDigest.getInstance("SHA-256")
                        .digest("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8))));
    assertThat(data.schema().field(0).type()).isEqualTo(ColumnType.INTEGER);
    assertThat(data.readOptions().schemaOverrides())
        .containsEntry("a", ColumnType.INTEGER)
        .containsEntry("b", data.schema().field(1).type());
  }

  @Test
  void afterReadSeesEveryPass() {
    DatasetFile data = DatasetFile.open(csv(100), ReadOptions.defaults());
    AtomicLong rows = new AtomicLong();
    rows(data.batches(stats -> rows.set(stats.rowsRead())));
    assertThat(rows.get()).isEqualTo(100);
  }

  private Path csv(int rows) {
    StringBuilder s = new StringBuilder("id,amount,segment,when\n");
    for (int i = 0; i < rows; i++) {
      s.append(i)
          .append(',')
          .append(i % 13 == 0 ? "" : Double.toString(i * 0.25))
          .append(",s")
          .append(i % 5)
          .append(",2024-01-")
          .append(String.format(java.util.Locale.ROOT, "%02d", 1 + i % 28))
          .append('\n');
    }
    return TestData.write(dir, "data.csv", s.toString());
  }

  /** Every row of a pass as plain values, with the batch's first row number in front. */
  private static List<List<Object>> rows(Iterator<ColumnBatch> pass) {
    List<List<Object>> out = new ArrayList<>();
    while (pass.hasNext()) {
      ColumnBatch b = pass.next();
      for (int r = 0; r < b.rowCount(); r++) {
        List<Object> row = new ArrayList<>();
        row.add(b.firstRow() + r);
        for (int c = 0; c < b.schema().size(); c++) {
          row.add(TestData.value(b.column(c), r));
        }
        out.add(row);
      }
    }
    return out;
  }
}
