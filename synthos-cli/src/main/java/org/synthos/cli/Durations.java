package org.synthos.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Parses durations given on the command line: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 0}.
 */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private Durations() {}

  static long millis(String text, String option) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          option + " takes a duration such as 500ms, 60s or 2m, got '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double factor =
        switch (unit) {
          case "ms" -> 1;
          case "m" -> 60_000;
          case "h" -> 3_600_000;
          default -> 1_000;
        };
    return Math.round(value * factor);
  }
}
