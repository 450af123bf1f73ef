package org.synthos.io;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.synthos.api.ColumnType;

/**
 * Decides a column's type from the non-null cells of a sample. The rules, in order (n = non-null
 * cells in the sample):
 *
 * <ol>
 *   <li>no non-null cell: TEXT (any later value fits, nothing becomes invalid);
 *   <li>more than n/2 cells are boolean words (true/false, t/f, yes/no, y/n), counting 1/0 as
 *       boolean only beside at least one word: BOOLEAN;
 *   <li>more than n/2 cells are dates or date-times: DATETIME;
 *   <li>more than n/2 cells are numbers: INTEGER if every numeric cell is a 64-bit integer, else
 *       FLOAT. An INTEGER column whose name hints at a key and whose sample values are all distinct
 *       is an IDENTIFIER. Integers written with a leading zero ({@code 01234}) are codes (postal
 *       codes, account numbers), so such a column falls through to the string rules;
 *   <li>otherwise the column holds strings: IDENTIFIER when all sample values are distinct and
 *       either the name hints at a key or (at least {@value #MIN_ROWS_FOR_UNHINTED_KEY} values,
 *       none with whitespace, none longer than {@value #MAX_KEY_LENGTH}); TEXT when the mean length
 *       exceeds {@value #TEXT_MEAN_LENGTH} characters or the distinct count exceeds both {@value
 *       #CATEGORY_FLOOR} and half the values; CATEGORICAL otherwise.
 * </ol>
 *
 * Cells of the minority kinds are later counted as invalid, never dropped silently. A column of
 * only 0 and 1 stays INTEGER (a 0/1 label); override it to BOOLEAN if needed.
 */
final class TypeInference {
  static final int MIN_ROWS_FOR_UNHINTED_KEY = 20;
  static final int MAX_KEY_LENGTH = 64;
  static final int TEXT_MEAN_LENGTH = 40;
  static final int CATEGORY_FLOOR = 20;

  private TypeInference() {}

  /** The type of a column from its trimmed non-null sample cells. */
  static ColumnType infer(String name, List<String> cells) {
    int n = cells.size();
    if (n == 0) {
      return ColumnType.TEXT;
    }
    CellParser p = new CellParser();
    int booleanWords = 0;
    int zeroOnes = 0;
    int datetimes = 0;
    int longs = 0;
    int doubles = 0;
    int zeroPadded = 0;
    for (String c : cells) {
      if (p.tryBooleanWord(c)) {
        booleanWords++;
      } else if (c.equals("0") || c.equals("1")) {
        zeroOnes++;
      }
      if (p.tryLong(c)) {
        longs++;
        doubles++;
        if (hasLeadingZero(c)) {
          zeroPadded++;
        }
      } else if (p.tryDouble(c)) {
        doubles++;
      } else if (p.tryDatetime(c)) {
        datetimes++;
      }
    }
    if (booleanWords > 0 && 2L * (booleanWords + zeroOnes) > n) {
      return ColumnType.BOOLEAN;
    }
    if (2L * datetimes > n) {
      return ColumnType.DATETIME;
    }
    if (2L * doubles > n && !(zeroPadded > 0 && longs == doubles)) {
      if (longs == doubles) {
        return hintsKey(name) && allDistinct(cells) ? ColumnType.IDENTIFIER : ColumnType.INTEGER;
      }
      return ColumnType.FLOAT;
    }
    return classifyStrings(name, cells);
  }

  /** CATEGORICAL, TEXT or IDENTIFIER for a column of strings (rule 5 above). */
  static ColumnType classifyStrings(String name, List<String> values) {
    int n = values.size();
    if (n == 0) {
      return ColumnType.TEXT;
    }
    Set<String> distinct = new HashSet<>();
    long totalLength = 0;
    boolean keyShaped = true;
    for (String v : values) {
      distinct.add(v);
      totalLength += v.length();
      if (keyShaped && (v.length() > MAX_KEY_LENGTH || hasWhitespace(v))) {
        keyShaped = false;
      }
    }
    boolean unique = distinct.size() == n;
    if (unique && (hintsKey(name) || (n >= MIN_ROWS_FOR_UNHINTED_KEY && keyShaped))) {
      return ColumnType.IDENTIFIER;
    }
    double meanLength = (double) totalLength / n;
    if (meanLength > TEXT_MEAN_LENGTH
        || (distinct.size() > CATEGORY_FLOOR && 2L * distinct.size() > n)) {
      return ColumnType.TEXT;
    }
    return ColumnType.CATEGORICAL;
  }

  /** {@code id}, {@code uuid}, {@code key}, or a name ending in {@code _id}, {@code Id}, ... */
  static boolean hintsKey(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("id") || lower.equals("uuid") || lower.equals("guid") || lower.equals("key")) {
      return true;
    }
    for (String suffix : List.of("_id", "-id", " id", ".id", "_uuid", "_key", "_guid")) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    // camelCase: userId, orderID
    return name.length() > 2
        && (name.endsWith("Id") || name.endsWith("ID"))
        && Character.isLowerCase(name.charAt(name.length() - 3));
  }

  /** {@code 007}, {@code -01}: digits after a zero, the mark of a code rather than a number. */
  static boolean hasLeadingZero(String integer) {
    int i = integer.charAt(0) == '-' || integer.charAt(0) == '+' ? 1 : 0;
    return integer.length() > i + 1 && integer.charAt(i) == '0';
  }

  private static boolean allDistinct(List<String> cells) {
    return new HashSet<>(cells).size() == cells.size();
  }

  private static boolean hasWhitespace(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isWhitespace(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
