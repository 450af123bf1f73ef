package org.synthos.core.state;

/**
 * Count, mean and sum of squared deviations of the numeric values within one category; merged by
 * the Chan-Golub-LeVeque update. {@link #EMPTY} is the identity.
 */
public record GroupMoments(long count, double mean, double m2) {
  public static final GroupMoments EMPTY = new GroupMoments(0, 0, 0);

  public GroupMoments merge(GroupMoments o) {
    if (o.count == 0) {
      return this;
    }
    if (count == 0) {
      return o;
    }
    double na = count;
    double nb = o.count;
    double n = na + nb;
    double d = o.mean - mean;
    return new GroupMoments(count + o.count, mean + d * nb / n, m2 + o.m2 + d * d * na * nb / n);
  }
}
