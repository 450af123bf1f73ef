package org.synthos.core.assess.measure;

import org.synthos.core.assess.pool.Pool;

/**
 * The shape of identifiers: each character replaced by its class ({@code 9} a digit, {@code A} an
 * upper-case letter, {@code a} a lower-case letter, any other character kept), the first {@value
 * #SHAPE_LENGTH} characters and the length beyond them. {@code INV-00123} and {@code INV-99999}
 * share the shape {@code AAA-99999}; a generator that writes {@code 12345} instead changes it,
 * which the total variation distance between the sides' shapes ({@link Measures#tvd}) measures.
 */
public final class Identifiers {
  static final int SHAPE_LENGTH = 24;

  private Identifiers() {}

  /** The shape of one identifier. */
  public static String shape(String id) {
    StringBuilder b = new StringBuilder(Math.min(id.length(), SHAPE_LENGTH) + 4);
    int k = 0;
    for (int i = 0; i < id.length() && k < SHAPE_LENGTH; k++) {
      int cp = id.codePointAt(i);
      if (Character.isDigit(cp)) {
        b.append('9');
      } else if (Character.isUpperCase(cp)) {
        b.append('A');
      } else if (Character.isLetter(cp)) {
        b.append('a');
      } else {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    int length = id.codePointCount(0, id.length());
    if (length > SHAPE_LENGTH) {
      b.append("+").append(length - SHAPE_LENGTH);
    }
    return b.toString();
  }

  /** The shapes of an identifier column's pooled rows, as a categorical variable. */
  public static Pool.Var shapes(Pool.Var ids) {
    String[] dictShape = new String[ids.dictionary.length];
    for (int e = 0; e < dictShape.length; e++) {
      dictShape[e] = shape(ids.dictionary[e]);
    }
    String[] rows = new String[ids.codes.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ids.codes[i] < 0 ? null : dictShape[ids.codes[i]];
    }
    return Pool.categorical(ids.name + " (shape)", rows);
  }
}
