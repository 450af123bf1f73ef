package org.synthos.core.state;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The joint frequency table of two categorical columns, with a missing value as its own category
 * ({@code null} in a {@link Cell}), as SDMetrics ContingencySimilarity does ({@code dropna=False}).
 *
 * <p>Merge adds cell counts: exact, associative and commutative. If either side has more than
 * {@link #categoryCap()} categories the table is dropped and the state is {@link #overflowed()} (it
 * keeps only the row count), so memory stays bounded and metrics say they cannot be computed
 * instead of guessing. {@link #empty(int)} is the identity.
 */
public final class ContingencyState implements State {
  /** Cell order: left then right value, missing first. */
  public static final Comparator<Cell> CELL_ORDER =
      Comparator.comparing(Cell::left, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(Cell::right, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

  /** One cell of the table; {@code null} stands for a missing value. */
  public record Cell(String left, String right) {}

  private final SortedMap<Cell, Long> cells;
  private final long total;
  private final boolean overflowed;
  private final int categoryCap;

  ContingencyState(SortedMap<Cell, Long> cells, long total, boolean overflowed, int categoryCap) {
    this.cells = cells;
    this.total = total;
    this.overflowed = overflowed;
    this.categoryCap = categoryCap;
  }

  public static ContingencyState empty(int categoryCap) {
    return new ContingencyState(Collections.emptySortedMap(), 0, false, categoryCap);
  }

  static ContingencyState overflow(long total, int categoryCap) {
    return new ContingencyState(Collections.emptySortedMap(), total, true, categoryCap);
  }

  /**
   * Builds a table; overflows when a side has more than {@code categoryCap} categories (missing not
   * counted).
   */
  static ContingencyState of(SortedMap<Cell, Long> counts, int categoryCap) {
    long total = 0;
    Set<String> left = new HashSet<>();
    Set<String> right = new HashSet<>();
    for (var e : counts.entrySet()) {
      total += e.getValue();
      if (e.getKey().left() != null) {
        left.add(e.getKey().left());
      }
      if (e.getKey().right() != null) {
        right.add(e.getKey().right());
      }
    }
    if (left.size() > categoryCap || right.size() > categoryCap) {
      return overflow(total, categoryCap);
    }
    TreeMap<Cell, Long> copy = new TreeMap<>(CELL_ORDER);
    copy.putAll(counts);
    return new ContingencyState(Collections.unmodifiableSortedMap(copy), total, false, categoryCap);
  }

  /** Non-zero cells, sorted by {@link #CELL_ORDER}; empty when overflowed. */
  public SortedMap<Cell, Long> cells() {
    return cells;
  }

  /** Rows counted. */
  public long total() {
    return total;
  }

  public boolean overflowed() {
    return overflowed;
  }

  public int categoryCap() {
    return categoryCap;
  }

  public ContingencyState merge(ContingencyState o) {
    int cap = Math.min(categoryCap, o.categoryCap);
    if (overflowed || o.overflowed) {
      return overflow(total + o.total, cap);
    }
    if (o.total == 0) {
      return this;
    }
    if (total == 0) {
      return o;
    }
    TreeMap<Cell, Long> sum = new TreeMap<>(CELL_ORDER);
    sum.putAll(cells);
    o.cells.forEach((c, n) -> sum.merge(c, n, Long::sum));
    return of(sum, cap);
  }

  @Override
  public StateKind kind() {
    return StateKind.CONTINGENCY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContingencyState c
        && total == c.total
        && overflowed == c.overflowed
        && categoryCap == c.categoryCap
        && cells.equals(c.cells);
  }

  @Override
  public int hashCode() {
    return cells.hashCode() * 31 + Long.hashCode(total);
  }

  @Override
  public String toString() {
    return "ContingencyState[total="
        + total
        + ", cells="
        + cells.size()
        + (overflowed ? ", overflowed" : "")
        + "]";
  }
}
