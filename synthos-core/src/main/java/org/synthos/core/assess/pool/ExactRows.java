package org.synthos.core.assess.pool;

import java.util.Arrays;

/**
 * Exact duplicates within the candidate and exact copies of reference rows, over every row of both
 * files (not the sample), from their {@link RowHashes}.
 *
 * <p>Counting walks both files' hashes in ascending order once, together (the distinct count, the
 * hashes seen twice or more, and the hashes both files hold); naming the rows then walks the
 * candidate in file order with a binary search per row, so the first member of every group is its
 * lowest row and the listed rows are the lowest ones. The ascending walk takes the hashes a part of
 * their range at a time ({@link RowHashes#partOf}), sorting each part's copy: beside the hashes (8
 * bytes a row) it holds one part's copies, about {@link #PART_ROWS} rows a file (an eighth of the
 * rows above 16M) when the hashes spread evenly (many copies of one row all fall in one part).
 */
public final class ExactRows {
  /**
   * The hashes are walked a part of their range at a time, each part holding about this many rows
   * of the larger file (up to {@link #MAX_PARTS} parts): the sorted copies then take about 16 MB a
   * file up to 16M rows, where whole copies took 8 bytes a row beside the hashes themselves.
   */
  static final long PART_ROWS = 1L << 21;

  /**
   * The most parts: each part is one scan over every hash, so beyond this many the parts grow
   * instead (about 100 MB a file at 100M rows), keeping the scans' cost linear in the rows.
   */
  static final int MAX_PARTS = 8;

  public final long candidateRows;
  public final long duplicateRows;
  public final long duplicateGroups;
  public final long copiedRows;
  public final long referenceRows;

  /** One-based candidate rows that repeat an earlier row, ascending, and that row (listed). */
  public final long[] duplicates;

  public final long[] duplicateOf;

  /** One-based candidate rows equal to a reference row, ascending, and its first such row. */
  public final long[] copies;

  public final long[] copyOf;

  private ExactRows(
      long candidateRows,
      long duplicateRows,
      long duplicateGroups,
      long copiedRows,
      long referenceRows,
      long[][] duplicates,
      long[][] copies) {
    this.candidateRows = candidateRows;
    this.duplicateRows = duplicateRows;
    this.duplicateGroups = duplicateGroups;
    this.copiedRows = copiedRows;
    this.referenceRows = referenceRows;
    this.duplicates = duplicates[0];
    this.duplicateOf = duplicates[1];
    this.copies = copies[0];
    this.copyOf = copies[1];
  }

  /**
   * Exact rows counted elsewhere (e.g. by a distributed aggregation over the row hashes), with the
   * same meaning as {@link #of}'s: the listed rows are the lowest ones, ascending, at most the
   * caller's cap, and each points to its group's lowest candidate row (duplicates) or the lowest
   * reference row with the same hash (copies).
   */
  public static ExactRows counted(
      long candidateRows,
      long duplicateRows,
      long duplicateGroups,
      long copiedRows,
      long referenceRows,
      long[] duplicates,
      long[] duplicateOf,
      long[] copies,
      long[] copyOf) {
    if (duplicates.length != duplicateOf.length || copies.length != copyOf.length) {
      throw new IllegalArgumentException("listed rows and the rows they point to differ in length");
    }
    return new ExactRows(
        candidateRows,
        duplicateRows,
        duplicateGroups,
        copiedRows,
        referenceRows,
        new long[][] {duplicates.clone(), duplicateOf.clone()},
        new long[][] {copies.clone(), copyOf.clone()});
  }

  /** Share of candidate rows that repeat an earlier candidate row. */
  public double duplicateShare() {
    return (double) duplicateRows / candidateRows;
  }

  /** Share of candidate rows identical to some reference row. */
  public double copyShare() {
    return (double) copiedRows / candidateRows;
  }

  /**
   * @param reference null without a reference
   * @param maxListed the most rows named per finding (counts stay exact)
   */
  public static ExactRows of(RowHashes candidate, RowHashes reference, int maxListed) {
    long largest = Math.max(candidate.size, reference == null ? 0 : reference.size);
    return of(candidate, reference, maxListed, Math.max(PART_ROWS, largest / MAX_PARTS));
  }

