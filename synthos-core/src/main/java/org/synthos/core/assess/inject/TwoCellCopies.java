package org.synthos.core.assess.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.synthos.api.ColumnType;

/**
 * Near copies with two cells changed: a share {@code severity} of rows replaced by copies of other
 * rows whose cells in two columns (drawn at random among the columns that are not identifiers) are
 * replaced by the cells of other rows that hold a different value there. The copy differs from its
 * source in those two cells alone, by any amount: a category swapped, a number redrawn. Applied to
 * tables of at least {@value #MIN_COLUMNS} such columns only, the width from which the engine calls
 * rows differing in two cells near copies; narrower tables are left unchanged.
 */
final class TwoCellCopies {
  static final int MIN_COLUMNS = 12;

  /** Draws of a donor row before a column is given up for a copy (all its rows may agree). */
  private static final int DONOR_TRIES = 32;

  private TwoCellCopies() {}

  static String inject(
      Cells cells, double severity, SplittableRandom random, TreeSet<Long> affected) {
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < cells.width(); c++) {
      if (cells.type(c) != ColumnType.IDENTIFIER) {
        columns.add(c);
      }
    }
    int n = cells.size;
    if (columns.size() < MIN_COLUMNS || n < 3) {
      return "left unchanged: two-cell copies need "
          + MIN_COLUMNS
          + " columns that are not identifiers, the table has "
          + columns.size();
    }
    int[] targets = DefectInjector.pick(n, severity, random);
    int[] sources = DefectInjector.others(n, targets);
    int twice = 0;
    for (int t : targets) {
      cells.copyRow(cells, sources[random.nextInt(sources.length)], t);
      int first = random.nextInt(columns.size());
      int second = random.nextInt(columns.size() - 1);
      if (second >= first) {
        second++;
      }
      int changed = 0;
      for (int c : new int[] {columns.get(first), columns.get(second)}) {
        for (int tries = 0; tries < DONOR_TRIES; tries++) {
          int donor = sources[random.nextInt(sources.length)];
          if (!cells.sameCell(c, donor, t)) {
            cells.copyCell(c, donor, t);
            changed++;
            break;
          }
        }
      }
      if (changed == 2) {
        twice++;
      }
      affected.add(t + 1L);
    }
    return String.format(
        "replaced %d rows with copies of other rows, two cells redrawn from other rows in %d",
        targets.length, twice);
  }
}
