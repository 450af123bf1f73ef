package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class DataGeneratorTest {
  @Test
  void fixedDecimalsMatchStringFormat() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      int decimals = 2 + i % 5;
      double v =
          switch (i % 4) {
            case 0 -> (rnd.nextDouble() - 0.5) * 200_000;
            case 1 -> Math.exp(3 + 1.5 * (rnd.nextDouble() * 8 - 4));
            case 2 -> rnd.nextDouble();
            default -> (rnd.nextDouble() - 0.5) * 1e-3;
          };
      StringBuilder sb = new StringBuilder();
      DataGenerator.appendFixed(sb, v, decimals);
      assertThat(sb.toString())
          .as("%s with %d decimals", v, decimals)
          .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
  }

  @Test
  void timestampsMatchTheIsoLocalPattern() {
    DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    LocalDateTime epoch = LocalDateTime.of(2020, 1, 1, 0, 0);
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      long seconds = rnd.nextLong(4L * 365 * 86400);
      StringBuilder sb = new StringBuilder();
      DataGenerator.appendTimestamp(sb, seconds);
      assertThat(sb.toString()).isEqualTo(iso.format(epoch.plusSeconds(seconds)));
    }
  }

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    DataGenerator.writeCsv(a, 2_000, 20, 42);
    DataGenerator.writeCsv(b, 2_000, 20, 42);
    DataGenerator.writeCsv(c, 2_000, 20, 43);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    assertThat(Files.readAllLines(a)).hasSize(2_001);
    assertThat(Files.readAllLines(a).get(0)).startsWith("age,income,amount,segment,active");
  }
}
