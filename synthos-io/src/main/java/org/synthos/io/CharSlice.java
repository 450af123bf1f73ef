package org.synthos.io;

import java.util.Objects;

/**
 * A cell's text as a range of a shared character buffer, so that a number or a null token is read
 * without a string being made for it. One view is reused for cell after cell: it is valid until it
 * is set again, and {@link #toString} copies it out where the text must be kept.
 */
final class CharSlice implements CharSequence {
  char[] array;
  int offset;
  int length;

  /** The view of the same text without surrounding spaces and tabs ({@link #trimmed}). */
  private CharSlice inner;

  CharSlice set(char[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    Objects.checkFromToIndex(start, end, length);
    return new String(array, offset + start, end - start);
  }

  @Override
  public String toString() {
    return new String(array, offset, length);
  }

  /**
   * This text without surrounding ASCII spaces and control characters, cut where {@link
   * NullTokens#trim} cuts a string: this view when there are none, else a second view owned by this
   * one (valid until either is set again).
   */
  CharSlice trimmed() {
    int from = NullTokens.trimmedFrom(this);
    int to = NullTokens.trimmedTo(this, from);
    if (from == 0 && to == length) {
      return this;
    }
    if (inner == null) {
      inner = new CharSlice();
    }
    return inner.set(array, offset + from, to - from);
  }
}
