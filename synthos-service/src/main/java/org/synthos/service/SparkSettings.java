package org.synthos.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Handing large jobs to Spark (keys {@code spark.*}). Off unless {@code spark.master} is set; then
 * a job whose dataset and reference together hold at least {@code spark.min_bytes} runs as a {@code
 * synthos-spark validate} child process started by {@code spark.command} (for example {@code
 * spark-submit --class org.synthos.spark.SparkValidateMain /opt/synthos/synthos-spark.jar} or the
 * {@code synthos-spark} launcher); smaller jobs stay in process.
 *
 * @param master the Spark master URL given to the job ({@code local[4]}, {@code yarn}, {@code
 *     k8s://...}, {@code spark://...}); empty turns the hand-off off
 * @param command the program and its leading arguments, to which {@code validate} and its options
 *     are appended
 * @param minBytes the smallest input, in bytes of the dataset plus the reference, that goes to
 *     Spark
 */
public record SparkSettings(Optional<String> master, List<String> command, long minBytes) {
  public SparkSettings {
    Objects.requireNonNull(master, "master");
    command = List.copyOf(command);
  }

  /** Settings that keep every job in process. */
  public static SparkSettings off() {
    return new SparkSettings(Optional.empty(), List.of(), Long.MAX_VALUE);
  }

  /** Whether a job of {@code bytes} input bytes goes to Spark. */
  public boolean handsOff(long bytes) {
    return master.isPresent() && bytes >= minBytes;
  }

  static void defaults(Map<String, String> d) {
    d.put("spark.master", "");
    d.put("spark.command", "");
    d.put("spark.min_bytes", "1073741824");
  }

  static SparkSettings parse(ServiceConfig.Parser p) {
    String master = p.text("spark.master");
    String command = p.text("spark.command");
    String min = p.text("spark.min_bytes");
    long minBytes;
    try {
      minBytes = Long.parseLong(min);
    } catch (NumberFormatException e) {
      throw p.error("spark.min_bytes must be a whole number, got '" + min + "'");
    }
    if (minBytes < 0) {
      throw p.error("spark.min_bytes must be at least 0, got " + minBytes);
    }
    if (master.isEmpty()) {
      return off();
    }
    if (command.isEmpty()) {
      throw p.error(
          "spark.master needs spark.command, the program that runs synthos-spark validate (e.g."
              + " 'spark-submit --class org.synthos.spark.SparkValidateMain synthos-spark.jar')");
    }
    return new SparkSettings(Optional.of(master), Arrays.asList(command.split("\\s+")), minBytes);
  }
}
