package org.synthos.core.state;

/**
 * Two column positions in a schema. For symmetric statistics {@code first < second}; for the
 * correlation ratio {@code first} is the numeric and {@code second} the categorical column.
 */
public record ColumnPair(int first, int second) implements Comparable<ColumnPair> {
  public ColumnPair {
    if (first < 0 || second < 0 || first == second) {
      throw new IllegalArgumentException("bad column pair " + first + ", " + second);
    }
  }

  @Override
  public int compareTo(ColumnPair o) {
    int c = Integer.compare(first, o.first);
    return c != 0 ? c : Integer.compare(second, o.second);
  }
}
