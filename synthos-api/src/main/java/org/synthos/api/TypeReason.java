package org.synthos.api;

import java.util.Locale;

/**
 * Why a column has its {@link ColumnType}: the rule of the type inference that decided it, a type
 * the file declared, or the user's override. Reported beside every column so that a user can see
 * how a column was treated (compared as numbers or categories, judged as text, or checked as a key)
 * and override it when the rule guessed wrong.
 */
public enum TypeReason {
  /** The caller or the file format declared the type (a Parquet logical type, a given schema). */
  DECLARED("declared by the file format or the caller"),
  /** The user forced the type ({@code --type column=TYPE}, or the options' type overrides). */
  OVERRIDE("forced by the user"),
  /** No non-null cell in the inference sample: text, which any later value fits. */
  NO_VALUES("no value in the inference sample"),
  BOOLEAN_WORDS("most cells are boolean words"),
  DATETIMES("most cells are dates or date-times"),
  NUMBERS("most cells are numbers"),
  /** Distinct integers under a key-like name ({@code id}, {@code user_id}, {@code orderId}). */
  INTEGER_KEY_NAME("distinct integers under a key-like name"),
  /** Distinct integers that form a consecutive run (row numbers, serial keys). */
  INTEGER_SEQUENCE("distinct integers forming a consecutive sequence"),
  /** Every value is a UUID (8-4-4-4-12 hexadecimal digits). */
  UUID_VALUES("every value is a UUID"),
  /** Distinct strings under a key-like name. */
  UNIQUE_KEY_NAME("distinct strings under a key-like name"),
  /** Distinct short strings without whitespace, as keys are. */
  UNIQUE_KEY_SHAPED("distinct short strings without whitespace"),
  /** Mean length above the text threshold. */
  LONG_STRINGS("long strings"),
  /** More distinct values than a category list holds. */
  MANY_DISTINCT("more distinct strings than a category list holds"),
  /** Few distinct short strings: labels. */
  FEW_DISTINCT("few distinct short strings"),
  /** Integers written with a leading zero: codes, read as strings. */
  ZERO_PADDED_CODES("integers written with a leading zero, read as codes");

  private final String description;

  TypeReason(String description) {
    this.description = description;
  }

  /** A phrase for people. */
  public String description() {
    return description;
  }

  /** The snake_case key written in reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
