package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.ColumnBatch;

/** Signs only the rows the bottom-k selection admits, so most rows cost one priority hash. */
final class NearDuplicateAccumulator implements RowAccumulator<NearDuplicateState> {
  private final NearDuplicateState shape;
  private final long[] salts;
  private final BottomK kept;
  private final long[] words = new long[2];
  private long[] hashHigh = new long[0];
  private long[] hashLow = new long[0];
  private int[] signatures = new int[0];
  private long rowCount;

  NearDuplicateAccumulator(NearDuplicateState shape) {
    this.shape = shape;
    this.salts = MinHashing.salts(shape.seed(), shape.signatureLength());
    this.kept = new BottomK(shape.capacity());
  }

  @Override
  public void update(ColumnBatch batch) {
    int m = salts.length;
    long first = batch.firstRow();
    int n = batch.rowCount();
    rowCount += n;
    for (int i = 0; i < n; i++) {
      int slot =
          kept.offer(Hashing.priority(shape.seed(), NearDuplicateState.SALT, first + i), first + i);
      if (slot < 0) {
        continue;
      }
      if (slot >= hashHigh.length) {
        int grown = Math.min(shape.capacity(), Math.max(slot + 1, hashHigh.length * 2));
        hashHigh = Arrays.copyOf(hashHigh, grown);
        hashLow = Arrays.copyOf(hashLow, grown);
        signatures = Arrays.copyOf(signatures, grown * m);
      }
      RowHash h = RowHasher.hash(batch, i, shape.seed());
      hashHigh[slot] = h.high();
      hashLow[slot] = h.low();
      MinHashing.signature(batch, i, salts, signatures, slot * m, words);
    }
  }

  @Override
  public NearDuplicateState snapshot() {
    int m = salts.length;
    long[][] sorted = kept.sorted();
    int n = sorted[0].length;
    long[] hh = new long[n];
    long[] hl = new long[n];
    int[] sig = new int[n * m];
    for (int k = 0; k < n; k++) {
      int slot = (int) sorted[2][k];
      hh[k] = hashHigh[slot];
      hl[k] = hashLow[slot];
      System.arraycopy(signatures, slot * m, sig, k * m, m);
    }
    return new NearDuplicateState(
        shape.seed(),
        shape.capacity(),
        shape.bands(),
        shape.rowsPerBand(),
        rowCount,
        sorted[1],
        sorted[0],
        hh,
        hl,
        sig);
  }
}
