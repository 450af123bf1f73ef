package org.synthos.core.assess.pool;

import java.util.List;

/**
 * The 64-bit hash of every row of a dataset in file order, as consecutive chunks: chunk {@code k}
 * holds the rows {@code firstRows.get(k)} onwards (zero-based). Eight bytes per row in arrays of at
 * most a few hundred KB and no per-row object, so ten million rows take 80 MB in small pieces.
 */
public final class RowHashes {
  private final List<Long> firstRows;
  private final List<long[]> chunks;
  public final long size;

  public RowHashes(List<Long> firstRows, List<long[]> chunks) {
    this.firstRows = List.copyOf(firstRows);
    this.chunks = List.copyOf(chunks);
    this.size = chunks.stream().mapToLong(c -> c.length).sum();
  }

  /**
   * The hashes split into {@code 2^bits} parts by the top bits of their signed order (part 0 holds
   * the most negative): every hash of part p is below every hash of part p + 1, so the parts'
   * sorted contents, one after another, are all the hashes in ascending order.
   */
  public static int partOf(long hash, int bits) {
    return bits == 0 ? 0 : (int) ((hash ^ Long.MIN_VALUE) >>> (64 - bits));
  }

  /** How many hashes fall in each of the {@code 2^bits} parts ({@link #partOf}). */
  public int[] partSizes(int bits) {
    int[] sizes = new int[1 << bits];
    for (long[] c : chunks) {
      for (long h : c) {
        sizes[partOf(h, bits)]++;
      }
    }
    return sizes;
  }

  /** The {@code size} hashes of part {@code part} of {@code 2^bits}, in ascending order. */
  public long[] sortedPart(int part, int bits, int size) {
    long[] out = new long[size];
    int n = 0;
    for (long[] c : chunks) {
      for (long h : c) {
        if (partOf(h, bits) == part) {
          out[n++] = h;
        }
      }
    }
    IndexSort.sortKeys(out);
    return out;
  }

  /** Called with each row (zero-based) and its hash, rows ascending. */
  public interface RowVisitor {
    void visit(long row, long hash);
  }

  public void forEach(RowVisitor visitor) {
    for (int k = 0; k < chunks.size(); k++) {
      long first = firstRows.get(k);
      long[] c = chunks.get(k);
      for (int i = 0; i < c.length; i++) {
        visitor.visit(first + i, c[i]);
      }
    }
  }
}
