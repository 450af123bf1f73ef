package org.synthos.bench.calibration;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.synthos.api.ColumnBatch;

/** Row selection on in-memory batches: seeded subsamples and disjoint random halves. */
public final class Rows {
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
    return batch.select(keep);
  }

  /**
   * Two disjoint random halves, each in file order, as {@code synthos inject} makes them: {@code
   * [reference, candidate]}, the candidate getting the odd row.
   */
  public static ColumnBatch[] halves(ColumnBatch batch, long seed) {
    int n = batch.rowCount();
    int[] order = shuffled(n, new SplittableRandom(seed));
    int half = n / 2;
    int[] ref = Arrays.copyOfRange(order, 0, half);
    int[] cand = Arrays.copyOfRange(order, half, n);
    Arrays.sort(ref);
    Arrays.sort(cand);
    return new ColumnBatch[] {batch.select(ref), batch.select(cand)};
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
}
