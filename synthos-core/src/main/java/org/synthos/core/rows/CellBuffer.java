package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Mask;

/** A growable, slot-addressed primitive store of one column's cells. */
final class CellBuffer {
  private final ColumnType.Physical physical;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private boolean[] booleans = new boolean[0];
  private String[] strings = new String[0];
  private boolean[] nulls = new boolean[0];
  private boolean[] invalid = new boolean[0];

  CellBuffer(ColumnType.Physical physical) {
    this.physical = physical;
  }

  /**
   * Copies cell {@code rows[k]} of {@code source} into slot {@code slots[k]} for each k below
   * {@code count}, in that order (a slot written twice keeps the later cell), with the column's
   * kind and masks read once.
   */
  void setAll(int[] slots, Column source, int[] rows, int count) {
    int top = -1;
    for (int k = 0; k < count; k++) {
      top = Math.max(top, slots[k]);
    }
    if (top >= nulls.length) {
      grow(Math.max(top + 1, nulls.length * 2));
    }
    Mask sourceNulls = source.nulls();
    Mask sourceInvalid = source.invalid();
    for (int k = 0; k < count; k++) {
      nulls[slots[k]] = sourceNulls.get(rows[k]);
      invalid[slots[k]] = sourceInvalid.get(rows[k]);
    }
    switch (physical) {
      case LONG -> {
        long[] v = ((Column.Longs) source).values();
        for (int k = 0; k < count; k++) {
          longs[slots[k]] = v[rows[k]];
        }
      }
      case DOUBLE -> {
        double[] v = ((Column.Doubles) source).values();
        for (int k = 0; k < count; k++) {
          doubles[slots[k]] = v[rows[k]];
        }
      }
      case BOOLEAN -> {
        boolean[] v = ((Column.Booleans) source).values();
        for (int k = 0; k < count; k++) {
          booleans[slots[k]] = v[rows[k]];
        }
      }
      case STRING -> {
        String[] v = ((Column.Strings) source).values();
        for (int k = 0; k < count; k++) {
          strings[slots[k]] = v[rows[k]];
        }
      }
    }
  }

  private void grow(int capacity) {
    nulls = Arrays.copyOf(nulls, capacity);
    invalid = Arrays.copyOf(invalid, capacity);
    switch (physical) {
      case LONG -> longs = Arrays.copyOf(longs, capacity);
      case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
      case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
      case STRING -> strings = Arrays.copyOf(strings, capacity);
    }
  }

  /** A column whose cell {@code k} is the cell in slot {@code slots[k]}. */
  Column toColumn(int[] slots) {
    int n = slots.length;
    boolean[] nm = new boolean[n];
    boolean[] im = new boolean[n];
    for (int k = 0; k < n; k++) {
      nm[k] = nulls[slots[k]];
      im[k] = invalid[slots[k]];
    }
    Mask nullMask = Mask.of(nm);
    Mask invalidMask = Mask.of(im);
    switch (physical) {
      case LONG -> {
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
          v[k] = longs[slots[k]];
        }
        return new Column.Longs(v, n, nullMask, invalidMask);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
          v[k] = doubles[slots[k]];
        }
        return new Column.Doubles(v, n, nullMask, invalidMask);
      }
      case BOOLEAN -> {
        boolean[] v = new boolean[n];
        for (int k = 0; k < n; k++) {
          v[k] = booleans[slots[k]];
        }
        return new Column.Booleans(v, n, nullMask, invalidMask);
      }
      default -> {
        String[] v = new String[n];
        for (int k = 0; k < n; k++) {
          v[k] = strings[slots[k]];
        }
        return new Column.Strings(v, n, nullMask, invalidMask);
      }
    }
  }
}
