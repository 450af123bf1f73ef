package org.synthos.io;

import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;

/**
 * Turns the cell texts of one column into a primitive {@link Column}, one batch at a time. A cell
 * that is a null token is null; a present cell that does not parse as the column's type is null and
 * invalid, and counted. Each batch gets fresh arrays, since a batch owns its arrays once returned.
 */
abstract sealed class ColumnBuilder {
  final NullTokens nulls;
  final CellParser parser = new CellParser();
  Mask.Builder nullMask;
  Mask.Builder invalidMask;
  int size;
  long invalidTotal;

  ColumnBuilder(NullTokens nulls) {
    this.nulls = nulls;
  }

  static ColumnBuilder of(ColumnType type, NullTokens nulls) {
    return switch (type) {
      case INTEGER -> new Longs(nulls, false);
      case DATETIME -> new Longs(nulls, true);
      case FLOAT -> new Doubles(nulls);
      case BOOLEAN -> new Booleans(nulls);
      case CATEGORICAL -> new Strings(nulls, true);
      case TEXT, IDENTIFIER -> new Strings(nulls, false);
    };
  }

  void start(int capacity) {
    nullMask = Mask.builder(capacity);
    invalidMask = Mask.builder(capacity);
    size = 0;
    allocate(capacity);
  }

  /** Appends one cell (a string, or a view valid for this call); null means missing. */
  final void append(CharSequence cell) {
    int row = size++;
    if (cell == null) {
      nullMask.set(row);
      return;
    }
    CharSequence trimmed = NullTokens.trim(cell);
    if (nulls.isNull(trimmed)) {
      nullMask.set(row);
    } else if (!store(row, trimmed, cell)) {
      nullMask.set(row);
      invalidMask.set(row);
      invalidTotal++;
    }
  }

  abstract void allocate(int capacity);

  /** Stores a present cell; false when it does not parse. */
  abstract boolean store(int row, CharSequence trimmed, CharSequence raw);

  abstract Column build();

  static final class Longs extends ColumnBuilder {
    private final boolean datetime;
    private long[] values;

    Longs(NullTokens nulls, boolean datetime) {
      super(nulls);
      this.datetime = datetime;
    }

    @Override
    void allocate(int capacity) {
      values = new long[capacity];
    }

    @Override
    boolean store(int row, CharSequence trimmed, CharSequence raw) {
      boolean ok = datetime ? parser.tryDatetime(trimmed) : parser.tryLong(trimmed);
      if (ok) {
        values[row] = parser.longValue;
      }
      return ok;
    }

    @Override
    Column build() {
      return new Column.Longs(values, size, nullMask.build(size), invalidMask.build(size));
    }
  }

  static final class Doubles extends ColumnBuilder {
    private double[] values;

    Doubles(NullTokens nulls) {
      super(nulls);
    }

    @Override
    void allocate(int capacity) {
      values = new double[capacity];
    }

    @Override
    boolean store(int row, CharSequence trimmed, CharSequence raw) {
      if (parser.tryDouble(trimmed)) {
        values[row] = parser.doubleValue;
        return true;
      }
      return false;
    }

    @Override
    Column build() {
      return new Column.Doubles(values, size, nullMask.build(size), invalidMask.build(size));
    }
  }

  static final class Booleans extends ColumnBuilder {
    private boolean[] values;

    Booleans(NullTokens nulls) {
      super(nulls);
    }

    @Override
    void allocate(int capacity) {
      values = new boolean[capacity];
    }

    @Override
    boolean store(int row, CharSequence trimmed, CharSequence raw) {
      if (parser.tryBoolean(trimmed)) {
        values[row] = parser.booleanValue;
        return true;
      }
      return false;
    }

    @Override
    Column build() {
      return new Column.Booleans(values, size, nullMask.build(size), invalidMask.build(size));
    }
  }

  /**
   * Strings keep the cell as written, surrounding spaces included. A categorical column's repeated
   * values share one instance (up to {@value #SHARED} distinct ones): a batch then holds a
   * reference per cell, not a string, so the batches queued between reading and folding weigh less
   * and fewer outlive a young collection.
   */
  static final class Strings extends ColumnBuilder {
    static final int SHARED = 4096;

    private final SharedStrings shared;
    private String[] values;

    Strings(NullTokens nulls, boolean share) {
      super(nulls);
      this.shared = share ? new SharedStrings() : null;
    }

    @Override
    void allocate(int capacity) {
      values = new String[capacity];
    }

    @Override
    boolean store(int row, CharSequence trimmed, CharSequence raw) {
      values[row] = shared == null ? raw.toString() : shared.of(raw);
      return true;
    }

    @Override
    Column build() {
      return new Column.Strings(values, size, nullMask.build(size), invalidMask.build(size));
    }
  }

  /**
   * The first {@value Strings#SHARED} distinct values of a column, looked up by their characters
   * (open addressing, linear probing), so that a repeated value read as a range of a buffer is
   * found without a string being made for it; later new values get strings of their own.
   */
  static final class SharedStrings {
    private static final int SLOTS = 4 * Strings.SHARED;

    private final String[] keys = new String[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private int count;

    String of(CharSequence text) {
      int n = text.length();
      int h = 0;
      for (int i = 0; i < n; i++) {
        h = 31 * h + text.charAt(i);
      }
      int mask = SLOTS - 1;
      int slot = (h ^ (h >>> 16)) & mask;
      while (keys[slot] != null) {
        if (hashes[slot] == h && contentEquals(keys[slot], text)) {
          return keys[slot];
        }
        slot = (slot + 1) & mask;
      }
      String value = text.toString();
      if (count < Strings.SHARED) {
        keys[slot] = value;
        hashes[slot] = h;
        count++;
      }
      return value;
    }

    private static boolean contentEquals(String key, CharSequence text) {
      int n = key.length();
      if (n != text.length()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (key.charAt(i) != text.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
