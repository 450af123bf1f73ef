package org.synthos.core.rows;

/**
 * An immutable, mergeable summary of the rows of a dataset.
 *
 * <p>Every implementation obeys the merge laws: {@code merge} is associative and commutative, the
 * state's {@code empty(...)} factory gives its identity, and {@link RowStateCodec} round-trips it
 * exactly. Row indexes are global (taken from {@link org.synthos.api.ColumnBatch#firstRow()}), so
 * states of disjoint partitions merge into the state of their union.
 */
public sealed interface RowState permits DuplicateRowsState, NearDuplicateState, RowSampleState {
  /** The wire tag of this state. */
  RowStateKind kind();

  /** Rows summarised. */
  long rowCount();
}
