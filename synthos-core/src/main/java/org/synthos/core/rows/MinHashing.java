package org.synthos.core.rows;

import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;

/**
 * MinHash signatures of rows seen as sets of shingles (Broder, "On the resemblance and containment
 * of documents", 1997).
 *
 * <p>A row's shingles are its cells, each tagged with its column position, so equal values in
 * different columns differ; a {@link ColumnType#TEXT} cell contributes one shingle per
 * whitespace-separated word instead, so texts that share most words come out similar. Null cells
 * are shingles too ("missing in column c"). Signature component {@code i} is {@code min over
 * shingles t of h_i(t)} with {@code h_i(t) = fmix64(t + salt_i) >>> 33}; the share of equal
 * components is an unbiased estimate of the Jaccard similarity of the shingle sets.
 */
final class MinHashing {
  private MinHashing() {}

  static long[] salts(long seed, int count) {
    long[] salts = new long[count];
    long state = Hashing.fmix64(seed ^ 0x6d696e6861736801L);
    for (int i = 0; i < count; i++) {
      state += 0x9e3779b97f4a7c15L;
      salts[i] = Hashing.fmix64(state);
    }
    return salts;
  }

  /** Writes the signature of {@code row} into {@code out[offset, offset + salts.length)}. */
  static void signature(
      ColumnBatch batch, int row, long[] salts, int[] out, int offset, long[] words) {
    int m = salts.length;
    for (int i = 0; i < m; i++) {
      out[offset + i] = Integer.MAX_VALUE;
    }
    for (int c = 0; c < batch.columns().size(); c++) {
      Column column = batch.column(c);
      long columnSalt = Hashing.fmix64((c + 1) * Hashing.C2);
      if (batch.schema().field(c).type() == ColumnType.TEXT
          && !column.isNull(row)
          && ((Column.Strings) column).values()[row] != null) {
        String text = ((Column.Strings) column).values()[row];
        int start = -1;
        for (int k = 0; k <= text.length(); k++) {
          boolean space = k == text.length() || Character.isWhitespace(text.charAt(k));
          if (!space && start < 0) {
            start = k;
          } else if (space && start >= 0) {
            Hashing.stringDigest(text.substring(start, k), words);
            absorb(
                Hashing.fmix64(words[1] ^ Hashing.fmix64(words[0] + columnSalt)),
                salts,
                out,
                offset);
            start = -1;
          }
        }
      } else {
        Hashing.cellWords(column, row, words);
        absorb(
            Hashing.fmix64(words[1] ^ Hashing.fmix64(words[0] + columnSalt)), salts, out, offset);
      }
    }
  }

  private static void absorb(long shingle, long[] salts, int[] out, int offset) {
    for (int i = 0; i < salts.length; i++) {
      int h = (int) (Hashing.fmix64(shingle + salts[i]) >>> 33);
      if (h < out[offset + i]) {
        out[offset + i] = h;
      }
    }
  }
}
