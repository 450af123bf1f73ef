package org.synthos.io;

import java.util.Locale;

/** Renders a reader's progress for a terminal or a status endpoint. */
public final class Progress {
  private Progress() {}

  /**
   * A one-line bar such as {@code [#######.............] 35.0% 12.3 MB / 35.1 MB 120000 rows}. When
   * the size is unknown only the row count is shown.
   */
  public static String render(ReadStats stats, int width) {
    int w = Math.max(1, width);
    StringBuilder sb = new StringBuilder();
    if (stats.fraction().isPresent()) {
      double f = stats.fraction().getAsDouble();
      int filled = (int) Math.round(f * w);
      sb.append('[');
      for (int i = 0; i < w; i++) {
        sb.append(i < filled ? '#' : '.');
      }
      sb.append("] ")
          .append(String.format(Locale.ROOT, "%5.1f%%", 100 * f))
          .append("  ")
          .append(bytes(stats.bytesRead()))
          .append(" / ")
          .append(bytes(stats.totalBytes()))
          .append("  ");
    }
    return sb.append(stats.rowsRead()).append(" rows").toString();
  }

  /** Bytes in decimal units: 999 B, 12.3 kB, 4.5 MB, 1.2 GB. */
  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
