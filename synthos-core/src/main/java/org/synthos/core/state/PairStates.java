package org.synthos.core.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The pairwise states of a dataset, keyed by column positions: co-moments of numeric pairs,
 * contingency tables of categorical pairs and per-category moments of numeric x categorical pairs.
 * Merge is key-wise (a key missing on one side takes the other side's state), inheriting each
 * state's laws; {@link #EMPTY} is the identity.
 */
public record PairStates(
    SortedMap<ColumnPair, CoMomentsState> coMoments,
    SortedMap<ColumnPair, ContingencyState> contingency,
    SortedMap<ColumnPair, CorrelationRatioState> correlationRatio) {

  public static final PairStates EMPTY =
      new PairStates(
          Collections.emptySortedMap(), Collections.emptySortedMap(), Collections.emptySortedMap());

  public PairStates {
    coMoments = Collections.unmodifiableSortedMap(new TreeMap<>(coMoments));
    contingency = Collections.unmodifiableSortedMap(new TreeMap<>(contingency));
    correlationRatio = Collections.unmodifiableSortedMap(new TreeMap<>(correlationRatio));
  }

  public PairStates merge(PairStates o) {
    return new PairStates(
        mergeMaps(coMoments, o.coMoments, CoMomentsState::merge),
        mergeMaps(contingency, o.contingency, ContingencyState::merge),
        mergeMaps(correlationRatio, o.correlationRatio, CorrelationRatioState::merge));
  }

  private static <T> SortedMap<ColumnPair, T> mergeMaps(
      SortedMap<ColumnPair, T> a, SortedMap<ColumnPair, T> b, BinaryOperator<T> merge) {
    TreeMap<ColumnPair, T> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, merge));
    return out;
  }
}
