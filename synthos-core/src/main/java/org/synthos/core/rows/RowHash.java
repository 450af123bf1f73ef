package org.synthos.core.rows;

/**
 * A 128-bit row hash.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record RowHash(long high, long low) implements Comparable<RowHash> {
  @Override
  public int compareTo(RowHash o) {
    int c = Long.compare(high, o.high);
    return c != 0 ? c : Long.compare(low, o.low);
  }

  /** 32 lower-case hexadecimal digits, high word first. */
  public String hex() {
    return String.format("%016x%016x", high, low);
  }
}
