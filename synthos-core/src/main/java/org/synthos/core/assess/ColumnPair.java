package org.synthos.core.assess;

import java.util.List;

/** Two columns measured together, in the order the pairwise measures visit them. */
public record ColumnPair(String first, String second) implements Subject {
  @Override
  public String label() {
    return first + " ~ " + second;
  }

  @Override
  public List<String> columns() {
    return List.of(first, second);
  }
}
