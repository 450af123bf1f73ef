package org.synthos.core.assess.measure.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Pool;

/**
 * Which columns the cascade learns when no target is named. On the reference rows, each candidate
 * target is scored by how strongly the other columns relate to it: the mean of its three largest
 * associations (|Pearson r| between numbers, Cramér's V otherwise, numbers cut at pooled
 * quintiles). The two best categorical columns with 2 to {@value #MAX_AUTO_CLASSES} classes and the
 * best numeric column with at least {@value #MIN_DISTINCT} distinct values are chosen, each only if
 * its score reaches {@value #MIN_ASSOCIATION}: a column nothing relates to cannot be learned, by
 * any model, from any data. An eligible categorical last column takes the first categorical place
 * whatever its rank: by the convention of ARFF files, OpenML and the UCI repository the label is
 * the last column, and a weakly predicted label (credit-g's {@code class}) is still the column a
 * team trains on.
 */
public final class Targets {
  public static final double MIN_ASSOCIATION = 0.1;

  /**
   * Classes of an automatically chosen target: a boosted model grows one tree per class and round,
   * so fifty classes cost fifty times two; a named target may have up to {@value
   * Design#MAX_CLASSES}.
   */
  static final int MAX_AUTO_CLASSES = 20;

  static final int MIN_DISTINCT = 20;
  static final int TOP_ASSOCIATIONS = 3;
  static final int MAX_COLUMNS = 40;

  private Targets() {}

  /**
   * A chosen target and why; {@code label} when it is the column a team trains on: named with
   * {@code --target}, or the last column taken by convention.
   */
  public record Choice(Pool.Var column, String reason, boolean label) {}

  public static List<Choice> choose(Pool pool) {
    List<Pool.Var> vars = pool.vars.stream().filter(v -> !v.text).limit(MAX_COLUMNS).toList();
    boolean[] observed = pool.observedLabels();
    List<Scored> categorical = new ArrayList<>();
    List<Scored> numeric = new ArrayList<>();
    for (Pool.Var v : vars) {
      boolean eligible =
          v.numeric
              ? v.sd > 0 && Measures.pooledDistinct(v) >= MIN_DISTINCT
              : referenceClasses(pool, v) >= 2 && referenceClasses(pool, v) <= MAX_AUTO_CLASSES;
      if (!eligible) {
        continue;
      }
      List<Double> associations = new ArrayList<>();
      for (Pool.Var w : vars) {
        if (w != v) {
          double a = Math.abs(Association.association(v, w, observed, false));
          if (!Double.isNaN(a)) {
            associations.add(a);
          }
        }
      }
      associations.sort(Comparator.reverseOrder());
      double score =
          associations.stream()
              .limit(TOP_ASSOCIATIONS)
              .mapToDouble(Double::doubleValue)
              .average()
              .orElse(0);
      if (score >= MIN_ASSOCIATION) {
        (v.numeric ? numeric : categorical).add(new Scored(v, score, false));
      }
    }
    Comparator<Scored> best =
        Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.var().name);
    categorical.sort(best);
    numeric.sort(best);
    if (!vars.isEmpty()) {
      Pool.Var last = vars.get(vars.size() - 1);
      categorical.stream()
          .filter(c -> c.var() == last)
          .findFirst()
          .ifPresent(
              label -> {
                categorical.remove(label);
                categorical.add(0, new Scored(last, label.score(), true));
              });
    }
    List<Scored> chosen = new ArrayList<>(categorical.subList(0, Math.min(2, categorical.size())));
    if (!numeric.isEmpty()) {
      chosen.add(numeric.get(0));
    }
    chosen.sort(best);
    return chosen.stream()
        .map(
            s ->
                new Choice(
                    s.var(),
                    String.format(
                        Locale.ROOT,
                        s.lastColumn()
                            ? "chosen automatically: the last column, by convention the label (mean"
                                + " of its %2$d largest associations on the reference: %3$.3f)"
                            : "chosen automatically: the %s column the others relate to most (mean"
                                + " of its %d largest associations on the reference: %.3f)",
                        s.var().numeric ? "numeric" : "categorical",
                        TOP_ASSOCIATIONS,
                        s.score()),
                    s.lastColumn()))
        .toList();
  }

  /** Why nothing was chosen. */
  public static String noneReason() {
    return "no column is learnable: none with 2-"
        + MAX_AUTO_CLASSES
        + " classes or "
        + MIN_DISTINCT
        + "+ distinct numbers relates to the other columns (mean of its "
        + TOP_ASSOCIATIONS
        + " largest associations on the reference below "
        + MIN_ASSOCIATION
        + "); name one with --target to learn it anyway";
  }

  private static int referenceClasses(Pool pool, Pool.Var v) {
    boolean[] seen = new boolean[v.categories()];
    int count = 0;
    for (int i = pool.nC; i < pool.n; i++) {
      int c = v.codes[i];
      if (c >= 0 && !seen[c]) {
        seen[c] = true;
        count++;
      }
    }
    return count;
  }

  private record Scored(Pool.Var var, double score, boolean lastColumn) {}
}
