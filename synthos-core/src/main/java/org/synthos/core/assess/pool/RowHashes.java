package org.synthos.core.assess.pool;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
   * Every hash in ascending order, as a merge of per-chunk sorted copies: no array longer than a
   * chunk, so a large file needs no contiguous stretch of heap of its own size.
   */
  public Cursor sorted() {
    long[][] runs = new long[chunks.size()][];
    IntStream.range(0, runs.length)
        .parallel()
        .forEach(
            k -> {
              runs[k] = chunks.get(k).clone();
              Arrays.sort(runs[k]);
            });
    return new Cursor(runs);
  }

  /** Ascending hashes from sorted runs, through a binary min-heap of run heads. */
  public static final class Cursor {
    private final long[][] runs;
    private final int[] at;
    private final int[] heap;
    private int size;

    public Cursor(long[][] runs) {
      this.runs = runs;
      this.at = new int[runs.length];
      this.heap = new int[runs.length];
      for (int r = 0; r < runs.length; r++) {
        if (runs[r].length > 0) {
          heap[size] = r;
          siftUp(size++);
        }
      }
    }

    public boolean hasNext() {
      return size > 0;
    }

    /** The next hash without taking it; only when {@link #hasNext()}. */
    public long peek() {
      return head(heap[0]);
    }

    public long next() {
      int r = heap[0];
      long v = runs[r][at[r]++];
      if (at[r] == runs[r].length) {
        heap[0] = heap[--size];
      }
      if (size > 0) {
        siftDown(0);
      }
      return v;
    }

    private long head(int run) {
      return runs[run][at[run]];
    }

    private void siftUp(int k) {
      while (k > 0 && head(heap[(k - 1) / 2]) > head(heap[k])) {
        swap(k, (k - 1) / 2);
        k = (k - 1) / 2;
      }
    }

    private void siftDown(int k) {
      while (true) {
        int least = k;
        for (int c = 2 * k + 1; c <= 2 * k + 2 && c < size; c++) {
          if (head(heap[c]) < head(heap[least])) {
            least = c;
          }
        }
        if (least == k) {
          return;
        }
        swap(k, least);
        k = least;
      }
    }

    private void swap(int i, int j) {
      int t = heap[i];
      heap[i] = heap[j];
      heap[j] = t;
    }
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
