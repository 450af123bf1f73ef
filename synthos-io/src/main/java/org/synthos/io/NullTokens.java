package org.synthos.io;

import java.util.HashSet;
import java.util.Set;

/** The cell texts read as null. An empty (or all-space) cell is always null. */
final class NullTokens {
  /** Few tokens: a length-guarded scan beats hashing every candidate cell. */
  private final String[] tokens;

  private final int maxLength;

  /** First characters of the tokens, so that most cells skip the hash lookup. */
  private final boolean[] firstAscii = new boolean[128];

  private final boolean anyNonAsciiFirst;

  NullTokens(Set<String> tokens) {
    this.tokens = new HashSet<>(tokens).toArray(new String[0]);
    int max = 0;
    boolean nonAscii = false;
    for (String t : tokens) {
      max = Math.max(max, t.length());
      if (!t.isEmpty()) {
        char c = t.charAt(0);
        if (c < 128) {
          firstAscii[c] = true;
        } else {
          nonAscii = true;
        }
      }
    }
    this.maxLength = max;
    this.anyNonAsciiFirst = nonAscii;
  }

  /** Whether a trimmed cell is null. */
  boolean isNull(CharSequence trimmed) {
    if (trimmed.length() == 0) {
      return true;
    }
    if (trimmed.length() > maxLength) {
      return false;
    }
    char c = trimmed.charAt(0);
    if (c < 128 ? !firstAscii[c] : !anyNonAsciiFirst) {
      return false;
    }
    int length = trimmed.length();
    for (String t : tokens) {
      if (t.length() == length && t.contentEquals(trimmed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The cell without surrounding ASCII spaces and tabs; the same instance when there are none. A
   * {@link CharSlice} is cut as a view ({@link CharSlice#trimmed}), a string as a string.
   */
  static CharSequence trim(CharSequence cell) {
    return cell instanceof CharSlice slice ? slice.trimmed() : trim((String) cell);
  }

  /**
   * The string without surrounding ASCII spaces and tabs; the same instance when there are none.
   */
  static String trim(String s) {
    int from = trimmedFrom(s);
    int to = trimmedTo(s, from);
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  /** The first position of {@code s} past its leading spaces and control characters. */
  static int trimmedFrom(CharSequence s) {
    int from = 0;
    while (from < s.length() && s.charAt(from) <= ' ') {
      from++;
    }
    return from;
  }

  /**
   * The end of {@code s} before its trailing spaces and control characters, not before {@code
   * from}.
   */
  static int trimmedTo(CharSequence s, int from) {
    int to = s.length();
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    return to;
  }
}
