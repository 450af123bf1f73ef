package org.synthos.core.multivariate;

/**
 * Transitional: the outcome of {@link DetectionTest#compute}, a value with the band that sampling
 * noise alone gives, or an explicit reason why it cannot be computed; goes with that method.
 */
public sealed interface MultivariateValue
    permits MultivariateValue.Measured, MultivariateValue.NotApplicable {

  static MultivariateValue notApplicable(String reason) {
    return new NotApplicable(reason);
  }

  /**
   * A computed value.
   *
   * @param value the metric's value
   * @param nullBand what two samples of the reference law give, for comparison
   */
  record Measured(double value, NullBand nullBand) implements MultivariateValue {
    public Measured {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("a measured value cannot be NaN");
      }
    }
  }

  /**
   * No value.
   *
   * @param reason one line a user understands, e.g. "needs at least 6 rows per side, got 3"
   */
  record NotApplicable(String reason) implements MultivariateValue {}
}
