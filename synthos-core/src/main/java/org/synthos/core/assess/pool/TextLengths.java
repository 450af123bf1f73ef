package org.synthos.core.assess.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a text's tokens and lengths are: one definition for the pass's bucketed length states and
 * for the text measures, so a length judged over every row and one judged on the held rows are the
 * same number.
 *
 * <p>Tokens are the maximal runs of letters or digits (Unicode) of the text lower-cased in the root
 * locale: Python's {@code re.findall(r"[^\W_]+", text.lower())} on the same text. Lower-casing can
 * split a run (the root locale lower-cases U+0130 to "i" and a combining dot, which is neither a
 * letter nor a digit), so it is applied before counting unless the text is ASCII, where it changes
 * no run. Length in characters counts Unicode code points.
 */
public final class TextLengths {
  private TextLengths() {}

  /** The name under which a text column's length in characters is measured like a column. */
  public static String charactersName(String column) {
    return column + " (characters)";
  }

  /** The name under which a text column's length in tokens is measured like a column. */
  public static String tokensName(String column) {
    return column + " (tokens)";
  }

  /** Length in Unicode code points. */
  public static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  /** The text's tokens, in order. */
  public static String[] tokenise(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      boolean word = Character.isLetterOrDigit(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(lower.substring(start));
    }
    return out.toArray(String[]::new);
  }

  /** The number of tokens, {@code tokenise(text).length}, without building them. */
  public static int tokens(String text) {
    String s = ascii(text) ? text : text.toLowerCase(Locale.ROOT);
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean word = Character.isLetterOrDigit(cp);
      count += word && !inWord ? 1 : 0;
      inWord = word;
      i += Character.charCount(cp);
    }
    return count;
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
