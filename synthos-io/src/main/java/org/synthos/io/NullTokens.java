package org.synthos.io;

import java.util.HashSet;
import java.util.Set;

/** The cell texts read as null. An empty (or all-space) cell is always null. */
final class NullTokens {
  private final Set<String> tokens;
  private final int maxLength;

  NullTokens(Set<String> tokens) {
    this.tokens = new HashSet<>(tokens);
    int max = 0;
    for (String t : tokens) {
      max = Math.max(max, t.length());
    }
    this.maxLength = max;
  }

  /** Whether a trimmed cell is null. */
  boolean isNull(String trimmed) {
    return trimmed.isEmpty() || (trimmed.length() <= maxLength && tokens.contains(trimmed));
  }

  /** The cell without surrounding ASCII spaces and tabs; the same instance when there are none. */
  static String trim(String s) {
    int n = s.length();
    if (n == 0 || (s.charAt(0) > ' ' && s.charAt(n - 1) > ' ')) {
      return s;
    }
    int from = 0;
    int to = n;
    while (from < to && s.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    return s.substring(from, to);
  }
}
