package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cell read as a range of a buffer is parsed, trimmed and compared exactly as the same cell read
 * as a string.
 */
@Tag("unit")
class CharSliceTest {
  private static final List<String> WORDS =
      List.of("true", "yes", "false", "no", "nan", "inf", "infinity");

  /** {@code text} inside a larger buffer, so that offsets matter. */
  private static CharSlice slice(String text) {
    char[] buffer = ("#~" + text + "~#").toCharArray();
    return new CharSlice().set(buffer, 2, text.length());
  }

  @Test
  void caseIsIgnoredExactlyAsStringsIgnoreIt() {
    // Every character in every position of every word: non-ASCII letters such as the dotless i
    // or the Kelvin sign match some ASCII letters under String.equalsIgnoreCase, and must here.
    for (String word : WORDS) {
      for (int at = 0; at < word.length(); at++) {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
          char[] chars = word.toCharArray();
          chars[at] = (char) c;
          String cell = new String(chars);
          assertThat(CellParser.equalsIgnoreCase(slice(cell), 0, word))
              .as("%s against U+%04X at %d", word, c, at)
              .isEqualTo(cell.equalsIgnoreCase(word));
        }
      }
    }
  }

  @Test
  void trimmingCutsTheSameCharactersAsForAString() {
    SplittableRandom random = new SplittableRandom(5);
    char[] alphabet = {' ', '\t', '\r', '\u0001', 'a', '1', '.', '\u00a0', 'é'};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(7);
      for (int k = 0; k < n; k++) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String cell = b.toString();
      assertThat(NullTokens.trim(slice(cell)).toString()).isEqualTo(NullTokens.trim(cell));
    }
  }

  @Test
  void everyParserReadsASliceAsTheSameString() {
    List<String> cells =
        List.of(
            "42",
            "-0",
            "+7",
            "9223372036854775807",
            "9223372036854775808",
            "1.5",
            "-1E-3",
            ".5",
            "5.",
            "1e309",
            "NaN",
            "-INF",
            "Infinity",
            "ınf",
            "1e",
            "0x10",
            "",
            "-",
            "T",
            "n",
            "Yes",
            "FALSE",
            "1",
            "0",
            "2024-02-29",
            "2023-02-29",
            "2024-02-29T12:30:45.123456789+05:30",
            "2024/01/02 03:04",
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05-19:00",
            "abc");
    CellParser a = new CellParser();
    CellParser b = new CellParser();
    for (String cell : cells) {
      assertThat(a.tryLong(slice(cell))).as(cell).isEqualTo(b.tryLong(cell));
      assertThat(a.longValue).as(cell).isEqualTo(b.longValue);
      assertThat(a.tryDouble(slice(cell))).as(cell).isEqualTo(b.tryDouble(cell));
      assertThat(Double.doubleToRawLongBits(a.doubleValue))
          .as(cell)
          .isEqualTo(Double.doubleToRawLongBits(b.doubleValue));
      assertThat(a.tryBoolean(slice(cell))).as(cell).isEqualTo(b.tryBoolean(cell));
      assertThat(a.booleanValue).as(cell).isEqualTo(b.booleanValue);
      assertThat(a.tryDatetime(slice(cell))).as(cell).isEqualTo(b.tryDatetime(cell));
      assertThat(a.longValue).as(cell).isEqualTo(b.longValue);
    }
  }

  @Test
  void nullTokensMatchASliceAsTheSameString() {
    NullTokens nulls = new NullTokens(ReadOptions.DEFAULT_NULL_TOKENS);
    for (String cell : List.of("", "NA", "na", "null", "NULL", "None", "nan", "-", "x", "N/A")) {
      assertThat(nulls.isNull(slice(cell))).as(cell).isEqualTo(nulls.isNull(cell));
    }
  }

  @Test
  void repeatedCategoriesShareOneStringUpToTheCap() {
    ColumnBuilder.SharedStrings shared = new ColumnBuilder.SharedStrings();
    String first = shared.of(slice("red"));
    assertThat(first).isEqualTo("red");
    assertThat(shared.of(slice("red"))).isSameAs(first);
    assertThat(shared.of("red")).isSameAs(first);
    assertThat(shared.of(slice("re"))).isEqualTo("re");
    assertThat(shared.of(slice(""))).isEqualTo("");
    // Fill the table to its cap: later new values are equal strings, never shared.
    for (int i = 0; i < ColumnBuilder.Strings.SHARED; i++) {
      assertThat(shared.of(slice("v" + i))).isEqualTo("v" + i);
    }
    String late = shared.of(slice("late"));
    assertThat(late).isEqualTo("late");
    assertThat(shared.of(slice("late"))).isEqualTo("late").isNotSameAs(late);
    assertThat(shared.of(slice("red"))).isSameAs(first);
  }
}
