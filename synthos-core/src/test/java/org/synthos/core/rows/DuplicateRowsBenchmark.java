package org.synthos.core.rows;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/**
 * Times exact-duplicate detection on {@code rows} rows of 10 columns (4 integer, 4 float, 2
 * categorical; about 1% planted duplicates) fed in batches of 65,536, and reports the peak heap.
 *
 * <p>Run: {@code java -Xmx1g -cp
 * synthos-core/target/test-classes:synthos-core/target/classes:synthos-api/target/classes
 * org.synthos.core.rows.DuplicateRowsBenchmark 10000000}
 */
public final class DuplicateRowsBenchmark {
  private DuplicateRowsBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int batchSize = 65_536;
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      fields.add(
          new Field(
              "c" + c,
              c < 4 ? ColumnType.INTEGER : c < 8 ? ColumnType.FLOAT : ColumnType.CATEGORICAL));
    }
    Schema schema = new Schema(fields);
    String[] categories = new String[1000];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = "category-" + i;
    }
    RowAccumulator<DuplicateRowsState> acc = DuplicateRowsState.newAccumulator(42);
    long start = System.nanoTime();
    long generation = 0;
    for (long first = 0; first < rows; first += batchSize) {
      long g0 = System.nanoTime();
      int n = (int) Math.min(batchSize, rows - first);
      List<Column> columns = new ArrayList<>();
      // Every 100th row repeats the row 50 before it (its seed), planting duplicates.
      for (int c = 0; c < 10; c++) {
        Mask none = Mask.none(n);
        if (c < 4) {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            v[i] = cell(first + i, c);
          }
          columns.add(new Column.Longs(v, n, none, none));
        } else if (c < 8) {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = cell(first + i, c) / 1024.0;
          }
          columns.add(new Column.Doubles(v, n, none, none));
        } else {
          String[] v = new String[n];
          for (int i = 0; i < n; i++) {
            v[i] = categories[(int) Math.floorMod(cell(first + i, c), 1000L)];
          }
          columns.add(new Column.Strings(v, n, none, none));
        }
      }
      ColumnBatch batch = new ColumnBatch(schema, columns, first, n);
      generation += System.nanoTime() - g0;
      acc.update(batch);
    }
    DuplicateRowsState state = acc.snapshot();
    double seconds = (System.nanoTime() - start - generation) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "%d rows x 10 columns: hashing, collecting and sorting %.1f s (%.1f M rows/s),"
            + " %d duplicates, peak heap %d MiB (sum of pool peaks)%n",
        rows, seconds, rows / seconds / 1e6, state.duplicateRowCount(), peak >> 20);
  }

  private static long cell(long row, int column) {
    long seedRow = row % 100 == 99 ? row - 50 : row;
    return org.synthos.core.rows.Hashing.fmix64(seedRow * 31 + column) % 100_000;
  }
}
