package org.synthos.core.state;

import java.util.Collections;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-category moments of a numeric column grouped by a categorical one, over rows where both are
 * present (and the number finite). Every non-missing category of the column is a group, with count
 * 0 if it never came with a number, so the cap counts the column's categories. Enough for the
 * correlation ratio eta (Pearson 1903; see {@link #eta()}).
 *
 * <p>Merge combines the moments of each category by Chan's update: associative and commutative up
 * to rounding. More than {@link #categoryCap()} categories overflow the state, which then keeps
 * nothing but the fact. {@link #empty(int)} is the identity.
 */
public final class CorrelationRatioState implements State {
  private final SortedMap<String, GroupMoments> groups;
  private final boolean overflowed;
  private final int categoryCap;

  CorrelationRatioState(
      SortedMap<String, GroupMoments> groups, boolean overflowed, int categoryCap) {
    this.groups = groups;
    this.overflowed = overflowed;
    this.categoryCap = categoryCap;
  }

  public static CorrelationRatioState empty(int categoryCap) {
    return new CorrelationRatioState(Collections.emptySortedMap(), false, categoryCap);
  }

  static CorrelationRatioState overflow(int categoryCap) {
    return new CorrelationRatioState(Collections.emptySortedMap(), true, categoryCap);
  }

  static CorrelationRatioState of(SortedMap<String, GroupMoments> groups, int categoryCap) {
    if (groups.size() > categoryCap) {
      return new CorrelationRatioState(Collections.emptySortedMap(), true, categoryCap);
    }
    return new CorrelationRatioState(
        Collections.unmodifiableSortedMap(new TreeMap<>(groups)), false, categoryCap);
  }

  public SortedMap<String, GroupMoments> groups() {
    return groups;
  }

  public boolean overflowed() {
    return overflowed;
  }

  public int categoryCap() {
    return categoryCap;
  }

  public CorrelationRatioState merge(CorrelationRatioState o) {
    int cap = Math.min(categoryCap, o.categoryCap);
    if (overflowed || o.overflowed) {
      return new CorrelationRatioState(Collections.emptySortedMap(), true, cap);
    }
    if (o.groups.isEmpty()) {
      return this;
    }
    if (groups.isEmpty()) {
      return o;
    }
    TreeMap<String, GroupMoments> sum = new TreeMap<>(groups);
    o.groups.forEach((k, g) -> sum.merge(k, g, GroupMoments::merge));
    return of(sum, cap);
  }

  /**
   * eta = sqrt(SS_between / SS_total), with SS_between = sum_c n_c (mean_c - mean)^2 and SS_total =
   * SS_between + sum_c M2_c. Empty when overflowed, with fewer than two rows, or when the numeric
   * values are constant.
   */
  public OptionalDouble eta() {
    if (overflowed) {
      return OptionalDouble.empty();
    }
    GroupMoments all = GroupMoments.EMPTY;
    for (GroupMoments g : groups.values()) {
      all = all.merge(g);
    }
    if (all.count() < 2 || !(all.m2() > 0)) {
      return OptionalDouble.empty();
    }
    double between = 0;
    for (GroupMoments g : groups.values()) {
      double d = g.mean() - all.mean();
      between += g.count() * d * d;
    }
    return OptionalDouble.of(Math.sqrt(Math.min(1, between / all.m2())));
  }

  @Override
  public StateKind kind() {
    return StateKind.CORRELATION_RATIO;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorrelationRatioState c
        && overflowed == c.overflowed
        && categoryCap == c.categoryCap
        && groups.equals(c.groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode() * 31 + (overflowed ? 1 : 0);
  }

  @Override
  public String toString() {
    return "CorrelationRatioState[groups="
        + groups.size()
        + (overflowed ? ", overflowed" : "")
        + "]";
  }
}
