package org.synthos.core.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Near-duplicate rows by MinHash locality-sensitive hashing over row shingles.
 *
 * <p>Stored: for up to {@code capacity} rows, chosen by the same bottom-k rule as {@link
 * RowSampleState} (its own salt), each row's global index, priority, 128-bit row hash and a MinHash
 * signature of {@code bands * rowsPerBand} 31-bit components (see {@link MinHashing} for the
 * shingles). Memory is {@code capacity * (24 + 4 * bands * rowsPerBand)} bytes whatever the row
 * count; when the data has more rows than {@code capacity}, near-duplicates are searched among the
 * sampled rows only, and {@link NearDuplicateReport#sampledRows()} says so.
 *
 * <p>Search (Indyk and Motwani 1998; Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets",
 * ch. 3.4): two rows become candidates when all {@code rowsPerBand} components of at least one band
 * agree, which happens with probability {@code 1 - (1 - s^r)^b} for Jaccard similarity {@code s};
 * with the defaults {@code b = 16, r = 4} that is 0.65 at s = 0.5 and 0.99 at s = 0.8. Candidates
 * are kept when their estimated Jaccard (share of equal components; standard error {@code
 * sqrt(s(1-s)/(b r))}) reaches the threshold. Exact copies (equal row hashes) are left to {@link
 * DuplicateRowsState}.
 *
 * <p>Merge: bottom-k union by priority, exact, associative and commutative; {@link #empty} is the
 * identity.
 *
 * @param seed the seed of priorities, row hashes and MinHash functions
 * @param capacity the most rows kept
 * @param bands LSH bands
 * @param rowsPerBand signature components per band
 * @param rowCount rows offered
 * @param rows global row indexes of the kept rows, in priority order
 * @param priorities their priorities, ascending
 * @param hashHigh their row hashes' high words
 * @param hashLow their row hashes' low words
 * @param signatures their signatures, row after row
 */
public record NearDuplicateState(
    long seed,
    int capacity,
    int bands,
    int rowsPerBand,
    long rowCount,
    long[] rows,
    long[] priorities,
    long[] hashHigh,
    long[] hashLow,
    int[] signatures)
    implements RowState {
  static final long SALT = 0x6e65617264757001L;

  /** 16 bands of 4: candidates from Jaccard about 0.5 upwards. */
  public static final int DEFAULT_BANDS = 16;

  public static final int DEFAULT_ROWS_PER_BAND = 4;

  /** Candidate pairs examined per search at most; beyond it the report is marked truncated. */
  static final int MAX_CANDIDATES = 4_000_000;

  /** Buckets larger than this pair each member with the bucket's first row only. */
  static final int MAX_BUCKET_FOR_ALL_PAIRS = 64;

  public NearDuplicateState {
    if (capacity < 1 || bands < 1 || rowsPerBand < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "capacity, bands and rowsPerBand must be >= 1, got "
              + capacity
              + ", "
              + bands
              + ", "
              + rowsPerBand);
    }
    int n = rows.length;
    if (priorities.length != n
        || hashHigh.length != n
        || hashLow.length != n
        || signatures.length != n * bands * rowsPerBand
        || n > capacity
        || n > rowCount) {
      throw new IllegalArgumentException("inconsistent near-duplicate state shape");
    }
  }

  public static NearDuplicateState empty(long seed, int capacity, int bands, int rowsPerBand) {
    return new NearDuplicateState(
        seed,
        capacity,
        bands,
        rowsPerBand,
        0,
        new long[0],
        new long[0],
        new long[0],
        new long[0],
        new int[0]);
  }

  /** A fresh accumulator; {@code capacity} bounds memory (see the class comment). */
  public static RowAccumulator<NearDuplicateState> newAccumulator(
      long seed, int capacity, int bands, int rowsPerBand) {
    return new NearDuplicateAccumulator(empty(seed, capacity, bands, rowsPerBand));
  }

  @Override
  public RowStateKind kind() {
    return RowStateKind.NEAR_DUPLICATES;
  }

  /** Signature components per row. */
  public int signatureLength() {
    return bands * rowsPerBand;
  }

  /** Rows whose signatures are held. */
  public int size() {
    return rows.length;
  }

  public NearDuplicateState merge(NearDuplicateState o) {
    RowStates.requireSameSeed(seed, o.seed);
    RowStates.requireSame("capacities", capacity, o.capacity);
    RowStates.requireSame("band counts", bands, o.bands);
    RowStates.requireSame("rows per band", rowsPerBand, o.rowsPerBand);
    int m = signatureLength();
    int n = Math.min(capacity, rows.length + o.rows.length);
    long[] r = new long[n];
    long[] p = new long[n];
    long[] hh = new long[n];
    long[] hl = new long[n];
    int[] sig = new int[n * m];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      boolean left =
          j >= o.rows.length
              || (i < rows.length
                  && Sorting.compare(priorities[i], rows[i], 0, o.priorities[j], o.rows[j], 0)
                      <= 0);
      NearDuplicateState src = left ? this : o;
      int at = left ? i++ : j++;
      r[k] = src.rows[at];
      p[k] = src.priorities[at];
      hh[k] = src.hashHigh[at];
      hl[k] = src.hashLow[at];
      System.arraycopy(src.signatures, at * m, sig, k * m, m);
    }
    return new NearDuplicateState(
        seed, capacity, bands, rowsPerBand, rowCount + o.rowCount, r, p, hh, hl, sig);
  }

  /** The estimated Jaccard similarity of the kept rows at positions {@code a} and {@code b}. */
  double estimatedJaccard(int a, int b) {
    int m = signatureLength();
    int equal = 0;
    for (int i = 0; i < m; i++) {
      if (signatures[a * m + i] == signatures[b * m + i]) {
        equal++;
      }
    }
    return (double) equal / m;
  }

  /**
   * Pairs of near-duplicate rows and their connected groups.
   *
   * @param threshold the least estimated Jaccard similarity reported, in (0, 1]
   * @param maxPairs the most pairs listed (most similar first); groups use every pair found
   */
  public NearDuplicateReport find(double threshold, int maxPairs) {
    if (!(threshold > 0 && threshold <= 1) || maxPairs < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "threshold must be in (0, 1] and maxPairs >= 0, got " + threshold + " and " + maxPairs);
    }
    int n = rows.length;
    long[] candidates = new long[16];
    int count = 0;
    boolean truncated = false;
    long[] keys = new long[n];
    for (int b = 0; b < bands && !truncated; b++) {
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) bandHash(i, b) << 32) | i;
      }
      Arrays.sort(keys);
      int start = 0;
      while (start < n && !truncated) {
        int end = start + 1;
        while (end < n && (keys[end] >>> 32) == (keys[start] >>> 32)) {
          end++;
        }
        boolean allPairs = end - start <= MAX_BUCKET_FOR_ALL_PAIRS;
        for (int x = start; x < (allPairs ? end : start + 1) && !truncated; x++) {
          for (int y = x + 1; y < end; y++) {
            int a = (int) keys[x];
            int c = (int) keys[y];
            if (count == candidates.length) {
              if (count >= MAX_CANDIDATES) {
                truncated = true;
                break;
              }
              candidates = Arrays.copyOf(candidates, Math.min(MAX_CANDIDATES, count * 2));
            }
            candidates[count++] = ((long) Math.min(a, c) << 32) | Math.max(a, c);
          }
        }
        start = end;
      }
    }
    Arrays.sort(candidates, 0, count);
    List<NearDuplicatePair> pairs = new ArrayList<>();
    UnionFind groups = new UnionFind(n);
    long previous = -1;
    for (int k = 0; k < count; k++) {
      long key = candidates[k];
      if (key == previous) {
        continue;
      }
      previous = key;
      int a = (int) (key >>> 32);
      int b = (int) key;
      if (hashHigh[a] == hashHigh[b] && hashLow[a] == hashLow[b]) {
        continue;
      }
      double s = estimatedJaccard(a, b);
      if (s >= threshold) {
        pairs.add(new NearDuplicatePair(rows[a], rows[b], s));
        groups.union(a, b);
      }
    }
    long pairCount = pairs.size();
    pairs.sort(NearDuplicatePair.MOST_SIMILAR_FIRST);
    List<long[]> grouped = groups.groups(rows);
    return new NearDuplicateReport(
        rowCount,
        n,
        pairCount,
        List.copyOf(pairs.subList(0, (int) Math.min(maxPairs, pairCount))),
        grouped,
        truncated);
  }

  private int bandHash(int row, int band) {
    int m = signatureLength();
    long h = Hashing.fmix64(band + 1L);
    int base = row * m + band * rowsPerBand;
    for (int i = 0; i < rowsPerBand; i++) {
      h = Hashing.fmix64(h ^ signatures[base + i]);
    }
    return (int) (h >>> 32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NearDuplicateState s
        && s.seed == seed
        && s.capacity == capacity
        && s.bands == bands
        && s.rowsPerBand == rowsPerBand
        && s.rowCount == rowCount
        && Arrays.equals(s.rows, rows)
        && Arrays.equals(s.priorities, priorities)
        && Arrays.equals(s.hashHigh, hashHigh)
        && Arrays.equals(s.hashLow, hashLow)
        && Arrays.equals(s.signatures, signatures);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rows) * 31 + Arrays.hashCode(signatures);
  }

  @Override
  public String toString() {
    return "NearDuplicateState[seed="
        + seed
        + ", rows="
        + rows.length
        + " of "
        + rowCount
        + ", bands="
        + bands
        + "x"
        + rowsPerBand
        + "]";
  }
}
