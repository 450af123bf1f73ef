package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;

@Tag("unit")
class CsvReaderTest {
  @TempDir Path dir;

  @Test
  void everyColumnSaysWhyItHasItsTypeAndOverridesSaySo() {
    Path f =
        TestData.write(
            dir,
            "people.csv",
            "id,age,city\n" + "a1,34,Paris\n" + "a2,NA,Lyon\n" + "a3,51,Paris\n");
    assertThat(TestData.read(f).schema().fields())
        .extracting(fd -> fd.reason())
        .containsExactly(TypeReason.UNIQUE_KEY_NAME, TypeReason.NUMBERS, TypeReason.FEW_DISTINCT);
    TestData.Table forced =
        TestData.read(
            f,
            ReadOptions.defaults().withSchemaOverrides(Map.of("city", ColumnType.fromLabel("id"))));
    assertThat(forced.schema().field(2).type()).isEqualTo(ColumnType.IDENTIFIER);
    assertThat(forced.schema().field(2).reason()).isEqualTo(TypeReason.OVERRIDE);
  }

  @Test
  void cellsReadAsRangesOfABufferKeepEveryValueAcrossBlocksAndBatches() {
    // Past the inference sample, across many hand-over blocks and several batches: padded numbers,
    // null tokens, boolean words, quoted categories with commas, doubled quotes and line breaks.
    int rows = 30_000;
    String[] labels = {"plain", "with, comma", "say \"hi\"", "two\nlines", "  padded  "};
    StringBuilder csv = new StringBuilder("n,x,flag,when,label\n");
    for (int i = 0; i < rows; i++) {
      String x = i % 97 == 0 ? "NA" : bad(i) ? "oops" : (i % 3 == 0 ? " " : "") + (i * 0.25);
      String label = labels[i % labels.length];
      csv.append(i % 1000)
          .append(',')
          .append(x)
          .append(',')
          .append(i % 2 == 0 ? "Yes" : "no")
          .append(',')
          .append(String.format("2024-01-%02dT00:00:%02dZ", 1 + i % 28, i % 60))
          .append(",\"")
          .append(label.replace("\"", "\"\""))
          .append("\"\n");
    }
    TestData.Table t = TestData.read(TestData.write(dir, "blocks.csv", csv.toString()));

    assertThat(t.rows()).isEqualTo(rows);
    long invalid = 0;
    for (int i = 0; i < rows; i++) {
      assertThat(t.column("n").get(i)).isEqualTo((long) (i % 1000));
      Object x = t.column("x").get(i);
      if (i % 97 == 0) {
        assertThat(x).isNull();
      } else if (bad(i)) {
        assertThat(x).isNull();
        invalid++;
      } else {
        assertThat(x).isEqualTo(i * 0.25);
      }
      assertThat(t.column("flag").get(i)).isEqualTo(i % 2 == 0);
      long micros = ((i % 28) * 86_400L + i % 60) * 1_000_000L + 1_704_067_200_000_000L;
      assertThat(t.column("when").get(i)).isEqualTo(micros);
      assertThat(t.column("label").get(i)).isEqualTo(labels[i % labels.length]);
    }
    assertThat(t.stats().invalidCells().get("x")).isEqualTo(invalid);
  }

