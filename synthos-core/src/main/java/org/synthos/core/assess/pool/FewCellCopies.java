package org.synthos.core.assess.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Near copies that differ from another row in one or two cells alone, whatever those cells hold: a
 * copy with a category changed, or a number moved by more than the near tolerance. In tables of at
 * least {@value #ONE_CELL_COLUMNS} compared columns one differing cell is allowed, from {@value
 * #TWO_CELL_COLUMNS} columns two: agreeing on all but one cell of eight, or all but two of twelve,
 * is rare between distinct real rows, whereas in narrow tables (a route, a date and a delay) rows
 * differing in a cell or two are common and the relation would say little.
 *
 * <p>Search by blocking (pigeonhole): the columns are dealt into g = min(k, {@value #GROUPS})
 * groups; rows differing in at most d cells differ in at most d groups, so they agree on every
 * group of at least one of the C(g, d) choices of d groups left out. For each choice, the rows are
 * blocked by a 64-bit hash of the groups kept (a commutative sum of per-cell hashes, so leaving a
 * group out is a subtraction) and the rows of a block are compared cell by cell, each with at most
 * {@value #WINDOW} successors in row order, which bounds the cost on heavily tied data. A hash
 * collision only adds a comparison: a pair is joined when its cells differ in at most d columns.
 * Exact duplicates enter once, by their first row. Cost: O(C(g, d) (n log n + W n k)) time, O(g n)
 * memory plus O(n) per search running at once; at most 28 searches, run in parallel.
 */
final class FewCellCopies {
  static final int ONE_CELL_COLUMNS = 8;
  static final int TWO_CELL_COLUMNS = 12;
  static final int GROUPS = 8;
  static final int WINDOW = 256;

  /** Share of real distinct rows above which a few-cell relation says too little (see below). */
  static final double REAL_SHARE_LIMIT = 0.02;

  private FewCellCopies() {}

  /** How many cells may differ in a table of {@code k} compared columns. */
  static int allowedCells(int k) {
    return k >= TWO_CELL_COLUMNS ? 2 : k >= ONE_CELL_COLUMNS ? 1 : 0;
  }

  /**
   * How many cells may differ when the reference is known: {@link #allowedCells}, lowered while
   * more than {@value #REAL_SHARE_LIMIT} of the reference's distinct rows already have a partner
   * that differs in that many cells. Some real tables (many near-constant columns: costs mostly
   * zero, a damage level mostly "none") are full of distinct rows agreeing on all but a cell or
   * two; there the relation would call a third of real rows copies and a copy would drown in them,
   * whereas the numeric tolerance alone still finds it.
   *
   * @param from the first reference row of the pool (rows {@code from..n-1} are the reference)
   */
  static int allowedCells(List<Pool.Var> vars, int from, int n, int[] exact) {
    int d = allowedCells(vars.size());
    while (d > 0 && realShare(vars, from, n, exact, d) > REAL_SHARE_LIMIT) {
      d--;
    }
    return d;
  }

  /** Share of the distinct rows in {@code from..n-1} with a partner there differing in d cells. */
  static double realShare(List<Pool.Var> vars, int from, int n, int[] exact, int d) {
    int[] reps = firstOfEachGroup(exact, from, n);
    if (reps.length < 2) {
      return 0;
    }
    int[] parent = UnionFind.singletons(n);
    join(vars, reps, d, parent);
    int[] size = new int[n];
    for (int r : reps) {
      size[UnionFind.find(parent, r)]++;
    }
    int joined = 0;
    for (int r : reps) {
      if (size[UnionFind.find(parent, r)] > 1) {
        joined++;
      }
    }
    return (double) joined / reps.length;
  }

  /**
   * Joins, in {@code parent}, the rows that agree on every column but {@code d} at most; {@code
   * exact} holds each row's exact-duplicate group.
   */
  static void join(List<Pool.Var> vars, int n, int[] exact, int[] parent, int d) {
    if (d == 0 || n < 2) {
      return;
    }
    join(vars, firstOfEachGroup(exact, 0, n), d, parent);
  }

  private static void join(List<Pool.Var> vars, int[] reps, int d, int[] parent) {
    int k = vars.size();
    int m = reps.length;
    int g = Math.min(k, GROUPS);
    long[][] group = new long[g][m];
    long[] total = new long[m];
    for (int c = 0; c < k; c++) {
      Pool.Var v = vars.get(c);
      long salt = 0x9E3779B97F4A7C15L * (c + 1);
      long[] into = group[c % g];
      for (int r = 0; r < m; r++) {
        long h = Pool.mix(salt, Pool.cellBits(v, reps[r]));
        into[r] += h;
        total[r] += h;
      }
    }
    int idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, m - 1));
    long idMask = (1L << idBits) - 1;
    // d = 1: group a left out; d = 2: groups a and b > a left out.
    List<int[]> leftOut = new ArrayList<>();
    for (int a = 0; a < g; a++) {
      for (int b = d == 2 ? a + 1 : a; b < (d == 2 ? g : a + 1); b++) {
        leftOut.add(new int[] {a, b});
      }
    }
    // Each choice is searched on its own core into a union-find of its own over the
    // representatives, then folded into parent. The pairs a search compares depend on the block
    // order alone, never on what is joined, and the union-find keeps the smallest row as root, so
    // the groups are those of one search after another.
    IntStream.range(0, leftOut.size())
        .parallel()
        .forEach(
            t -> {
              int a = leftOut.get(t)[0];
              int b = leftOut.get(t)[1];
              long[] packed = new long[m];
              for (int r = 0; r < m; r++) {
                long key = total[r] - group[a][r] - (b == a ? 0 : group[b][r]);
                packed[r] = (key & ~idMask) | r;
              }
              IndexSort.sortKeys(packed);
              int[] local = compareBlocks(vars, packed, idMask, reps, d);
              synchronized (parent) {
                for (int r = 0; r < m; r++) {
                  int root = UnionFind.find(local, r);
                  if (root != r) {
                    UnionFind.union(parent, reps[r], reps[root]);
                  }
                }
              }
            });
  }

  /** The union-find over representative positions of one blocking's near pairs. */
  private static int[] compareBlocks(
      List<Pool.Var> vars, long[] packed, long idMask, int[] reps, int d) {
    int m = packed.length;
    int[] local = UnionFind.singletons(m);
    int start = 0;
    while (start < m) {
      long block = packed[start] & ~idMask;
      int end = start + 1;
      while (end < m && (packed[end] & ~idMask) == block) {
        end++;
      }
      for (int p = start; p < end; p++) {
        int i = (int) (packed[p] & idMask);
        for (int q = p + 1; q < end && q - p <= WINDOW; q++) {
          int j = (int) (packed[q] & idMask);
          if (UnionFind.find(local, i) != UnionFind.find(local, j)
              && differingCells(vars, reps[i], reps[j], d) <= d) {
            UnionFind.union(local, i, j);
          }
        }
      }
      start = end;
    }
    return local;
  }

  /** Cells in which rows i and j differ, counted up to {@code limit + 1}. */
  static int differingCells(List<Pool.Var> vars, int i, int j, int limit) {
    int differ = 0;
    for (Pool.Var v : vars) {
      if (Pool.cellBits(v, i) != Pool.cellBits(v, j) && ++differ > limit) {
        break;
      }
    }
    return differ;
  }

  /** The first row of each exact-duplicate group among rows {@code from..n-1}. */
  private static int[] firstOfEachGroup(int[] exact, int from, int n) {
    boolean[] seen = new boolean[n];
    int[] out = new int[n - from];
    int m = 0;
    for (int i = from; i < n; i++) {
      if (!seen[exact[i]]) {
        seen[exact[i]] = true;
        out[m++] = i;
      }
    }
    return Arrays.copyOf(out, m);
  }
}
