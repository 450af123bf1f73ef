package org.synthos.io;

import java.time.Instant;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;

/** The text form of a cell that the readers parse back to the same value. */
final class CellText {
  private CellText() {}

  /** The cell as text, or null when it is null. */
  static String of(Column column, ColumnType type, int row) {
    if (column.isNull(row)) {
      return null;
    }
    if (column instanceof Column.Longs l) {
      long v = l.values()[row];
      return type == ColumnType.DATETIME ? datetime(v) : Long.toString(v);
    }
    if (column instanceof Column.Doubles d) {
      return Double.toString(d.values()[row]);
    }
    if (column instanceof Column.Booleans b) {
      return b.values()[row] ? "true" : "false";
    }
    return ((Column.Strings) column).values()[row];
  }

  /** ISO 8601 in UTC with as many fraction digits as needed, e.g. 2024-02-29T12:00:00.5Z. */
  static String datetime(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
        .toString();
  }
}
