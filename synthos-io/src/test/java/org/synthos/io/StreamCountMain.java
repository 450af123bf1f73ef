package org.synthos.io;

import java.nio.file.Path;
import java.util.Optional;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;

/**
 * Reads a file to the end and prints {@code rows=<n> sum=<sum of column 0> bytes=<read>/<total>
 * seconds=<wall> cpu-seconds=<process CPU>}: the child process of the bounded-memory test, also
 * handy by hand: {@code java -Xmx256m -cp <test classpath> org.synthos.io.StreamCountMain FILE}.
 */
public final class StreamCountMain {
  private StreamCountMain() {}

  /**
   * CPU time of the whole process (all threads, GC included): steadier than wall time on a busy
   * box.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    long rows = 0;
    long sum = 0;
    try (DatasetReader reader = Datasets.open(Path.of(args[0]), ReadOptions.defaults())) {
      Optional<ColumnBatch> next;
      while ((next = reader.next()).isPresent()) {
        ColumnBatch b = next.get();
        rows += b.rowCount();
        if (b.column(0) instanceof Column.Longs longs) {
          for (int i = 0; i < b.rowCount(); i++) {
            sum += longs.values()[i];
          }
        }
      }
      ReadStats s = reader.stats();
      System.out.printf(
          java.util.Locale.ROOT,
          "rows=%d sum=%d bytes=%d/%d seconds=%.2f cpu-seconds=%.2f%n",
          rows,
          sum,
          s.bytesRead(),
          s.totalBytes(),
          (System.nanoTime() - start) / 1e9,
          (processCpuNanos() - cpuStart) / 1e9);
    }
  }
}
