package org.synthos.api;

import java.util.List;

/**
 * A slice of consecutive rows of a dataset, column by column.
 *
 * @param schema the dataset's schema; {@code columns.get(i)} holds field {@code i}
 * @param columns one column per field, each with {@code rowCount} cells
 * @param firstRow the zero-based index of this batch's first data row in the whole dataset (the
 *     header is not a row), so that findings can name file rows
 * @param rowCount the number of rows in this batch
 */
public record ColumnBatch(Schema schema, List<Column> columns, long firstRow, int rowCount) {
  public ColumnBatch {
    columns = List.copyOf(columns);
    if (columns.size() != schema.size()) {
      throw new IllegalArgumentException(
          "batch has " + columns.size() + " columns but schema has " + schema.size());
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            "column "
                + schema.field(i).name()
                + " has "
                + c.size()
                + " rows, batch has "
                + rowCount);
      }
      if (!matches(schema.field(i).type().physical(), c)) {
        throw new IllegalArgumentException(
            "column "
                + schema.field(i).name()
                + " of type "
                + schema.field(i).type()
                + " cannot be held by "
                + c.getClass().getSimpleName());
      }
    }
    if (firstRow < 0) {
      throw new IllegalArgumentException("firstRow < 0: " + firstRow);
    }
  }

  public Column column(int index) {
    return columns.get(index);
  }

  /**
   * The given rows (zero-based within this batch), in the given order, as a new batch whose first
   * row is 0. Rows may repeat; used to split, subsample and resample datasets.
   */
  public ColumnBatch select(int[] rows) {
    List<Column> selected = new java.util.ArrayList<>(columns.size());
    for (Column c : columns) {
      selected.add(c.select(rows));
    }
    return new ColumnBatch(schema, selected, 0, rows.length);
  }

  private static boolean matches(ColumnType.Physical physical, Column column) {
    return switch (physical) {
      case LONG -> column instanceof Column.Longs;
      case DOUBLE -> column instanceof Column.Doubles;
      case BOOLEAN -> column instanceof Column.Booleans;
      case STRING -> column instanceof Column.Strings;
    };
  }
}
