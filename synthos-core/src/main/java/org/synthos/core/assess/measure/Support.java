package org.synthos.core.assess.measure;

import java.util.Locale;
import org.synthos.core.assess.pool.Pool;

/**
 * Support of the reference: rows holding a number outside the reference's range or a category the
 * reference never shows.
 */
public final class Support {
  private Support() {}

  /**
   * Rows with a value outside the reference's range or categories, per candidate row; when {@code
   * reasons} is given, the first such value of each flagged row is described there.
   */
  public static boolean[] outOfSupportRows(Pool data, StringBuilder[] reasons) {
    boolean[] flagged = new boolean[data.nC];
    for (Pool.Var v : data.distributionVars()) {
      if (v.numeric) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = data.nC; i < data.n; i++) {
          double x = v.values[i];
          if (!Double.isNaN(x)) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
        if (lo > hi) {
          continue;
        }
        for (int i = 0; i < data.nC; i++) {
          double x = v.values[i];
          if (!Double.isNaN(x) && (x < lo || x > hi)) {
            flagged[i] = true;
            if (reasons != null && reasons[i] == null) {
              reasons[i] =
                  new StringBuilder(
                      String.format(
                          Locale.ROOT,
                          "%s = %s outside the reference range [%s, %s]",
                          v.name,
                          fmt(x),
                          fmt(lo),
                          fmt(hi)));
            }
          }
        }
      } else {
        boolean[] known = new boolean[v.categories()];
        for (int i = data.nC; i < data.n; i++) {
          if (v.codes[i] >= 0) {
            known[v.codes[i]] = true;
          }
        }
        for (int i = 0; i < data.nC; i++) {
          if (v.codes[i] >= 0 && !known[v.codes[i]]) {
            flagged[i] = true;
            if (reasons != null && reasons[i] == null) {
              reasons[i] =
                  new StringBuilder(
                      v.name
                          + " = '"
                          + v.dictionary[v.codes[i]]
                          + "' never occurs in the reference");
            }
          }
        }
      }
    }
    return flagged;
  }

  /**
   * Flags the label-1 present values outside the range of the label-0 present values. The range's
   * ends are the first and last label-0 values in the column's value order, so only the values
   * before the first and after the last are looked at: a few per labelling, where a scan of every
   * row took a fifth of the intrinsic stage at a million rows. Without label-0 values every label-1
   * value is outside.
   */
  private static void flagOutsideRange(Pool.Var v, byte[] label, boolean[] flagged) {
    int[] s = v.sorted;
    double[] sv = v.sortedValues;
    int first = 0;
    while (first < s.length && label[s[first]] != 0) {
      first++;
    }
    if (first == s.length) {
      for (int i : s) {
        flagged[i] |= label[i] == 1;
      }
      return;
    }
    int last = s.length - 1;
    while (label[s[last]] != 0) {
      last--;
    }
    // Values before the first are at most its value and after the last at least its value; -0.0
    // and 0.0 sort together, and neither is below or above the other.
    double lo = sv[first];
    double hi = sv[last];
    for (int k = 0; k < first; k++) {
      if (label[s[k]] == 1 && sv[k] < lo) {
        flagged[s[k]] = true;
      }
    }
    for (int k = last + 1; k < s.length; k++) {
      if (label[s[k]] == 1 && sv[k] > hi) {
        flagged[s[k]] = true;
      }
    }
  }

  /** Share of rows labelled 1 with a value outside the support of the rows labelled 0. */
  public static double outOfSupportShare(Pool data, byte[] label) {
    boolean[] flagged = new boolean[data.n];
    for (Pool.Var v : data.distributionVars()) {
      if (v.numeric) {
        flagOutsideRange(v, label, flagged);
      } else {
        boolean[] known = new boolean[v.categories()];
        for (int i = 0; i < data.n; i++) {
          if (label[i] == 0 && v.codes[i] >= 0) {
            known[v.codes[i]] = true;
          }
        }
        for (int i = 0; i < data.n; i++) {
          if (label[i] == 1 && v.codes[i] >= 0 && !known[v.codes[i]]) {
            flagged[i] = true;
          }
        }
      }
    }
    int count = 0;
    int rows = 0;
    for (int i = 0; i < data.n; i++) {
      if (label[i] == 1) {
        rows++;
        count += flagged[i] ? 1 : 0;
      }
    }
    return rows == 0 ? Double.NaN : (double) count / rows;
  }

  /** A number for people: integers without a decimal point, else 4 significant digits. */
  public static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }
}
