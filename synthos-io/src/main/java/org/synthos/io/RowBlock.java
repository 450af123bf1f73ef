package org.synthos.io;

import java.util.Arrays;

/**
 * Rows of cells handed from the reading thread to the converting one: the cells' text in one
 * character buffer, each cell a range of it (start, length; a length of -1 is a missing cell), or,
 * from a source that reads whole strings ({@link RowSource#fill}'s default), the strings
 * themselves. Blocks are reused, so a row costs no object and a cell no string until a string
 * column keeps it.
 */
final class RowBlock {
  final int columns;
  final int capacity;
  int rows;

  char[] text = new char[1 << 16];
  int textLength;
  final int[] start;
  final int[] length;

  /** The cells as strings, row by row, when the source gave strings; else null. */
  String[][] strings;

  /**
   * Cells a block holds at most: a wide file gets blocks of fewer rows, so that a block's ranges
   * stay within a few MiB (2 MiB of them at most) however many columns there are.
   */
  static final int MAX_CELLS = 1 << 18;

  /** A block of at most {@code rows} rows, fewer when that many would exceed {@link #MAX_CELLS}. */
  RowBlock(int columns, int rows) {
    this.columns = columns;
    this.capacity = Math.max(1, Math.min(rows, MAX_CELLS / Math.max(1, columns)));
    this.start = new int[columns * capacity];
    this.length = new int[columns * capacity];
  }

  /** Text a block keeps between fills; a block that needed more (long texts) gives it back. */
  static final int KEPT_TEXT = 1 << 20;

  /** Empties the block for refilling. */
  void clear() {
    rows = 0;
    textLength = 0;
    if (text.length > KEPT_TEXT) {
      text = new char[1 << 16];
    }
    if (strings != null) {
      Arrays.fill(strings, null);
    }
  }

  boolean full() {
    return rows == capacity;
  }

  /** Appends the characters of one cell and returns where they start. */
  int append(char[] source, int from, int count) {
    int at = textLength;
    if (at + count > text.length) {
      text = Arrays.copyOf(text, Math.max(at + count, 2 * text.length));
    }
    System.arraycopy(source, from, text, at, count);
    textLength = at + count;
    return at;
  }

  /** Appends a row of strings (the default path of text sources that read whole strings). */
  void add(String[] row) {
    if (strings == null) {
      strings = new String[capacity][];
    }
    strings[rows++] = row;
  }

  /**
   * Cell {@code column} of row {@code row} as text ({@code view} set to it, or the string itself),
   * or null when it is missing.
   */
  CharSequence cell(int row, int column, CharSlice view) {
    if (strings != null) {
      String[] r = strings[row];
      return column < r.length ? r[column] : null;
    }
    int i = row * columns + column;
    return length[i] < 0 ? null : view.set(text, start[i], length[i]);
  }
}
