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

  /** Copies cell {@code row} of {@code source} into {@code slot}. */
  void set(int slot, Column source, int row) {
    if (slot >= nulls.length) {
      grow(Math.max(slot + 1, nulls.length * 2));
    }
    nulls[slot] = source.nulls().get(row);
    invalid[slot] = source.invalid().get(row);
    switch (physical) {
      case LONG -> longs[slot] = ((Column.Longs) source).values()[row];
      case DOUBLE -> doubles[slot] = ((Column.Doubles) source).values()[row];
      case BOOLEAN -> booleans[slot] = ((Column.Booleans) source).values()[row];
      case STRING -> strings[slot] = ((Column.Strings) source).values()[row];
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
