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

  /** The cells at the given rows, in the given order (rows may repeat), as a new column. */
  Column select(int[] rows);

  /** Integers and instants (microseconds since the epoch, UTC). */
  record Longs(long[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Longs {
      checkShape(values.length, size, nulls, invalid);
    }

    @Override
    public Longs select(int[] rows) {
      long[] v = new long[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = values[rows[i]];
      }
      return new Longs(v, rows.length, selectMask(nulls, rows), selectMask(invalid, rows));
    }
  }

  /** Real numbers. NaN is a value, not a null, when the file says {@code NaN}. */
  record Doubles(double[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Doubles {
      checkShape(values.length, size, nulls, invalid);
    }

    @Override
    public Doubles select(int[] rows) {
      double[] v = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = values[rows[i]];
      }
      return new Doubles(v, rows.length, selectMask(nulls, rows), selectMask(invalid, rows));
    }
  }

  record Booleans(boolean[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Booleans {
      checkShape(values.length, size, nulls, invalid);
    }

    @Override
    public Booleans select(int[] rows) {
      boolean[] v = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = values[rows[i]];
      }
      return new Booleans(v, rows.length, selectMask(nulls, rows), selectMask(invalid, rows));
    }
  }

  /** Categories, text and identifiers; a null cell holds {@code null}. */
  record Strings(String[] values, int size, Mask nulls, Mask invalid) implements Column {
    public Strings {
      checkShape(values.length, size, nulls, invalid);
    }

    @Override
    public Strings select(int[] rows) {
      String[] v = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = values[rows[i]];
      }
      return new Strings(v, rows.length, selectMask(nulls, rows), selectMask(invalid, rows));
    }
  }

  private static Mask selectMask(Mask mask, int[] rows) {
    if (mask.isEmpty()) {
      return Mask.none(rows.length);
    }
    Mask.Builder b = Mask.builder(rows.length);
    for (int i = 0; i < rows.length; i++) {
      if (mask.get(rows[i])) {
        b.set(i);
      }
    }
    return b.build(rows.length);
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
