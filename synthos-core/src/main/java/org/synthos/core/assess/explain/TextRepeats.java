package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthos.core.assess.Cause;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.pool.Pool;

/**
 * The candidate rows whose text repeats, exactly or MinHash-nearly, the text of an earlier
 * candidate row: the rows of repeated templates and duplicate clusters. The first row of each
 * cluster is kept (it names the group); a row is listed once, under the first text column that
 * repeats.
 */
final class TextRepeats {
  private TextRepeats() {}

  static List<FlaggedRow> rows(Pool data) {
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] listed = new boolean[data.nC];
    for (Pool.Var v : data.vars) {
      if (!v.text) {
        continue;
      }
      TextColumn t = TextColumn.of(v);
      int[] group = t.nearGroupOfRows();
      int[] first = new int[v.dictionary.length];
      Arrays.fill(first, -1);
      int[] size = new int[v.dictionary.length];
      for (int i = 0; i < data.nC; i++) {
        if (group[i] >= 0) {
          size[group[i]]++;
          if (first[group[i]] < 0 || data.rowNumbers[i] < data.rowNumbers[first[group[i]]]) {
            first[group[i]] = i;
          }
        }
      }
      for (int i = 0; i < data.nC; i++) {
        int g = group[i];
        if (g < 0 || first[g] == i || listed[i]) {
          continue;
        }
        listed[i] = true;
        long head = data.rowNumbers[first[g]];
        boolean exact = v.codes[i] == v.codes[first[g]];
        rows.add(
            new FlaggedRow(
                data.rowNumbers[i],
                Cause.REPEATED_TEXT,
                head,
                "'"
                    + v.name
                    + "' "
                    + (exact ? "repeats" : "nearly repeats")
                    + " the text of row "
                    + head
                    + " (a cluster of "
                    + size[g]
                    + " candidate rows)"));
      }
    }
    return rows;
  }
}
