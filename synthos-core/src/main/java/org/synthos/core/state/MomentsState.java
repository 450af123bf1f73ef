package org.synthos.core.state;

import java.util.OptionalDouble;

/**
 * Central moments up to the fourth, minimum and maximum of the finite values of a column, plus
 * counts of the non-finite ones (which are kept out of every moment).
 *
 * <p>Stored: the count {@code n}, the mean and the sums of centred powers {@code M2, M3, M4}, all
 * in units of {@code 2^scale}: a value {@code x} enters as {@code x * 2^-scale}. The scale is 0
 * unless some {@code |x| >= 2^241}; it then grows so that fourth powers cannot overflow, which
 * keeps values near 1e300 computable. Power-of-two scaling is exact in binary floating point.
 *
 * <p>Merge: the pairwise update of Chan, Golub and LeVeque (1979) extended to third and fourth
 * moments by Pébay (2008, Sandia report SAND2008-6212, eqs. 2.1-2.4). It is associative and
 * commutative up to rounding: merged moments agree with a one-pass fold to about 1e-12 relative on
 * well-conditioned data. {@link #EMPTY} is the exact identity.
 *
 * @param count finite values seen
 * @param mean mean of the scaled values (0 when empty)
 * @param m2 sum of squared deviations of the scaled values
 * @param m3 sum of cubed deviations
 * @param m4 sum of fourth-power deviations
 * @param min smallest finite value (unscaled; +inf when empty, never reported then)
 * @param max largest finite value (unscaled; -inf when empty)
 * @param scale binary exponent of the unit of mean and M2..M4
 * @param nanCount NaN values seen
 * @param positiveInfinityCount +inf values seen
 * @param negativeInfinityCount -inf values seen
 */
public record MomentsState(
    long count,
    double mean,
    double m2,
    double m3,
    double m4,
    double min,
    double max,
    int scale,
    long nanCount,
    long positiveInfinityCount,
    long negativeInfinityCount)
    implements State {

  /** Values at or above 2^241 in magnitude trigger rescaling; (2^242)^4 * 2^50 stays finite. */
  static final int MAX_UNSCALED_EXPONENT = 240;

  public static final MomentsState EMPTY =
      new MomentsState(
          0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0, 0);

  public MomentsState {
    if (count < 0 || nanCount < 0 || positiveInfinityCount < 0 || negativeInfinityCount < 0) {
      throw new IllegalArgumentException("negative count in moments");
    }
  }

  /** The scale that keeps {@code maxAbs * 2^-scale} below 2^241. */
  static int scaleFor(double maxAbs) {
    int e = Math.getExponent(maxAbs);
    return e > MAX_UNSCALED_EXPONENT ? e - MAX_UNSCALED_EXPONENT : 0;
  }

  /** Chan-Pébay merge; see the class comment. */
  public MomentsState merge(MomentsState o) {
    long nan = nanCount + o.nanCount;
    long pinf = positiveInfinityCount + o.positiveInfinityCount;
    long ninf = negativeInfinityCount + o.negativeInfinityCount;
    if (o.count == 0) {
      return withNonFinite(this, nan, pinf, ninf);
    }
    if (count == 0) {
      return withNonFinite(o, nan, pinf, ninf);
    }
    int s = Math.max(scale, o.scale);
    MomentsState a = rescaled(s);
    MomentsState b = o.rescaled(s);
    double na = a.count;
    double nb = b.count;
    double n = na + nb;
    double delta = b.mean - a.mean;
    double r = nb / n;
    double d2 = delta * delta;
    double mean = a.mean + delta * r;
    double m2 = a.m2 + b.m2 + d2 * na * r;
    double m3 =
        a.m3 + b.m3 + d2 * delta * na * r * (na - nb) / n + 3 * delta * (na * b.m2 - nb * a.m2) / n;
    double m4 =
        a.m4
            + b.m4
            + d2 * d2 * na * r * (na * na - na * nb + nb * nb) / (n * n)
            + 6 * d2 * (na * na * b.m2 + nb * nb * a.m2) / (n * n)
            + 4 * delta * (na * b.m3 - nb * a.m3) / n;
    return new MomentsState(
        a.count + b.count,
        mean,
        m2,
        m3,
        m4,
        Math.min(min, o.min),
        Math.max(max, o.max),
        s,
        nan,
        pinf,
        ninf);
  }

  private static MomentsState withNonFinite(MomentsState s, long nan, long pinf, long ninf) {
    return new MomentsState(
        s.count, s.mean, s.m2, s.m3, s.m4, s.min, s.max, s.scale, nan, pinf, ninf);
  }

  private MomentsState rescaled(int target) {
    int d = target - scale;
    if (d == 0) {
      return this;
    }
    return new MomentsState(
        count,
        Math.scalb(mean, -d),
        Math.scalb(m2, -2 * d),
        Math.scalb(m3, -3 * d),
        Math.scalb(m4, -4 * d),
        min,
        max,
        target,
        nanCount,
        positiveInfinityCount,
        negativeInfinityCount);
  }

  /** Mean of the finite values, empty when there are none. */
  public OptionalDouble meanValue() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.scalb(mean, scale));
  }

  /** Sample standard deviation (divisor n - 1), empty below two values. */
  public OptionalDouble sampleStandardDeviation() {
    return count < 2
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.scalb(Math.sqrt(Math.max(0, m2) / (count - 1)), scale));
  }

  /** Population standard deviation (divisor n), empty when there are no values. */
  public OptionalDouble populationStandardDeviation() {
    return count == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.scalb(Math.sqrt(Math.max(0, m2) / count), scale));
  }

  /**
   * Sample variance (divisor n - 1); empty below two values, +inf when the variance exceeds the
   * double range (use {@link #sampleStandardDeviation()} then).
   */
  public OptionalDouble sampleVariance() {
    return count < 2
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.scalb(Math.max(0, m2) / (count - 1), 2 * scale));
  }

  /**
   * Biased sample skewness g1 = sqrt(n) M3 / M2^1.5, as {@code scipy.stats.skew(bias=True)}; empty
   * below two values or when the values are constant.
   */
  public OptionalDouble skewness() {
    if (count < 2 || !(m2 > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.sqrt((double) count) * m3 / Math.pow(m2, 1.5));
  }

  /**
   * Biased excess kurtosis g2 = n M4 / M2^2 - 3, as {@code scipy.stats.kurtosis(fisher=True,
   * bias=True)}; empty below two values or when the values are constant.
   */
  public OptionalDouble excessKurtosis() {
    if (count < 2 || !(m2 > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(count * m4 / (m2 * m2) - 3.0);
  }

  /** Smallest finite value, empty when there are none. */
  public OptionalDouble minValue() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /** Largest finite value, empty when there are none. */
  public OptionalDouble maxValue() {
    return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(max);
  }

  @Override
  public StateKind kind() {
    return StateKind.MOMENTS;
  }
}
