package org.synthos.io;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.TypeReason;

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
 *       FLOAT. An INTEGER column whose sample values are all distinct is an IDENTIFIER when its
 *       name hints at a key, or when there are at least {@value #MIN_ROWS_FOR_UNHINTED_KEY} values
 *       forming a consecutive run (max - min + 1 = n: row numbers, serial keys). Integers written
 *       with a leading zero ({@code 01234}) are codes (postal codes, account numbers), so such a
 *       column falls through to the string rules;
 *   <li>otherwise the column holds strings: IDENTIFIER when every value is a UUID, or when all
 *       sample values are distinct and either the name hints at a key or (at least {@value
 *       #MIN_ROWS_FOR_UNHINTED_KEY} values, none with whitespace, none longer than {@value
 *       #MAX_KEY_LENGTH}); TEXT when the mean length exceeds {@value #TEXT_MEAN_LENGTH} characters
 *       or the distinct count exceeds both {@value #CATEGORY_FLOOR} and half the values;
 *       CATEGORICAL otherwise.
 * </ol>
 *
 * {@link #decide} also returns the rule that decided ({@link TypeReason}), reported beside the
 * column. Cells of the minority kinds are later counted as invalid, never dropped silently. A
 * column of only 0 and 1 stays INTEGER (a 0/1 label); override it to BOOLEAN if needed.
 */
final class TypeInference {
  static final int MIN_ROWS_FOR_UNHINTED_KEY = 20;
  static final int MAX_KEY_LENGTH = 64;
  static final int TEXT_MEAN_LENGTH = 40;
  static final int CATEGORY_FLOOR = 20;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private TypeInference() {}

  /** The type of a column from its trimmed non-null sample cells. */
  static ColumnType infer(String name, List<String> cells) {
    return decide(name, cells).type();
  }

  /** The field of a column from its trimmed non-null sample cells, with the rule that decided. */
  static Field decide(String name, List<String> cells) {
    int n = cells.size();
    if (n == 0) {
      return new Field(name, ColumnType.TEXT, TypeReason.NO_VALUES);
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
      return new Field(name, ColumnType.BOOLEAN, TypeReason.BOOLEAN_WORDS);
    }
    if (2L * datetimes > n) {
      return new Field(name, ColumnType.DATETIME, TypeReason.DATETIMES);
    }
    boolean codes = zeroPadded > 0 && longs == doubles;
    if (2L * doubles > n && !codes) {
      if (longs == doubles && allDistinct(cells)) {
        if (hintsKey(name)) {
          return new Field(name, ColumnType.IDENTIFIER, TypeReason.INTEGER_KEY_NAME);
        }
        if (n >= MIN_ROWS_FOR_UNHINTED_KEY && longs == n && consecutive(cells)) {
          return new Field(name, ColumnType.IDENTIFIER, TypeReason.INTEGER_SEQUENCE);
        }
      }
      return new Field(
          name, longs == doubles ? ColumnType.INTEGER : ColumnType.FLOAT, TypeReason.NUMBERS);
    }
    Field strings = decideStrings(name, cells);
    return codes && strings.type() == ColumnType.CATEGORICAL
        ? new Field(name, ColumnType.CATEGORICAL, TypeReason.ZERO_PADDED_CODES)
        : strings;
  }

  /** CATEGORICAL, TEXT or IDENTIFIER for a column of strings (rule 5 above). */
  static ColumnType classifyStrings(String name, List<String> values) {
    return decideStrings(name, values).type();
  }

  /** As {@link #classifyStrings}, with the rule that decided. */
  static Field decideStrings(String name, List<String> values) {
    int n = values.size();
    if (n == 0) {
      return new Field(name, ColumnType.TEXT, TypeReason.NO_VALUES);
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
    if (allMatch(values, UUID)) {
      return new Field(name, ColumnType.IDENTIFIER, TypeReason.UUID_VALUES);
    }
    if (unique && hintsKey(name)) {
      return new Field(name, ColumnType.IDENTIFIER, TypeReason.UNIQUE_KEY_NAME);
    }
    if (unique && n >= MIN_ROWS_FOR_UNHINTED_KEY && keyShaped) {
      return new Field(name, ColumnType.IDENTIFIER, TypeReason.UNIQUE_KEY_SHAPED);
    }
    double meanLength = (double) totalLength / n;
    if (meanLength > TEXT_MEAN_LENGTH) {
      return new Field(name, ColumnType.TEXT, TypeReason.LONG_STRINGS);
    }
    if (distinct.size() > CATEGORY_FLOOR && 2L * distinct.size() > n) {
      return new Field(name, ColumnType.TEXT, TypeReason.MANY_DISTINCT);
    }
    return new Field(name, ColumnType.CATEGORICAL, TypeReason.FEW_DISTINCT);
  }

  private static boolean allMatch(List<String> values, Pattern p) {
    for (String v : values) {
      if (!p.matcher(v).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Distinct integers whose range is exactly their count: a run with no gap. */
  private static boolean consecutive(List<String> integers) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (String c : integers) {
      long x = Long.parseLong(c.startsWith("+") ? c.substring(1) : c);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return max - min == integers.size() - 1L;
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
