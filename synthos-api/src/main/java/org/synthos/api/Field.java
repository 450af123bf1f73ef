package org.synthos.api;

import java.util.Objects;

/**
 * One column of a schema.
 *
 * @param name the column name as in the file header (unique within a schema)
 * @param type the logical type
 */
public record Field(String name, ColumnType type) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
