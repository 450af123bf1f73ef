package org.synthos.api;

/**
 * The cells of one column within a {@link ColumnBatch}.
 *
 * <p>{@link #nulls()} marks missing cells (empty, or a configured null token such as {@code NA}).
 * {@link #invalid()} marks cells that were present but could not be parsed as the column's type; an
 * invalid cell is also null, so a hot loop only has to test {@code nulls()}. Values at null
 * positions are unspecified (zero, false or null).
 */
public sealed interface Column
    permits Column.Longs, Column.Doubles, Column.Booleans, Column.Strings {

  int size();

  Mask nulls();

  Mask invalid();

  default boolean isNull(int row) {
    return nulls().get(row);
  }

  /** Integers and instants (microseconds since the epoch, UTC). */
  record Longs(long[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Longs {
      checkShape(values.length, size, nulls, invalid);
    }
  }

  /** Real numbers. NaN is a value, not a null, when the file says {@code NaN}. */
  record Doubles(double[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Doubles {
      checkShape(values.length, size, nulls, invalid);
    }
  }

  record Booleans(boolean[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Booleans {
      checkShape(values.length, size, nulls, invalid);
    }
  }

  /** Categories, text and identifiers; a null cell holds {@code null}. */
  record Strings(String[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Strings {
      checkShape(values.length, size, nulls, invalid);
    }
  }

  private static void checkShape(int capacity, int size, Mask nulls, Mask invalid) {
    if (size < 0 || size > capacity) {
      throw new IllegalArgumentException("size " + size + " outside 0.." + capacity);
    }
    if (nulls.size() != size || invalid.size() != size) {
      throw new IllegalArgumentException(
          "mask sizes " + nulls.size() + "/" + invalid.size() + " differ from column size " + size);
    }
  }
}