  @Test
  void aWideFileIsReadPastTheSampleInBlocksOfFewerRows() {
    // 300 columns: blocks of 873 rows, so the 2,000 rows past the inference sample take three.
    int columns = 300;
    int rows = 12_000;
    StringBuilder csv = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      csv.append(c == 0 ? "" : ",").append("c").append(c);
    }
    csv.append('\n');
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        csv.append(c == 0 ? "" : ",").append((r + c) % 7);
      }
      csv.append('\n');
    }
    TestData.Table t = TestData.read(TestData.write(dir, "wide.csv", csv.toString()));

    assertThat(t.rows()).isEqualTo(rows);
    for (int r : new int[] {0, 9_999, 10_000, 10_499}) {
      for (int c : new int[] {0, 150, columns - 1}) {
        assertThat(t.column("c" + c).get(r)).isEqualTo((long) ((r + c) % 7));
      }
    }
  }

  /** Cells that do not parse, all past the inference sample so that the column stays numeric. */
  private static boolean bad(int i) {
    return i >= 12_000 && i % 89 == 0;
  }

  @Test
  void aRaggedRowPastTheFirstBlocksIsNamedByLineAndRow() {
    StringBuilder csv = new StringBuilder("a,b\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i).append(',').append(i).append('\n');
    }
    csv.append("1,2,3\n");
    SynthosException e = TestData.failure(TestData.write(dir, "late-ragged.csv", csv.toString()));

    assertThat(e.code()).isEqualTo(ErrorCode.RAGGED_ROW);
    assertThat(e.getMessage()).contains("line 20002, row 20001").contains("3 fields");
  }

  @Test
  void readsTypedColumnsWithNullTokens() {
    Path f =
        TestData.write(
            dir,
            "people.csv",
            "id,age,height,member,joined,city\n"
                + "a1,34,1.80,true,2024-02-29,Paris\n"
                + "a2,NA,1.65,false,2023-12-31T23:59:59Z,Lyon\n"
                + "a3,51,,yes,2024-01-01 08:30,Paris\n");
    TestData.Table t = TestData.read(f);
    assertThat(t.schema().fields())
        .extracting(fd -> fd.type())
        .containsExactly(
            ColumnType.IDENTIFIER,
            ColumnType.INTEGER,
            ColumnType.FLOAT,
            ColumnType.BOOLEAN,
            ColumnType.DATETIME,
            ColumnType.CATEGORICAL);
    assertThat(t.column("age")).containsExactly(34L, null, 51L);
    assertThat(t.column("height")).containsExactly(1.80, 1.65, null);
    assertThat(t.column("member")).containsExactly(true, false, true);
    assertThat(t.column("joined"))
        .containsExactly(1_709_164_800_000_000L, 1_704_067_199_000_000L, 1_704_097_800_000_000L);
    assertThat(t.stats().rowsRead()).isEqualTo(3);
    assertThat(t.stats().invalidCellsTotal()).isZero();
    assertThat(t.stats().bytesRead()).isEqualTo(t.stats().totalBytes());
  }

  @Test
  void quotedNewlinesDelimitersAndQuotesAreOneCellAndEveryRowIsCounted() {
    Path f =
        TestData.write(
            dir,
            "quoted.csv",
            "k,note\r\n1,\"two\nlines\"\r\n2,\"a, b\"\r\n\r\n3,\"say \"\"hi\"\"\"\r\n4,plain");
    TestData.Table t = TestData.read(f);
    assertThat(t.rows()).isEqualTo(4);
    assertThat(t.column("note")).containsExactly("two\nlines", "a, b", "say \"hi\"", "plain");
    assertThat(t.stats().rowsRead()).isEqualTo(4);
  }

  @Test
  void byteOrderMarkIsDroppedFromTheFirstHeaderName() {
    Path f = TestData.write(dir, "bom.csv", "\uFEFFx,y\n1,2\n");
    assertThat(TestData.read(f).schema().names()).containsExactly("x", "y");
  }

  @Test
  void sniffsSemicolonTabAndPipe() {
    for (String d : new String[] {";", "\t", "|"}) {
      Path f = TestData.write(dir, "d" + (int) d.charAt(0) + ".txt", "a" + d + "b\n1" + d + "2\n");
      TestData.Table t = TestData.read(f);
      assertThat(t.schema().names()).containsExactly("a", "b");
      assertThat(t.column("b")).containsExactly(2L);
    }
  }

  @Test
  void gzipAndZstdInputsReadLikePlainText() {
    String csv = "a,b\n1,x\n2,y\n";
    TestData.Table gz = TestData.read(TestData.writeBytes(dir, "f.csv.gz", TestData.gzip(csv)));
    TestData.Table zs = TestData.read(TestData.writeBytes(dir, "f.csv.zst", TestData.zstd(csv)));
    assertThat(gz.column("a")).containsExactly(1L, 2L);
    assertThat(zs.column("b")).containsExactly("x", "y");
    assertThat(gz.stats().bytesRead()).isEqualTo(gz.stats().totalBytes());
  }

  @Test
  void mixedColumnIsTypedByMajorityAndStrayCellsAreInvalidNotDropped() {
    StringBuilder sb = new StringBuilder("v\n");
    for (int i = 0; i < 9; i++) {
      sb.append(i).append('\n');
    }
    sb.append("oops\n");
    TestData.Table t = TestData.read(TestData.write(dir, "mixed.csv", sb.toString()));
    assertThat(t.schema().field(0).type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.rows()).isEqualTo(10);
    assertThat(t.column("v").get(9)).isNull();
    Column col = t.batches().get(0).column(0);
    assertThat(col.invalid().get(9)).isTrue();
    assertThat(col.nulls().get(9)).isTrue();
    assertThat(t.stats().invalidCells()).containsEntry("v", 1L);
  }

  @Test
  void batchesCarryTheirFirstRow() {
    StringBuilder sb = new StringBuilder("n\n");
    for (int i = 0; i < 25; i++) {
      sb.append(i).append('\n');
    }
    TestData.Table t =
        TestData.read(
            TestData.write(dir, "n.csv", sb.toString()),
            ReadOptions.defaults().withBatchSize(10).withInferenceSampleRows(7));
    assertThat(t.batches()).extracting(b -> b.firstRow()).containsExactly(0L, 10L, 20L);
    assertThat(t.batches()).extracting(b -> b.rowCount()).containsExactly(10, 10, 5);
    assertThat(t.column("n")).hasSize(25).element(24).isEqualTo(24L);
  }

  @Test
  void nanIsAFloatValueAndCustomNullTokensApply() {
    Path f = TestData.write(dir, "nan.csv", "x,s\n1.5,-\nNaN,b\n-inf,NaN\n");
    TestData.Table t = TestData.read(f, ReadOptions.defaults().withNullTokens(Set.of("-")));
    assertThat(t.column("x").get(1)).isEqualTo(Double.NaN);
    assertThat(t.column("x").get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(t.column("s")).containsExactly(null, "b", "NaN");
  }

  @Test
  void schemaOverrideReplacesTheInferredType() {
    Path f = TestData.write(dir, "o.csv", "flag,code\n1,10\n0,20\n");
    TestData.Table t =
        TestData.read(
            f,
            ReadOptions.defaults()
                .withColumnType("flag", ColumnType.BOOLEAN)
                .withColumnType("code", ColumnType.CATEGORICAL));
    assertThat(t.column("flag")).containsExactly(true, false);
    assertThat(t.column("code")).containsExactly("10", "20");
  }

  @Test
  void forcedFormatAndDelimiterWinOverDetection() {
    Path f = TestData.write(dir, "semi.csv", "a;b,c\n1;2,3\n");
    TestData.Table t =
        TestData.read(f, ReadOptions.defaults().withFormat(DataFormat.CSV).withDelimiter(','));
    assertThat(t.schema().names()).containsExactly("a;b", "c");
  }

  @Test
  void blankHeaderNamesGetPositionalNames() {
    TestData.Table t = TestData.read(TestData.write(dir, "h.csv", "a,,c\n1,2,3\n"));
    assertThat(t.schema().names()).containsExactly("a", "column_2", "c");
    assertThat(Arrays.asList(t.column("column_2").toArray())).containsExactly(2L);
  }
}
