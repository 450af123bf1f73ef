package org.synthos.io;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Locale-independent parsers for cell text, allocation-free on the hot path. Each {@code try*}
 * method returns whether the whole text is a value of that kind and leaves the value in the
 * matching field. The text must already be trimmed. One instance per reader; not thread-safe.
 */
final class CellParser {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  long longValue;
  double doubleValue;
  boolean booleanValue;

  /** An optional sign and 1 to 19 digits within the signed 64-bit range; {@code -0} is 0. */
  boolean tryLong(CharSequence s) {
    int n = s.length();
    if (n == 0 || n > 20) {
      return false;
    }
    int i = 0;
    boolean negative = false;
    char c = s.charAt(0);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i = 1;
      if (n == 1) {
        return false;
      }
    }
    // Accumulate negatively so that Long.MIN_VALUE fits.
    long acc = 0;
    for (; i < n; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (acc < Long.MIN_VALUE / 10) {
        return false;
      }
      acc *= 10;
      if (acc < Long.MIN_VALUE + d) {
        return false;
      }
      acc -= d;
    }
    if (!negative) {
      if (acc == Long.MIN_VALUE) {
        return false;
      }
      acc = -acc;
    }
    longValue = acc;
    return true;
  }

  /**
   * Decimal numbers with optional fraction and exponent ({@code 1}, {@code -0.5}, {@code .5},
   * {@code 1e308}, {@code 2E-3}), plus {@code NaN}, {@code inf} and {@code Infinity} in any case
   * with an optional sign. Hex floats and Java's {@code d}/{@code f} suffixes are refused;
   * magnitudes beyond the double range become infinities, as IEEE 754 rounding says.
   */
  boolean tryDouble(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    int i = 0;
    char c = s.charAt(0);
    boolean negative = false;
    if (c == '-' || c == '+') {
      negative = c == '-';
      i = 1;
    }
    if (i < n && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
      return trySpecial(s, i, negative);
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    if (i != n) {
      return false;
    }
    // The grammar is checked above; the parser (FastDoubleParser, shipped inside jackson-core) is
    // correctly rounded like Double.parseDouble and several times faster.
    doubleValue =
        s instanceof CharSlice slice
            ? NumberInput.parseDouble(slice.array, slice.offset, slice.length, true)
            : NumberInput.parseDouble(s.toString(), true);
    return true;
  }

  private boolean trySpecial(CharSequence s, int from, boolean negative) {
    if (equalsIgnoreCase(s, from, "nan")) {
      doubleValue = Double.NaN;
      return true;
    }
    if (equalsIgnoreCase(s, from, "inf") || equalsIgnoreCase(s, from, "infinity")) {
      doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return true;
    }
    return false;
  }

  /** {@code true/false, t/f, yes/no, y/n} in any case. */
  boolean tryBooleanWord(CharSequence s) {
    switch (s.length()) {
      case 1 -> {
        char c = Character.toLowerCase(s.charAt(0));
        if (c == 't' || c == 'y') {
          booleanValue = true;
          return true;
        }
        if (c == 'f' || c == 'n') {
          booleanValue = false;
          return true;
        }
        return false;
      }
      case 2, 3, 4, 5 -> {
        if (equalsIgnoreCase(s, 0, "true") || equalsIgnoreCase(s, 0, "yes")) {
          booleanValue = true;
          return true;
        }
        if (equalsIgnoreCase(s, 0, "false") || equalsIgnoreCase(s, 0, "no")) {
          booleanValue = false;
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /** A boolean word, or {@code 1}/{@code 0}. */
  boolean tryBoolean(CharSequence s) {
    if (s.length() == 1 && (s.charAt(0) == '1' || s.charAt(0) == '0')) {
      booleanValue = s.charAt(0) == '1';
      return true;
    }
    return tryBooleanWord(s);
  }

  /**
   * A date or date-time, stored in {@link #longValue} as microseconds since 1970-01-01T00:00Z.
   * Accepted: {@code yyyy-MM-dd} and {@code yyyy/MM/dd}, optionally followed by {@code T} or a
   * space and {@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.f} (1 to 9 fraction digits,
   * truncated to microseconds), optionally followed by {@code Z} or an offset {@code ±HH}, {@code
   * ±HHmm} or {@code ±HH:mm} (at most 18:00). A date or time without zone is read as UTC. Calendar
   * rules are the proleptic Gregorian ones, so 2024-02-29 is valid and 2023-02-29 is not.
   */
  boolean tryDatetime(CharSequence s) {
    int n = s.length();
    if (n < 10) {
      return false;
    }
    char sep = s.charAt(4);
    if ((sep != '-' && sep != '/') || s.charAt(7) != sep) {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return false;
    }
    long micros = daysFromCivil(year, month, day) * MICROS_PER_DAY;
    if (n == 10) {
      longValue = micros;
      return true;
    }
    char t = s.charAt(10);
    if ((t != 'T' && t != ' ') || n < 16 || s.charAt(13) != ':') {
      return false;
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return false;
    }
    int i = 16;
    int second = 0;
    long fractionMicros = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      if (second < 0 || second > 59) {
        return false;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        i++;
        int start = i;
        long scaled = 0;
        while (i < n && isDigit(s.charAt(i))) {
          if (i - start < 6) {
            scaled = scaled * 10 + (s.charAt(i) - '0');
          }
          i++;
        }
        int count = i - start;
        if (count == 0 || count > 9) {
          return false;
        }
        for (int k = count; k < 6; k++) {
          scaled *= 10;
        }
        fractionMicros = scaled;
      }
    }
    micros += ((hour * 60L + minute) * 60L + second) * 1_000_000L + fractionMicros;
    if (i == n) {
      longValue = micros;
      return true;
    }
    char z = s.charAt(i);
    if ((z == 'Z' || z == 'z') && i + 1 == n) {
      longValue = micros;
      return true;
    }
    if (z != '+' && z != '-') {
      return false;
    }
    int offsetHours = digits(s, i + 1, 2);
    int offsetMinutes = 0;
    int rest = n - (i + 3);
    if (rest == 3 && s.charAt(i + 3) == ':') {
      offsetMinutes = digits(s, i + 4, 2);
    } else if (rest == 2) {
      offsetMinutes = digits(s, i + 3, 2);
    } else if (rest != 0) {
      return false;
    }
    if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59) {
      return false;
    }
    int offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
    if (offsetSeconds > 18 * 3600) {
      return false;
    }
    longValue = micros - (z == '-' ? -offsetSeconds : offsetSeconds) * 1_000_000L;
    return true;
  }

  /**
   * Whether {@code s} from {@code from} to its end equals {@code word} ignoring case, char by char
   * as {@link String#equalsIgnoreCase} compares: equal, or equal upper cases, or equal lower cases
   * of the upper cases.
   */
  static boolean equalsIgnoreCase(CharSequence s, int from, String word) {
    if (s.length() - from != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char a = s.charAt(from + i);
      char b = word.charAt(i);
      if (a == b) {
        continue;
      }
      char ua = Character.toUpperCase(a);
      char ub = Character.toUpperCase(b);
      if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
        return false;
      }
    }
    return true;
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(CharSequence s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
   * Date Algorithms", days_from_civil).
   */
  static long daysFromCivil(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
