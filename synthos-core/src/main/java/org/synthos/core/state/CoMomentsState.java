package org.synthos.core.state;

import java.util.OptionalDouble;

/**
 * Co-moments of two numeric columns over the rows where both are present and finite (pairwise
 * deletion, as pandas {@code DataFrame.corr} and SDMetrics CorrelationSimilarity do).
 *
 * <p>Stored: count, both means, both sums of squared deviations and the sum of cross deviations
 * {@code C = sum (x - mx)(y - my)}. Merge: Chan, Golub and LeVeque (1979) pairwise update, {@code C
 * = Ca + Cb + dx dy na nb / n}; associative and commutative up to rounding (about 1e-12 relative).
 * {@link #EMPTY} is the exact identity.
 */
public record CoMomentsState(
    long count, double meanX, double meanY, double m2X, double m2Y, double cXY) implements State {
  public static final CoMomentsState EMPTY = new CoMomentsState(0, 0, 0, 0, 0, 0);

  public CoMomentsState merge(CoMomentsState o) {
    if (o.count == 0) {
      return this;
    }
    if (count == 0) {
      return o;
    }
    double na = count;
    double nb = o.count;
    double n = na + nb;
    double dx = o.meanX - meanX;
    double dy = o.meanY - meanY;
    double w = na * nb / n;
    return new CoMomentsState(
        count + o.count,
        meanX + dx * nb / n,
        meanY + dy * nb / n,
        m2X + o.m2X + dx * dx * w,
        m2Y + o.m2Y + dy * dy * w,
        cXY + o.cXY + dx * dy * w);
  }

  /**
   * Adds the pair (x, y) to co-moments held in place as {@code {count, meanX, meanY, m2X, m2Y,
   * cXY}}: {@link #merge} with a one-row state, so a fold of rows one at a time gives what merging
   * their states in the same order gives.
   */
  public static void add(double[] s, double x, double y) {
    double n = s[0] + 1;
    double dx = x - s[1];
    double dy = y - s[2];
    double w = s[0] / n;
    s[0] = n;
    s[1] += dx / n;
    s[2] += dy / n;
    s[3] += dx * dx * w;
    s[4] += dy * dy * w;
    s[5] += dx * dy * w;
  }

  /** The state of co-moments held as by {@link #add}. */
  public static CoMomentsState of(double[] s) {
    return s[0] == 0 ? EMPTY : new CoMomentsState((long) s[0], s[1], s[2], s[3], s[4], s[5]);
  }

  /**
   * Pearson's r = C / sqrt(M2x M2y), clamped to [-1, 1]; empty with fewer than two rows, a constant
   * column, or non-finite sums.
   */
  public OptionalDouble pearson() {
    if (count < 2 || !(m2X > 0) || !(m2Y > 0)) {
      return OptionalDouble.empty();
    }
    double r = cXY / Math.sqrt(m2X * m2Y);
    if (!Double.isFinite(r)) {
      r = cXY / Math.sqrt(m2X) / Math.sqrt(m2Y);
    }
    return Double.isFinite(r)
        ? OptionalDouble.of(Math.max(-1, Math.min(1, r)))
        : OptionalDouble.empty();
  }

  @Override
  public StateKind kind() {
    return StateKind.CO_MOMENTS;
  }
}
