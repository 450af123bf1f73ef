package org.synthos.core.rows;

import org.synthos.api.ColumnBatch;

/**
 * The mutable side of a row summary (the {@link RowSampleState}): fed batch by batch in one thread,
 * then frozen.
 *
 * <p>Not thread-safe. Parallel work gives each thread its own accumulator and merges the snapshots.
 *
 * @param <S> the state it produces
 */
public interface RowAccumulator<S> {
  /** Adds the rows of a batch; row indexes are {@code batch.firstRow() + i}. */
  void update(ColumnBatch batch);

  /** The state of every row added so far; the accumulator stays usable. */
  S snapshot();
}
