package org.synthos.core.state;

/**
 * The finest calendar unit in which a datetime column's values differ from whole units of the next
 * coarser one, from finest to coarsest. A column of midnights is {@link #DAY}; one value with a
 * non-zero second makes it {@link #SECOND}.
 */
public enum Granularity {
  MICROSECOND(1L),
  MILLISECOND(1_000L),
  SECOND(1_000_000L),
  MINUTE(60_000_000L),
  HOUR(3_600_000_000L),
  DAY(86_400_000_000L);

  private final long micros;

  Granularity(long micros) {
    this.micros = micros;
  }

  /** Length of the unit in microseconds. */
  public long micros() {
    return micros;
  }

  /** The coarsest unit of which {@code epochMicros} is a whole multiple (UTC). */
  static Granularity of(long epochMicros) {
    Granularity[] all = values();
    for (int i = all.length - 1; i > 0; i--) {
      if (Math.floorMod(epochMicros, all[i].micros) == 0) {
        return all[i];
      }
    }
    return MICROSECOND;
  }

  /** The finer of two units. */
  Granularity finer(Granularity other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