  /** As above, with parts of about {@code partRows} rows. */
  static ExactRows of(RowHashes candidate, RowHashes reference, int maxListed, long partRows) {
    // One walk over the candidate's hashes in ascending order, with the reference's beside it,
    // a part of the hash range at a time.
    long largest = Math.max(candidate.size, reference == null ? 0 : reference.size);
    int bits = 0;
    while ((largest >> bits) > partRows) {
      bits++;
    }
    int[] candSizes = candidate.partSizes(bits);
    int[] refSizes = reference == null ? null : reference.partSizes(bits);
    long distinct = 0;
    long copied = 0;
    long[] repeated = new long[16];
    int groups = 0;
    long[] both = new long[16];
    int shares = 0;
    for (int part = 0; part < candSizes.length; part++) {
      long[] cand = candidate.sortedPart(part, bits, candSizes[part]);
      long[] ref = reference == null ? null : reference.sortedPart(part, bits, refSizes[part]);
      int j = 0;
      for (int i = 0; i < cand.length; ) {
        long h = cand[i];
        int count = 1;
        while (i + count < cand.length && cand[i + count] == h) {
          count++;
        }
        i += count;
        distinct++;
        if (count > 1) {
          repeated = grow(repeated, groups);
          repeated[groups++] = h;
        }
        while (ref != null && j < ref.length && ref[j] < h) {
          j++;
        }
        if (ref != null && j < ref.length && ref[j] == h) {
          copied += count;
          both = grow(both, shares);
          both[shares++] = h;
        }
      }
    }
    repeated = Arrays.copyOf(repeated, groups);
    long[] shared = Arrays.copyOf(both, shares);
    long[][] dups = name(candidate, repeated, null, maxListed);
    long[][] copies = new long[][] {new long[0], new long[0]};
    if (shared.length > 0) {
      long[] firstInReference = firstRows(reference, shared);
      copies = name(candidate, shared, firstInReference, maxListed);
    }
    return new ExactRows(
        candidate.size,
        candidate.size - distinct,
        groups,
        copied,
        reference == null ? 0 : reference.size,
        dups,
        copies);
  }

  /** For each of the ascending {@code keys}, the lowest one-based row holding it. */
  private static long[] firstRows(RowHashes hashes, long[] keys) {
    long[] first = new long[keys.length];
    Arrays.fill(first, -1);
    hashes.forEach(
        (row, h) -> {
          int k = Arrays.binarySearch(keys, h);
          if (k >= 0 && first[k] < 0) {
            first[k] = row + 1;
          }
        });
    return first;
  }

  /**
   * Candidate rows whose hash is one of {@code keys}, with the row each points to: the key's {@code
   * target} row, or (when {@code target} is null) the key's first candidate row, which is itself
   * not listed.
   */
  private static long[][] name(RowHashes candidate, long[] keys, long[] target, int maxListed) {
    if (keys.length == 0) {
      return new long[][] {new long[0], new long[0]};
    }
    long[] first = target != null ? target : new long[keys.length];
    if (target == null) {
      Arrays.fill(first, -1);
    }
    long[][] out = {new long[16], new long[16]};
    int[] n = {0};
    candidate.forEach(
        (row, h) -> {
          int k = Arrays.binarySearch(keys, h);
          if (k < 0) {
            return;
          }
          if (first[k] < 0) {
            first[k] = row + 1;
            return;
          }
          if (n[0] < maxListed) {
            out[0] = grow(out[0], n[0]);
            out[1] = grow(out[1], n[0]);
            out[0][n[0]] = row + 1;
            out[1][n[0]++] = first[k];
          }
        });
    return new long[][] {Arrays.copyOf(out[0], n[0]), Arrays.copyOf(out[1], n[0])};
  }

  private static long[] grow(long[] a, int size) {
    return size < a.length ? a : Arrays.copyOf(a, Math.max(16, a.length * 2));
  }
}
