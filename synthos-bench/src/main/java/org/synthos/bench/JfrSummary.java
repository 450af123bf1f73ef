package org.synthos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hot methods of a JFR recording: execution samples counted by their top frame, and by their
 * first Synthos frame (the Synthos code responsible, even when the top frame is in a library).
 */
final class JfrSummary {
  private JfrSummary() {}

  /** The JVM option that records a profile into {@code file}. */
  static String option(Path file) {
    return "-XX:StartFlightRecording=filename=" + file.toAbsolutePath() + ",settings=profile";
  }

  static String summarize(Path recording, int top) {
    Map<String, Integer> leaf = new HashMap<>();
    Map<String, Integer> synthos = new HashMap<>();
    int samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent e = file.readEvent();
        if (!e.getEventType().getName().equals("jdk.ExecutionSample")
            || e.getStackTrace() == null
            || e.getStackTrace().getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        leaf.merge(name(frames.get(0)), 1, Integer::sum);
        for (RecordedFrame f : frames) {
          if (f.getMethod().getType().getName().startsWith("org.synthos.")) {
            synthos.merge(name(f), 1, Integer::sum);
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(samples).append(" execution samples\n\nby top frame:\n");
    append(sb, leaf, samples, top);
    sb.append("\nby first Synthos frame:\n");
    append(sb, synthos, samples, top);
    return sb.toString();
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void append(StringBuilder sb, Map<String, Integer> counts, int total, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                sb.append(
                    String.format(
                        java.util.Locale.ROOT,
                        "  %5.1f%%  %s%n",
                        100.0 * e.getValue() / Math.max(1, total),
                        e.getKey())));
  }
}
