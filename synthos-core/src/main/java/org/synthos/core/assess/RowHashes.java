package org.synthos.core.assess;

import java.util.Arrays;
import java.util.List;

/**
 * The 64-bit hash of every row of a dataset in file order, as consecutive chunks (one per pass
 * partition): chunk {@code k} holds the rows {@code firstRows.get(k)} onwards (zero-based). Eight
 * bytes per row and no per-row object, so ten million rows take 80 MB.
 */
final class RowHashes {
  private final List<Long> firstRows;
  private final List<long[]> chunks;
  final long size;

  RowHashes(List<Long> firstRows, List<long[]> chunks) {
    this.firstRows = List.copyOf(firstRows);
    this.chunks = List.copyOf(chunks);
    this.size = chunks.stream().mapToLong(c -> c.length).sum();
  }

  /** Every hash in one ascending array. */
  long[] sorted() {
    long[] all = new long[Math.toIntExact(size)];
    int at = 0;
    for (long[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    Arrays.parallelSort(all);
    return all;
  }

  /** Called with each row (zero-based) and its hash, rows ascending. */
  interface RowVisitor {
    void visit(long row, long hash);
  }

  void forEach(RowVisitor visitor) {
    for (int k = 0; k < chunks.size(); k++) {
      long first = firstRows.get(k);
      long[] c = chunks.get(k);
      for (int i = 0; i < c.length; i++) {
        visitor.visit(first + i, c[i]);
      }
    }
  }
}
