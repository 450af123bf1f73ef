package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;

/**
 * Stable, seedable 128-bit hashes of whole rows, a batch at a time (the full pass keeps the high
 * word of each as the row's 64-bit hash, for exact duplicates and copies of reference rows).
 *
 * <p>A row is the sequence of its cells in schema order. Each cell becomes two canonical words (a
 * kind tag and a payload), mixed with MurmurHash3 x64_128's block function and finalised with the
 * cell count:
 *
 * <ul>
 *   <li>numbers: an integral value (a long, or a double with no fraction within the long range)
 *       hashes as that long, so {@code 1}, {@code 1.0} and {@code -0.0 == 0} agree; other doubles
 *       hash their IEEE bits; every NaN is one value;
 *   <li>booleans hash as their own kind, so {@code true} differs from {@code 1};
 *   <li>strings hash a 128-bit digest of their UTF-16 code units; the empty string is a value and
 *       differs from a null;
 *   <li>a null (including an invalid cell) is its own kind, whatever the column type.
 * </ul>
 *
 * <p>The hash depends on the seed, the cell values and their order, never on column names, batch
 * boundaries or the JVM. Equal rows always hash equal; distinct rows collide with probability about
 * {@code n^2 / 2^129} for {@code n} rows.
 */
public final class RowHasher {
  private RowHasher() {}

  /**
   * Hashes every row of a batch into {@code high[i], low[i]} for {@code i < batch.rowCount()},
   * column by column over primitive arrays.
   */
  public static void hashBatch(ColumnBatch batch, long seed, long[] high, long[] low) {
    int n = batch.rowCount();
    if (high.length < n || low.length < n) {
      throw new IllegalArgumentException("output arrays shorter than the batch's " + n + " rows");
    }
    Arrays.fill(high, 0, n, seed);
    Arrays.fill(low, 0, n, ~seed);
    long[] digest = new long[2];
    for (Column column : batch.columns()) {
      var nulls = column.nulls();
      boolean anyNull = !nulls.isEmpty();
      if (column instanceof Column.Longs c) {
        long[] v = c.values();
        for (int i = 0; i < n; i++) {
          if (anyNull && nulls.get(i)) {
            Hashing.mixInto(high, low, i, Hashing.TAG_NULL, 0);
          } else {
            Hashing.mixInto(high, low, i, Hashing.TAG_INTEGRAL, v[i]);
          }
        }
      } else if (column instanceof Column.Doubles c) {
        double[] v = c.values();
        for (int i = 0; i < n; i++) {
          if (anyNull && nulls.get(i)) {
            Hashing.mixInto(high, low, i, Hashing.TAG_NULL, 0);
          } else {
            Hashing.mixInto(high, low, i, Hashing.doubleTag(v[i]), Hashing.doublePayload(v[i]));
          }
        }
      } else if (column instanceof Column.Booleans c) {
        boolean[] v = c.values();
        for (int i = 0; i < n; i++) {
          if (anyNull && nulls.get(i)) {
            Hashing.mixInto(high, low, i, Hashing.TAG_NULL, 0);
          } else {
            Hashing.mixInto(high, low, i, Hashing.TAG_BOOLEAN, v[i] ? 1 : 0);
          }
        }
      } else {
        String[] v = ((Column.Strings) column).values();
        for (int i = 0; i < n; i++) {
          if ((anyNull && nulls.get(i)) || v[i] == null) {
            Hashing.mixInto(high, low, i, Hashing.TAG_NULL, 0);
          } else {
            Hashing.stringDigest(v[i], digest);
            Hashing.mixInto(high, low, i, digest[0] ^ Hashing.TAG_STRING, digest[1]);
          }
        }
      }
    }
    long cells = batch.columns().size();
    for (int i = 0; i < n; i++) {
      Hashing.finishInto(high, low, i, cells);
    }
  }
}
