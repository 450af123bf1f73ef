package org.synthos.core.assess.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Defects of a dataset's label, taken to be its last categorical column with 2 to {@link
 * Defect#LABEL_CLASSES} values (tabular datasets put the class last: credit-g's {@code class},
 * seattle-weather's {@code weather}).
 */
final class LabelDefects {
  private LabelDefects() {}

  static int labelColumn(Cells cells) {
    for (int c = cells.width() - 1; c >= 0; c--) {
      int distinct = cells.isCategorical(c) ? cells.counts(c).size() : 0;
      if (distinct >= 2 && distinct <= Defect.LABEL_CLASSES) {
        return c;
      }
    }
    return -1;
  }

  static String noLabel() {
    return "left unchanged: no categorical column of 2 to "
        + Defect.LABEL_CLASSES
        + " values to serve as the label";
  }

  /** A share {@code severity} of the present labels replaced by another class, drawn uniformly. */
  static String noise(
      Cells cells, int label, double severity, SplittableRandom random, TreeSet<Long> affected) {
    List<String> classes = new ArrayList<>(new TreeSet<>(cells.counts(label).keySet()));
    int changed = 0;
    for (int i = 0; i < cells.size; i++) {
      if (cells.nulls[label][i] || random.nextDouble() >= severity) {
        continue;
      }
      String current = cells.strings[label][i];
      String other = classes.get(random.nextInt(classes.size() - 1));
      cells.strings[label][i] = other.compareTo(current) >= 0 ? next(classes, other) : other;
      affected.add(i + 1L);
      changed++;
    }
    return "replaced "
        + changed
        + " labels of "
        + cells.schema.field(label).name()
        + " by another class drawn at random";
  }

  /**
   * The rows kept when a share {@code severity} of the rows outside the most frequent class are
   * removed: the minority classes under-represented, every remaining row untouched.
   */
  static int[] imbalance(
      Cells cells, int label, double severity, SplittableRandom random, TreeSet<Long> affected) {
    String majority = cells.mode(label);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < cells.size; i++) {
      boolean minority = !cells.nulls[label][i] && !majority.equals(cells.strings[label][i]);
      if (minority && random.nextDouble() < severity) {
        affected.add(i + 1L);
      } else {
        kept.add(i);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  static String imbalanceDescription(Cells cells, int label, int removed) {
    Map<String, Integer> counts = cells.counts(label);
    return "removed "
        + removed
        + " rows outside the most frequent class '"
        + cells.mode(label)
        + "' of "
        + cells.schema.field(label).name()
        + " ("
        + counts.size()
        + " classes)";
  }

  /** The class after {@code c} in sorted order: skips the current class without a second draw. */
  private static String next(List<String> classes, String c) {
    return classes.get(classes.indexOf(c) + 1);
  }
}
