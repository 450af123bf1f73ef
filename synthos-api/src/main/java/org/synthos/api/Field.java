package org.synthos.api;

import java.util.Objects;

/**
 * One column of a schema.
 *
 * <p>Equality compares name and type only: the reason explains how the type was decided and does
 * not change how the column is read, so a schema inferred from a file equals the same schema
 * declared by hand.
 *
 * @param name the column name as in the file header (unique within a schema)
 * @param type the logical type
 * @param reason why the column has that type
 */
public record Field(String name, ColumnType type, TypeReason reason) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
  }

  /** A field whose type was declared by the file format or the caller. */
  public Field(String name, ColumnType type) {
    this(name, type, TypeReason.DECLARED);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Field f && name.equals(f.name) && type == f.type;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type);
  }
}
