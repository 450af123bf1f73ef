package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FormatDetectionTest {
  @TempDir Path dir;

  @Test
  void contentWinsOverTheExtension() {
    Path f = TestData.write(dir, "really-tsv.csv", "a\tb\n1\t2\n");
    assertThat(Datasets.detect(f))
        .isEqualTo(new DetectedFormat(DataFormat.TSV, Compression.NONE, Optional.of('\t')));
  }

  @Test
  void compressionComesFromMagicBytes() {
    Path gz = TestData.writeBytes(dir, "noext", TestData.gzip("a;b\n1;2\n"));
    assertThat(Datasets.detect(gz))
        .isEqualTo(new DetectedFormat(DataFormat.CSV, Compression.GZIP, Optional.of(';')));
    Path zst = TestData.writeBytes(dir, "x.jsonl.zst", TestData.zstd("{\"a\":1}\n"));
    assertThat(Datasets.detect(zst))
        .isEqualTo(new DetectedFormat(DataFormat.JSONL, Compression.ZSTD, Optional.empty()));
  }

  @Test
  void singleColumnFallsBackToTheExtension() {
    assertThat(Datasets.detect(TestData.write(dir, "one.tsv", "a\n1\n")).format())
        .isEqualTo(DataFormat.TSV);
    assertThat(Datasets.detect(TestData.write(dir, "one.csv", "a\n1\n")).delimiter()).contains(',');
  }

  @Test
  void detectAppliesOverrides() {
    Path f = TestData.write(dir, "x.csv", "a;b\n1;2\n");
    assertThat(Datasets.detect(f, ReadOptions.defaults().withFormat(DataFormat.TSV)))
        .isEqualTo(new DetectedFormat(DataFormat.TSV, Compression.NONE, Optional.of('\t')));
    assertThat(Datasets.detect(f, ReadOptions.defaults().withDelimiter('|')).delimiter())
        .contains('|');
  }

  @Test
  void delimitersInsideQuotesDoNotCount() {
    assertThat(FormatDetector.sniffDelimiter("a;b\n\"x,y,z\";2\n", false)).contains(';');
  }

  @Test
  void aTruncatedLastLineIsIgnored() {
    assertThat(FormatDetector.sniffDelimiter("a,b\n1,2\n3", true)).contains(',');
  }

  @Test
  void extensionsMapToFormats() {
    assertThat(FormatDetector.formatFromName("x.ndjson.gz")).contains(DataFormat.JSONL);
    assertThat(FormatDetector.formatFromName("x.PARQUET")).contains(DataFormat.PARQUET);
    assertThat(FormatDetector.formatFromName("x.xlsx")).isEmpty();
    assertThat(FormatDetector.compressionFromName("x.csv.zstd")).isEqualTo(Compression.ZSTD);
  }
}
