package org.synthos.api;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where in the input a problem is. Any part may be unknown.
 *
 * @param file the file or URI as the user named it
 * @param line the one-based physical line in a text file, or 0 when unknown
 * @param row the one-based data row (header excluded), or 0 when unknown
 * @param column the column name, or null when unknown
 */
public record Location(String file, long line, long row, String column) {
  public static Location ofFile(String file) {
    return new Location(file, 0, 0, null);
  }

  public Location withLine(long line) {
    return new Location(file, line, row, column);
  }

  public Location withRow(long row) {
    return new Location(file, line, row, column);
  }

  public Location withColumn(String column) {
    return new Location(file, line, row, column);
  }

  public OptionalLong lineNumber() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  public OptionalLong rowNumber() {
    return row > 0 ? OptionalLong.of(row) : OptionalLong.empty();
  }

  public Optional<String> columnName() {
    return Optional.ofNullable(column);
  }

  /** {@code file, line 12, row 11, column 'age'}, leaving out unknown parts. */
  public String describe() {
    StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (row > 0) {
      sb.append(", row ").append(row);
    }
    if (column != null) {
      sb.append(", column '").append(column).append('\'');
    }
    return sb.toString();
  }
}
