package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.synthos.core.assess.Cause;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.measure.TextMeasures;
import org.synthos.core.assess.pool.Pool;

/**
 * The candidate rows filled from a few templates: in a text column whose head share ({@code
 * text_head_share_excess}) is beyond its band, the rows whose head (every word but the last) is one
 * of the candidate's {@value #TOP_HEADS} most frequent and more frequent than a random split puts
 * on the candidate side, and whose text the reference does not hold. A real text sharing a frequent
 * head (a make followed by one of its real models) is not named; a template's varied last word
 * rarely makes a reference text.
 */
final class TemplatedTexts {
  /** The candidate's most frequent heads considered, as many as the measure counts. */
  static final int TOP_HEADS = TextMeasures.TOP_TEXTS;

  /**
   * Family-wise error of calling a head over-represented, shared by the {@value #TOP_HEADS} heads
   * tested (Bonferroni).
   */
  static final double ALPHA = 1e-3;

  private TemplatedTexts() {}

  /**
   * @param columns the text columns whose head share exceeds its null band
   */
  static List<FlaggedRow> rows(Pool data, Set<String> columns) {
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] listed = new boolean[data.nC];
    for (Pool.Var v : data.vars) {
      if (!v.text || !columns.contains(v.name)) {
        continue;
      }
      TextColumn t = TextColumn.of(v);
      int[] head = t.headOfRows();
      int[] cand = new int[t.headCount()];
      int[] ref = new int[t.headCount()];
      boolean[] inReference = new boolean[v.dictionary.length];
      int presentC = 0;
      int presentR = 0;
      for (int i = 0; i < data.n; i++) {
        if (v.codes[i] < 0) {
          continue;
        }
        boolean candidate = i < data.nC;
        if (candidate) {
          presentC++;
        } else {
          presentR++;
          inReference[v.codes[i]] = true;
        }
        if (head[i] >= 0) {
          (candidate ? cand : ref)[head[i]]++;
        }
      }
      boolean[] over = overRepresented(cand, ref, presentC, presentR);
      for (int i = 0; i < data.nC; i++) {
        int h = head[i];
        if (h < 0 || !over[h] || inReference[v.codes[i]] || listed[i]) {
          continue;
        }
        listed[i] = true;
        rows.add(
            new FlaggedRow(
                data.rowNumbers[i],
                Cause.TEMPLATED_TEXT,
                -1,
                String.format(
                    Locale.ROOT,
                    "'%s' starts like %d candidate rows against %d reference rows (all words but"
                        + " the last alike); the text is not in the reference",
                    v.name,
                    cand[h],
                    ref[h])));
      }
    }
    return rows;
  }

  /**
   * The candidate's most frequent heads whose candidate count exceeds the hypergeometric (1 -
   * {@value #ALPHA} / {@value #TOP_HEADS}) quantile of a random split of the head's pooled rows.
   */
  static boolean[] overRepresented(int[] cand, int[] ref, int presentC, int presentR) {
    boolean[] over = new boolean[cand.length];
    Integer[] order = new Integer[cand.length];
    for (int h = 0; h < order.length; h++) {
      order[h] = h;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(cand[b], cand[a]));
    for (int k = 0; k < TOP_HEADS && k < order.length; k++) {
      int h = order[k];
      int critical =
          Hypergeometric.lowerQuantile(
              presentC + presentR, cand[h] + ref[h], presentC, 1 - ALPHA / TOP_HEADS);
      over[h] = cand[h] > critical;
    }
    return over;
  }
}
