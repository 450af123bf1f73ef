package org.synthos.core.state;

import java.time.Instant;
import java.util.Optional;

/**
 * Range and granularity of a datetime column (microseconds since the epoch, UTC).
 *
 * <p>Merge takes the minimum, the maximum, the sum of counts and the finer granularity: all exact,
 * associative and commutative. {@link #EMPTY} (count 0, granularity {@link Granularity#DAY}, the
 * coarsest) is the identity.
 */
public record DatetimeState(long count, long minMicros, long maxMicros, Granularity granularity)
    implements State {
  public static final DatetimeState EMPTY =
      new DatetimeState(0, Long.MAX_VALUE, Long.MIN_VALUE, Granularity.DAY);

  public DatetimeState merge(DatetimeState o) {
    return new DatetimeState(
        count + o.count,
        Math.min(minMicros, o.minMicros),
        Math.max(maxMicros, o.maxMicros),
        granularity.finer(o.granularity));
  }

  public Optional<Instant> min() {
    return count == 0 ? Optional.empty() : Optional.of(toInstant(minMicros));
  }

  public Optional<Instant> max() {
    return count == 0 ? Optional.empty() : Optional.of(toInstant(maxMicros));
  }

  /** Finest unit present, empty when the column has no values. */
  public Optional<Granularity> finestUnit() {
    return count == 0 ? Optional.empty() : Optional.of(granularity);
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  @Override
  public StateKind kind() {
    return StateKind.DATETIME;
  }
}
