package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Number, boolean and date-time parsing edge cases. */
@Tag("unit")
class CellParserTest {
  private final CellParser p = new CellParser();

  @Test
  void integersCoverTheFullRangeAndNegativeZero() {
    assertThat(p.tryLong("9223372036854775807")).isTrue();
    assertThat(p.longValue).isEqualTo(Long.MAX_VALUE);
    assertThat(p.tryLong("-9223372036854775808")).isTrue();
    assertThat(p.longValue).isEqualTo(Long.MIN_VALUE);
    assertThat(p.tryLong("-0")).isTrue();
    assertThat(p.longValue).isZero();
    assertThat(p.tryLong("+42")).isTrue();
    assertThat(p.longValue).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9223372036854775808",
        "-9223372036854775809",
        "1.0",
        "1e3",
        "",
        "-",
        "1_000",
        "0x10",
        "١٢"
      })
  void notIntegers(String s) {
    assertThat(p.tryLong(s)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "1e308, 1e308",
    "-1E-3, -0.001",
    ".5, 0.5",
    "5., 5.0",
    "+2.5e+2, 250.0",
    "1e309, Infinity",
    "-1e309, -Infinity",
    "inf, Infinity",
    "-INF, -Infinity",
    "Infinity, Infinity",
    "4.9e-324, 4.9e-324"
  })
  void floats(String text, double expected) {
    assertThat(p.tryDouble(text)).isTrue();
    assertThat(p.doubleValue).isEqualTo(expected);
  }

  @Test
  void nanAndNegativeZeroAreValues() {
    assertThat(p.tryDouble("NaN")).isTrue();
    assertThat(p.doubleValue).isNaN();
    assertThat(p.tryDouble("nan")).isTrue();
    assertThat(p.tryDouble("-0")).isTrue();
    assertThat(Double.doubleToRawLongBits(p.doubleValue))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1d", "2f", "0x1p3", "1,5", "1.2.3", "e5", "1e", "--1", ".", "infinite", "1 000"})
  void notFloats(String s) {
    assertThat(p.tryDouble(s)).isFalse();
  }

  @Test
  void theDefaultLocaleDoesNotMatter() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(p.tryDouble("1,5")).isFalse();
      assertThat(p.tryDouble("1.5")).isTrue();
      assertThat(p.doubleValue).isEqualTo(1.5);
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat(p.tryBoolean("TRUE")).isTrue();
      assertThat(p.tryDouble("INF")).isTrue();
      assertThat(p.tryDatetime("2024-02-29T10:00:00Z")).isTrue();
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @CsvSource({"true,true", "FALSE,false", "Yes,true", "n,false", "T,true", "1,true", "0,false"})
  void booleans(String text, boolean expected) {
    assertThat(p.tryBoolean(text)).isTrue();
    assertThat(p.booleanValue).isEqualTo(expected);
  }

  @Test
  void zeroAndOneAreNotBooleanWords() {
    assertThat(p.tryBooleanWord("1")).isFalse();
    assertThat(p.tryBoolean("2")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2024-02-29, 2024-02-29T00:00:00Z",
    "2024/02/29, 2024-02-29T00:00:00Z",
    "2000-02-29T23:59:59, 2000-02-29T23:59:59Z",
    "2024-03-10 02:30, 2024-03-10T02:30:00Z",
    "2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z",
    "2024-01-01T01:00:00+01:00, 2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00-0530, 2024-01-01T05:30:00Z",
    "2024-01-01T00:00:00+14, 2023-12-31T10:00:00Z",
    "2024-01-01T00:00:00.123456789Z, 2024-01-01T00:00:00.123456Z",
    "2024-01-01 00:00:00.5, 2024-01-01T00:00:00.5Z",
    "1969-12-31T23:59:59.999999Z, 1969-12-31T23:59:59.999999Z",
    "0001-01-01, 0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z"
  })
  void datetimes(String text, String isoUtc) {
    assertThat(p.tryDatetime(text)).as(text).isTrue();
    Instant expected = Instant.parse(isoUtc);
    assertThat(p.longValue)
        .isEqualTo(expected.getEpochSecond() * 1_000_000L + expected.getNano() / 1000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29",
        "1900-02-29",
        "2024-04-31",
        "2024-13-01",
        "2024-00-10",
        "2024-01-01T24:00",
        "2024-01-01T23:60",
        "2024-01-01T23:59:60",
        "2024-01-01T10:00+19:00",
        "2024-01-01T10",
        "2024-01/01",
        "24-01-01",
        "2024-01-01X10:00",
        "2024-01-01T10:00:00.",
        "2024-01-01T10:00:00.1234567891",
        "2024-01-01T10:00:00 UTC"
      })
  void notDatetimes(String s) {
    assertThat(p.tryDatetime(s)).as(s).isFalse();
  }

  @Test
  void daysFromCivilAgreesWithJavaTimeAcrossLeapYears() {
    for (LocalDate d = LocalDate.of(1896, 1, 1);
        d.isBefore(LocalDate.of(2104, 12, 31));
        d = d.plusDays(13)) {
      assertThat(CellParser.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .isEqualTo(d.toEpochDay());
    }
    assertThat(CellParser.daysFromCivil(-1, 3, 1))
        .isEqualTo(LocalDate.of(-1, 3, 1).atStartOfDay().toLocalDate().toEpochDay());
    assertThat(LocalDate.of(2024, 2, 29).atStartOfDay(ZoneOffset.UTC).toEpochSecond())
        .isEqualTo(CellParser.daysFromCivil(2024, 2, 29) * 86_400);
  }
}
