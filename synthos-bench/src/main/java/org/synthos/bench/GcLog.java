package org.synthos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child JVM's unified GC log ({@code -Xlog:gc,gc+heap+exit}) says about its heap: the peak
 * heap in use, the number of pauses and their total time.
 *
 * <p>The heap in use peaks just before a collection, so the peak is the largest "before" size of
 * any pause ({@code 512M->37M(1024M)}) or the heap in use at exit, whichever is larger. That peak
 * follows the collector's sizing as much as the program's needs; the largest "after" size is the
 * most the program still held right after a collection, an upper bound of its live data, and is the
 * figure that shows whether memory stays bounded as rows grow. The log prints sizes rounded to
 * whole units, so both are exact to 1 MiB.
 */
record GcLog(
    OptionalLong peakHeapBytes, OptionalLong peakAfterGcBytes, int pauses, double pauseSeconds) {
  /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 512M->37M(1024M) 4.321ms}. */
  private static final Pattern PAUSE =
      Pattern.compile("Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9.]+)ms");

  /** {@code garbage-first heap total 262144K, used 12345K}, one line per generation elsewhere. */
  private static final Pattern EXIT_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  /** The JVM options that make a child write the log this class reads. */
  static String option(Path log) {
    return "-Xlog:gc,gc+heap+exit:file=" + log.toAbsolutePath();
  }

  static GcLog read(Path log) {
    if (!Files.exists(log)) {
      return new GcLog(OptionalLong.empty(), OptionalLong.empty(), 0, 0);
    }
    try {
      return parse(Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GcLog parse(String text) {
    long peak = -1;
    long after = -1;
    int pauses = 0;
    double pauseMillis = 0;
    long exitUsed = 0;
    boolean sawExit = false;
    for (String line : text.split("\n")) {
      Matcher p = PAUSE.matcher(line);
      if (p.find()) {
        pauses++;
        pauseMillis += Double.parseDouble(p.group(7));
        peak = Math.max(peak, bytes(Long.parseLong(p.group(1)), p.group(2)));
        after = Math.max(after, bytes(Long.parseLong(p.group(3)), p.group(4)));
        continue;
      }
      if (line.contains("gc,heap,exit")) {
        Matcher e = EXIT_USED.matcher(line);
        if (e.find()) {
          exitUsed += Long.parseLong(e.group(1)) * 1024;
          sawExit = true;
        }
      }
    }
    if (sawExit) {
      peak = Math.max(peak, exitUsed);
    }
    return new GcLog(
        peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak),
        after < 0 ? OptionalLong.empty() : OptionalLong.of(after),
        pauses,
        pauseMillis / 1000);
  }

  private static long bytes(long value, String unit) {
    return switch (unit) {
      case "K" -> value << 10;
      case "M" -> value << 20;
      default -> value << 30;
    };
  }
}
