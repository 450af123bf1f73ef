package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class PrefetchingRowSourceTest {
  /** Yields {@code rows} one-cell rows, then fails if {@code failAtEnd}. */
  private static final class Counting implements RowSource {
    private final int rows;
    private final boolean failAtEnd;
    private int produced;
    volatile boolean closed;

    Counting(int rows, boolean failAtEnd) {
      this.rows = rows;
      this.failAtEnd = failAtEnd;
    }

    @Override
    public String[] next() {
      if (produced == rows) {
        if (failAtEnd) {
          throw new SynthosException(ErrorCode.RAGGED_ROW, "boom");
        }
        return null;
      }
      return new String[] {Integer.toString(produced++)};
    }

    @Override
    public List<String> columns() {
      return List.of("n");
    }

    @Override
    public boolean declare(String name) {
      return false;
    }

    @Override
    public void freezeColumns() {}

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void deliversEveryRowInOrderThenTheError() {
    Counting inner = new Counting(1000, true);
    PrefetchingRowSource source = new PrefetchingRowSource(inner, 7);
    List<String> seen = new ArrayList<>();
    seen.add(source.next()[0]); // before freeze: synchronous
    source.freezeColumns();
    assertThatThrownBy(
            () -> {
              String[] row;
              while ((row = source.next()) != null) {
                seen.add(row[0]);
              }
            })
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RAGGED_ROW));
    assertThat(seen).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.get(i)).isEqualTo(Integer.toString(i));
    }
    source.close();
    assertThat(inner.closed).isTrue();
  }

  @Test
  void blocksGoRoundSoAReadAllocatesOnlyAFewOfThem() {
    Counting inner = new Counting(100_000, false);
    PrefetchingRowSource source = new PrefetchingRowSource(inner, 64);
    source.freezeColumns();
    Set<RowBlock> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    CharSlice view = new CharSlice();
    int expected = 0;
    RowBlock block;
    while ((block = source.nextBlock()) != null) {
      seen.add(block);
      for (int r = 0; r < block.rows; r++) {
        assertThat(block.cell(r, 0, view).toString()).isEqualTo(Integer.toString(expected++));
      }
      source.release(block);
    }
    assertThat(expected).isEqualTo(100_000);
    assertThat(seen).hasSizeLessThanOrEqualTo(PrefetchingRowSource.BLOCKS);
    source.close();
  }

  @Test
  void aWideFileGetsBlocksOfFewerRows() {
    assertThat(new RowBlock(8, 4096).capacity).isEqualTo(4096);
    assertThat(new RowBlock(10_000, 4096).capacity).isEqualTo(RowBlock.MAX_CELLS / 10_000);
    assertThat(new RowBlock(1_000_000, 4096).capacity).isEqualTo(1);
  }

  @Test
  void aBlockGivesBackTheRoomALongTextTookWhenItIsRefilled() {
    RowBlock block = new RowBlock(1, 16);
    char[] longText = new char[3 * RowBlock.KEPT_TEXT];
    block.append(longText, 0, longText.length);
    assertThat(block.text.length).isGreaterThanOrEqualTo(longText.length);
    block.clear();
    assertThat(block.text.length).isLessThanOrEqualTo(RowBlock.KEPT_TEXT);
    assertThat(block.textLength).isZero();
  }

  @Test
  void closeStopsAWorkerBlockedOnAFullQueue() throws InterruptedException {
    Counting inner = new Counting(1_000_000, false);
    PrefetchingRowSource source = new PrefetchingRowSource(inner, 10);
    source.freezeColumns();
    assertThat(source.next()[0]).isEqualTo("0");
    source.close();
    assertThat(inner.closed).isTrue();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("synthos-row-prefetch") && t.isAlive())
                .count())
        .isZero();
  }
}
