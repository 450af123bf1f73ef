package org.synthos.core.assess;

import java.util.Locale;
import org.synthos.api.ColumnType;

/**
 * How the assessment treats a column of each type: the measures it enters. Reported beside each
 * column with its {@link org.synthos.api.TypeReason}, so that a user sees which columns were judged
 * how and can override a type when the inference guessed wrong.
 */
public enum ColumnTreatment {
  NUMBERS("compared as numbers: KS, spread, tails, Pearson r, neighbours"),
  CATEGORIES("compared as categories: TVD, entropy, rare categories, Cramér's V"),
  TIME("compared as numbers and orders the rows for temporal stability"),
  TEXT("judged by the text measures: lengths, vocabulary, diversity, repeated and copied texts"),
  KEY("checked as a key: repeats, keys shared with the reference, format drift");

  private final String description;

  ColumnTreatment(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The snake_case key written in reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ColumnTreatment of(ColumnType type) {
    return switch (type) {
      case INTEGER, FLOAT -> NUMBERS;
      case BOOLEAN, CATEGORICAL -> CATEGORIES;
      case DATETIME -> TIME;
      case TEXT -> TEXT;
      case IDENTIFIER -> KEY;
    };
  }
}
