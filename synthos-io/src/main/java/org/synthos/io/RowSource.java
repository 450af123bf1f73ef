package org.synthos.io;

import java.util.List;

/**
 * Rows of cell text from a text format, in file order. A row holds one cell per column known when
 * it was read (a shorter row is padded with nulls by the caller); a null cell is a missing value.
 */
interface RowSource extends AutoCloseable {
  /** The next row, or null at the end. */
  String[] next();

  /**
   * Empties {@code block} and fills it with the next rows, up to its capacity; false when no row
   * was left. A failure leaves the rows read before it in the block. This default reads a row of
   * strings at a time ({@link #next}); a source that can hand over cells as ranges of a buffer does
   * so instead.
   */
  default boolean fill(RowBlock block) {
    block.clear();
    String[] row;
    while (!block.full() && (row = next()) != null) {
      block.add(row);
    }
    return block.rows > 0;
  }

  /** The column names seen so far. */
  List<String> columns();

  /**
   * Adds a column the data has not shown yet (declared by a schema override); false when the format
   * fixes its columns up front.
   */
  boolean declare(String name);

  /** From now on a column not yet seen is an error rather than a new column. */
  void freezeColumns();

  @Override
  void close();
}
