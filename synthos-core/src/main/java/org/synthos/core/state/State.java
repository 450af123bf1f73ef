package org.synthos.core.state;

/**
 * A mergeable sufficient statistic. Every implementation is immutable, its {@code merge} is
 * associative and commutative (exactly for counts, within the tolerance stated on the class for
 * floating-point and sketch states), and it has an empty identity.
 *
 * <p>The set is closed: {@link StateCodec} switches over {@link #kind()}, so adding a kind breaks
 * the build rather than a reader.
 */
public sealed interface State
    permits CountsState,
        MomentsState,
        QuantileState,
        DistinctState,
        FrequencyState,
        TextState,
        DatetimeState,
        CoMomentsState,
        ContingencyState,
        CorrelationRatioState {

  /** The wire tag of this state. */
  StateKind kind();
}
