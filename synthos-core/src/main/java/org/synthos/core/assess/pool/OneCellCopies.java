package org.synthos.core.assess.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near copies that differ from another row in one cell alone, whatever that cell holds: a copy with
 * one category changed, or one number moved by more than the near tolerance. Each row's hash is the
 * sum of one 64-bit hash per cell (a commutative sum, so leaving column c out is the total minus
 * that cell's hash); rows that share the hash with column c left out agree on every other column,
 * up to collisions of probability about n^2 / 2^64 per column. One pass per column: O(k n) for k
 * columns.
 *
 * <p>Only tables of at least {@value #MIN_COLUMNS} compared columns are searched: agreeing on seven
 * or more cells is rare between distinct real rows, whereas in narrow tables (a route, a date and a
 * delay) rows differing in one cell are common and the relation would say little.
 */
final class OneCellCopies {
  static final int MIN_COLUMNS = 8;

  private OneCellCopies() {}

  /** Joins, in {@code parent}, the rows that agree on every column but one. */
  static void join(List<Pool.Var> vars, int n, int[] parent) {
    int k = vars.size();
    if (k < MIN_COLUMNS) {
      return;
    }
    long[] total = new long[n];
    long[][] cell = new long[k][n];
    for (int c = 0; c < k; c++) {
      Pool.Var v = vars.get(c);
      long salt = 0x9E3779B97F4A7C15L * (c + 1);
      for (int i = 0; i < n; i++) {
        cell[c][i] = Pool.mix(salt, Pool.cellBits(v, i));
        total[i] += cell[c][i];
      }
    }
    for (int c = 0; c < k; c++) {
      Map<Long, Integer> first = new HashMap<>();
      for (int i = 0; i < n; i++) {
        Integer f = first.putIfAbsent(total[i] - cell[c][i], i);
        if (f != null) {
          UnionFind.union(parent, f, i);
        }
      }
    }
  }
}
