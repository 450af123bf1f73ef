package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.synthos.core.assess.pool.Pool;

/** Per-side counts of one pooled column: present cells, distinct values, category shares. */
public final class SideCounts {
  private SideCounts() {}

  /** Present cells: [0] candidate, [1] reference. */
  public static int[] present(Pool data, Pool.Var v) {
    int[] c = new int[2];
    for (int i = 0; i < data.n; i++) {
      boolean present = v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
      if (present) {
        c[i < data.nC ? 0 : 1]++;
      }
    }
    return c;
  }

  /** Whether any pooled cell of {@code v} is null. */
  public static boolean hasNulls(Pool data, Pool.Var v) {
    for (int i = 0; i < data.n; i++) {
      if (v.numeric ? Double.isNaN(v.values[i]) : v.codes[i] < 0) {
        return true;
      }
    }
    return false;
  }

  /** Distinct present values on the candidate side ({@code candidate}) or the reference side. */
  public static int distinct(Pool data, Pool.Var v, boolean candidate) {
    int from = candidate ? 0 : data.nC;
    int to = candidate ? data.nC : data.n;
    if (v.numeric) {
      HashSet<Double> s = new HashSet<>();
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(v.values[i])) {
          s.add(v.values[i]);
        }
      }
      return s.size();
    }
    boolean[] seen = new boolean[v.categories()];
    int d = 0;
    for (int i = from; i < to; i++) {
      if (v.codes[i] >= 0 && !seen[v.codes[i]]) {
        seen[v.codes[i]] = true;
        d++;
      }
    }
    return d;
  }

  /** Shares per category: [0] candidate, [1] reference, or null without a reference. */
  public static double[][] shares(Pool data, Pool.Var v, boolean[] obs) {
    double[][] p = new double[2][v.categories()];
    double[] t = new double[2];
    for (int i = 0; i < data.n; i++) {
      if (v.codes[i] >= 0) {
        int s = obs[i] ? 0 : 1;
        p[s][v.codes[i]]++;
        t[s]++;
      }
    }
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < p[s].length; c++) {
        p[s][c] = t[s] == 0 ? 0 : p[s][c] / t[s];
      }
    }
    if (!data.hasReference()) {
      p[1] = null;
    }
    return p;
  }

  /**
   * Categories whose candidate share exceeds 1.5x the reference's, 3 standard errors and 2 points,
   * as {distribution column index, category code}; empty without a reference.
   */
  public static List<int[]> overRepresented(Pool data) {
    return overRepresented(data, Set.of());
  }

  /**
   * As above, without the 1.5x rule for the columns named in {@code shiftedTargets} (targets whose
   * class shares were found shifted): a common class that grew from 62% to 76% of the rows is the
   * over-represented one, though it grew by less than half.
   */
  public static List<int[]> overRepresented(Pool data, Set<String> shiftedTargets) {
    List<int[]> found = new ArrayList<>();
    if (!data.hasReference()) {
      return found;
    }
    boolean[] obs = data.observedLabels();
    List<Pool.Var> vars = data.distributionVars();
    for (int vi = 0; vi < vars.size(); vi++) {
      Pool.Var v = vars.get(vi);
      if (v.numeric) {
        continue;
      }
      double[][] p = shares(data, v, obs);
      for (int c = 0; c < v.categories(); c++) {
        double pc = p[0][c];
        double pr = p[1][c];
        double pool = (pc * data.nC + pr * data.nR) / data.n;
        double se = Math.sqrt(pool * (1 - pool) * (1.0 / data.nC + 1.0 / data.nR));
        boolean ratio = pc > 1.5 * pr || shiftedTargets.contains(v.name);
        if (ratio && pc - pr > 3 * se && pc - pr > 0.02) {
          found.add(new int[] {vi, c});
        }
      }
    }
    return found;
  }
}
