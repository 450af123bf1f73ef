package org.synthos.core.state;

/**
 * Row, null and invalid-cell counts of one column. Merge is exact addition, so it is associative,
 * commutative and has {@link #EMPTY} as identity without tolerance. Invalid cells are counted among
 * the nulls too (see {@link org.synthos.api.Column}).
 *
 * @param rows cells seen, null or not
 * @param nulls missing cells, including invalid ones
 * @param invalid cells present in the input that did not parse as the column's type
 */
public record CountsState(long rows, long nulls, long invalid) implements State {
  public static final CountsState EMPTY = new CountsState(0, 0, 0);

  public CountsState {
    if (rows < 0 || nulls < 0 || invalid < 0 || nulls > rows || invalid > nulls) {
      throw new IllegalArgumentException(
          "inconsistent counts: rows=" + rows + ", nulls=" + nulls + ", invalid=" + invalid);
    }
  }

  public CountsState merge(CountsState other) {
    return new CountsState(rows + other.rows, nulls + other.nulls, invalid + other.invalid);
  }

  /** Cells that hold a value. */
  public long present() {
    return rows - nulls;
  }

  @Override
  public StateKind kind() {
    return StateKind.COUNTS;
  }
}
