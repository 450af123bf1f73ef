package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Mask;

/** Row selection on in-memory batches: seeded subsamples and disjoint random halves. */
final class Rows {
  private Rows() {}

  /** A seeded uniform sample of {@code cap} rows in file order, or the batch when it is smaller. */
  static ColumnBatch subsample(ColumnBatch batch, int cap, long seed) {
    int n = batch.rowCount();
    if (n <= cap) {
      return batch;
    }
    int[] order = shuffled(n, new SplittableRandom(seed));
    int[] keep = Arrays.copyOf(order, cap);
    Arrays.sort(keep);
    return take(batch, keep);
  }

  /**
   * Two disjoint random halves, each in file order, as {@code synthos inject} makes them: {@code
   * [reference, candidate]}, the candidate getting the odd row.
   */
  static ColumnBatch[] halves(ColumnBatch batch, long seed) {
    int n = batch.rowCount();
    int[] order = shuffled(n, new SplittableRandom(seed));
    int half = n / 2;
    int[] ref = Arrays.copyOfRange(order, 0, half);
    int[] cand = Arrays.copyOfRange(order, half, n);
    Arrays.sort(ref);
    Arrays.sort(cand);
    return new ColumnBatch[] {take(batch, ref), take(batch, cand)};
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** The given rows, in the given order, as a new batch starting at row 0. */
  static ColumnBatch take(ColumnBatch batch, int[] rows) {
    int n = rows.length;
    List<Column> columns = new ArrayList<>();
    for (Column c : batch.columns()) {
      boolean[] nulls = new boolean[n];
      boolean[] invalid = new boolean[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = c.isNull(rows[i]);
        invalid[i] = c.invalid().get(rows[i]);
      }
      Mask nm = Mask.of(nulls);
      Mask im = Mask.of(invalid);
      if (c instanceof Column.Longs l) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = l.values()[rows[i]];
        }
        columns.add(new Column.Longs(v, n, nm, im));
      } else if (c instanceof Column.Doubles d) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = d.values()[rows[i]];
        }
        columns.add(new Column.Doubles(v, n, nm, im));
      } else if (c instanceof Column.Booleans b) {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = b.values()[rows[i]];
        }
        columns.add(new Column.Booleans(v, n, nm, im));
      } else {
        String[] src = ((Column.Strings) c).values();
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
          v[i] = src[rows[i]];
        }
        columns.add(new Column.Strings(v, n, nm, im));
      }
    }
    return new ColumnBatch(batch.schema(), columns, 0, n);
  }
}
