package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * Keeps the rows of smallest priority; an admitted row's cells are copied into its slot of
 * per-column primitive buffers (the batch itself is never retained). After the first {@code
 * capacity} rows, a row is admitted with probability {@code capacity / rowsSeen}, so copying costs
 * little.
 */
final class RowSampleAccumulator implements RowAccumulator<RowSampleState> {
  private final Schema schema;
  private final long seed;
  private final int capacity;
  private final BottomK kept;
  private final CellBuffer[] cells;
  private final LongSupplier bound;
  private long rowCount;

  /** A batch's admitted rows and their slots, reused from batch to batch. */
  private int[] admittedRows = new int[0];

  private int[] admittedSlots = new int[0];

  RowSampleAccumulator(Schema schema, long seed, int capacity, LongSupplier bound) {
    if (capacity < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "sample capacity must be >= 1, got " + capacity);
    }
    this.schema = schema;
    this.seed = seed;
    this.capacity = capacity;
    this.bound = bound;
    this.kept = new BottomK(capacity);
    this.cells = new CellBuffer[schema.size()];
    for (int c = 0; c < schema.size(); c++) {
      cells[c] = new CellBuffer(schema.field(c).type().physical());
    }
  }

  static void requireSchema(ColumnBatch batch, Schema schema) {
    if (!batch.schema().equals(schema)) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "batch schema " + batch.schema().names() + " differs from " + schema.names());
    }
  }

  @Override
  public void update(ColumnBatch batch) {
    requireSchema(batch, schema);
    long first = batch.firstRow();
    int n = batch.rowCount();
    rowCount += n;
    long limit = bound.getAsLong();
    if (admittedRows.length < n) {
      admittedRows = new int[n];
      admittedSlots = new int[n];
    }
    int admitted = 0;
    for (int i = 0; i < n; i++) {
      long priority = Hashing.priority(seed, RowSampleState.SALT, first + i);
      if (priority > limit) {
        continue;
      }
      int slot = kept.offer(priority, first + i);
      if (slot >= 0) {
        admittedRows[admitted] = i;
        admittedSlots[admitted++] = slot;
      }
    }
    // Column by column, in admission order: a slot freed and taken again within the batch ends
    // with the later row's cells, as when each row was copied on admission.
    for (int c = 0; c < cells.length; c++) {
      cells[c].setAll(admittedSlots, batch.column(c), admittedRows, admitted);
    }
  }

  @Override
  public RowSampleState snapshot() {
    long[][] sorted = kept.sorted();
    int[] slots = new int[sorted[2].length];
    for (int k = 0; k < slots.length; k++) {
      slots[k] = (int) sorted[2][k];
    }
    List<Column> cols = new ArrayList<>();
    for (CellBuffer buffer : cells) {
      cols.add(buffer.toColumn(slots));
    }
    return new RowSampleState(schema, seed, capacity, rowCount, sorted[1], sorted[0], cols);
  }
}
