package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-million-row CSV streams through a reader in a child JVM limited to 256 MiB of heap, and
 * every row (including rows with quoted line breaks) is counted.
 */
@Tag("integration")
class BoundedMemoryTest {
  private static final int ROWS = 10_000_000;

  @TempDir Path dir;

  @Test
  void tenMillionRowsReadUnder256MiBOfHeap() throws IOException, InterruptedException {
    Path file = dir.resolve("ten-million.csv");
    long expectedSum = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("n,c\n");
      StringBuilder line = new StringBuilder(32);
      for (int i = 0; i < ROWS; i++) {
        line.setLength(0);
        // Even numbers: consecutive integers would be read as a row-number key, not summed.
        line.append(2L * i).append(',');
        if (i % 1_000_000 == 999) {
          line.append("\"two\nlines\"");
        } else {
          line.append((char) ('a' + i % 5));
        }
        w.append(line).append('\n');
        expectedSum += 2L * i;
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StreamCountMain.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println("child: " + output.strip());
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    long size = Files.size(file);
    assertThat(output)
        .contains("rows=" + ROWS)
        .contains("sum=" + expectedSum)
        .contains("bytes=" + size + "/" + size);
  }
}
