package org.synthos.core.metric;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a metric: a number, or the honest statement that it cannot be computed. A metric
 * never returns a placeholder number.
 */
public sealed interface MetricValue permits MetricValue.Value, MetricValue.NotApplicable {

  /**
   * A computed value.
   *
   * @param value the metric
   * @param error bound on the absolute error of {@code value} from approximation (sketches): 0 when
   *     exact up to rounding, +inf when the value comes from sketches and has no closed-form bound
   * @param nullBand what sampling noise alone would give, when known
   */
  record Value(double value, double error, Optional<NullBand> nullBand) implements MetricValue {
    public Value {
      Objects.requireNonNull(nullBand, "nullBand is null");
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("a metric value cannot be NaN; use NotApplicable");
      }
    }
  }

  /** Why the metric cannot be computed, in a sentence a user understands. */
  record NotApplicable(String reason) implements MetricValue {
    public NotApplicable {
      Objects.requireNonNull(reason, "reason is null");
    }
  }

  static MetricValue of(double value) {
    return new Value(value, 0, Optional.empty());
  }

  static MetricValue of(double value, NullBand band) {
    return new Value(value, 0, Optional.of(band));
  }

  static MetricValue notApplicable(String reason) {
    return new NotApplicable(reason);
  }

  /** The number, if computed. */
  default Optional<Double> number() {
    return this instanceof Value v ? Optional.of(v.value()) : Optional.empty();
  }

  /** The number, or an exception naming the reason; for callers that know it applies. */
  default double orElseThrow() {
    if (this instanceof Value v) {
      return v.value();
    }
    throw new IllegalStateException(((NotApplicable) this).reason());
  }
}
