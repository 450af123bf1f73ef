package org.synthos.core.rows;

import java.util.Arrays;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Candidate rows that are exact copies of some reference row: the intersection of the two row-hash
 * sets, found by one linear walk over both sorted states.
 *
 * @param candidateRows rows of the candidate summarised
 * @param copiedRows candidate rows whose hash occurs in the reference (exact count)
 * @param distinctCopies distinct reference rows that were copied
 * @param firstCopiedRows the lowest candidate row indexes among the copies, ascending, at most the
 *     cap given to {@link #find}
 */
public record MemorisedCopies(
    long candidateRows, long copiedRows, long distinctCopies, long[] firstCopiedRows) {

  /** Share of candidate rows that copy a reference row; 0 for an empty candidate. */
  public double copiedShare() {
    return candidateRows == 0 ? 0 : (double) copiedRows / candidateRows;
  }

  /**
   * Finds the candidate rows whose 128-bit hash is also a reference row's hash.
   *
   * @param maxListedRows the most candidate row indexes listed (counts stay exact)
   */
  public static MemorisedCopies find(
      DuplicateRowsState candidate, DuplicateRowsState reference, int maxListedRows) {
    if (candidate.seed() != reference.seed()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "candidate and reference rows were hashed with different seeds: "
              + candidate.seed()
              + " and "
              + reference.seed());
    }
    if (maxListedRows < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "maxListedRows must be >= 0, got " + maxListedRows);
    }
    long[] ch = candidate.high();
    long[] cl = candidate.low();
    long[] cr = candidate.rows();
    long[] rh = reference.high();
    long[] rl = reference.low();
    // A bounded max-heap of the smallest listed row indexes.
    long[] listed = new long[(int) Math.min(maxListedRows, candidate.rowCount())];
    int listedSize = 0;
    long copied = 0;
    long distinct = 0;
    int i = 0;
    int j = 0;
    while (i < ch.length && j < rh.length) {
      int c = Sorting.compare(ch[i], cl[i], 0, rh[j], rl[j], 0);
      if (c < 0) {
        i++;
      } else if (c > 0) {
        j++;
      } else {
        distinct++;
        long h = ch[i];
        long l = cl[i];
        while (i < ch.length && ch[i] == h && cl[i] == l) {
          copied++;
          listedSize = offerSmallest(listed, listedSize, cr[i]);
          i++;
        }
        while (j < rh.length && rh[j] == h && rl[j] == l) {
          j++;
        }
      }
    }
    long[] first = Arrays.copyOf(listed, listedSize);
    Arrays.sort(first);
    return new MemorisedCopies(candidate.rowCount(), copied, distinct, first);
  }

  /** Keeps the {@code heap.length} smallest values offered, as a max-heap. */
  static int offerSmallest(long[] heap, int size, long value) {
    if (size < heap.length) {
      int k = size++;
      heap[k] = value;
      while (k > 0 && heap[(k - 1) / 2] < heap[k]) {
        long t = heap[k];
        heap[k] = heap[(k - 1) / 2];
        heap[(k - 1) / 2] = t;
        k = (k - 1) / 2;
      }
    } else if (size > 0 && value < heap[0]) {
      heap[0] = value;
      int k = 0;
      while (true) {
        int left = 2 * k + 1;
        int largest = k;
        if (left < size && heap[left] > heap[largest]) {
          largest = left;
        }
        if (left + 1 < size && heap[left + 1] > heap[largest]) {
          largest = left + 1;
        }
        if (largest == k) {
          break;
        }
        long t = heap[k];
        heap[k] = heap[largest];
        heap[largest] = t;
        k = largest;
      }
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemorisedCopies m
        && m.candidateRows == candidateRows
        && m.copiedRows == copiedRows
        && m.distinctCopies == distinctCopies
        && Arrays.equals(m.firstCopiedRows, firstCopiedRows);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(copiedRows) * 31 + Arrays.hashCode(firstCopiedRows);
  }

  @Override
  public String toString() {
    return "MemorisedCopies[copied=" + copiedRows + " of " + candidateRows + "]";
  }
}
