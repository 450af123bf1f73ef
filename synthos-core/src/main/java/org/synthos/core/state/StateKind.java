package org.synthos.core.state;

/** The closed registry of state kinds; {@link #tag()} is the byte written by {@link StateCodec}. */
public enum StateKind {
  COUNTS(1),
  MOMENTS(2),
  QUANTILES(3),
  DISTINCT(4),
  FREQUENCIES(5),
  TEXT(6),
  DATETIME(7),
  CO_MOMENTS(8),
  CONTINGENCY(9),
  CORRELATION_RATIO(10);

  private final int tag;

  StateKind(int tag) {
    this.tag = tag;
  }

  public int tag() {
    return tag;
  }

  /** The kind written as {@code tag}, or empty for a tag this reader does not know. */
  static java.util.Optional<StateKind> fromTag(int tag) {
    for (StateKind k : values()) {
      if (k.tag == tag) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
