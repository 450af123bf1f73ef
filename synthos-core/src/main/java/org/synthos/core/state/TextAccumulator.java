package org.synthos.core.state;

import org.synthos.api.Mask;

/** Measures code-point length and token count of each non-null string of a batch. */
final class TextAccumulator {
  private final MomentsAccumulator lengths = new MomentsAccumulator();
  private final MomentsAccumulator tokens = new MomentsAccumulator();
  private double[] lengthBuffer = new double[0];
  private double[] tokenBuffer = new double[0];

  void add(String[] values, int size, Mask nulls) {
    if (lengthBuffer.length < size) {
      lengthBuffer = new double[size];
      tokenBuffer = new double[size];
    }
    boolean anyNull = !nulls.isEmpty();
    int n = 0;
    for (int i = 0; i < size; i++) {
      String v = values[i];
      if ((anyNull && nulls.get(i)) || v == null) {
        continue;
      }
      lengthBuffer[n] = v.codePointCount(0, v.length());
      tokenBuffer[n] = tokenCount(v);
      n++;
    }
    lengths.add(lengthBuffer, n, null);
    tokens.add(tokenBuffer, n, null);
  }

  /** Maximal runs of non-whitespace characters. */
  static int tokenCount(String s) {
    int count = 0;
    boolean inToken = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = Character.isWhitespace(s.charAt(i));
      if (!space && !inToken) {
        count++;
      }
      inToken = !space;
    }
    return count;
  }

  TextState snapshot() {
    return new TextState(lengths.snapshot(), tokens.snapshot());
  }
}
