package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ColumnBatch;

@Tag("unit")
class ClosingBatchesTest {
  @TempDir Path dir;

  private Path csv(int rows) {
    StringBuilder s = new StringBuilder("a,b\n");
    for (int i = 0; i < rows; i++) {
      s.append(i).append(",x").append(i % 7).append('\n');
    }
    return TestData.write(dir, "data.csv", s.toString());
  }

  @Test
  void readsEveryRowOnceAndClosesTheReaderAtTheEnd() throws IOException {
    Path file = csv(10_000);
    ReadOptions small = ReadOptions.defaults().withBatchSize(1_000);
    DatasetReader reader = Datasets.open(file, small);
    List<Long> seen = new ArrayList<>();
    Iterator<ColumnBatch> it = Datasets.batches(reader, stats -> seen.add(stats.rowsRead()));
    assertThat(BadInputTest.openDescriptorsOn(file)).isPositive();
    long rows = 0;
    while (it.hasNext()) {
      ColumnBatch b = it.next();
      assertThat(b.firstRow()).isEqualTo(rows);
      rows += b.rowCount();
    }
    assertThat(rows).isEqualTo(10_000);
    assertThat(seen).isSorted().last().isEqualTo(10_000L);
    assertThat(BadInputTest.openDescriptorsOn(file)).isZero();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aFailingObserverClosesTheReaderAndEndsThePass() throws IOException {
    Path file = csv(100);
    Iterator<ColumnBatch> it =
        Datasets.batches(
            Datasets.open(file, ReadOptions.defaults()),
            stats -> {
              throw new IllegalStateException("stop");
            });
    assertThatThrownBy(it::hasNext).hasMessage("stop");
    assertThat(BadInputTest.openDescriptorsOn(file)).isZero();
    assertThat(it.hasNext()).isFalse();
  }
}
