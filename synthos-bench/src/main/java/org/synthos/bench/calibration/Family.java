package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;

/**
 * A family of candidates: clean halves, one of the injector's {@link Defect}s, or recursive
 * generation through a {@link GaussianCopula}.
 *
 * @param key the name in tables
 * @param defect the injected defect, or null for clean and recursive generation
 * @param expected the collapse type a verdict should name, or null for clean
 * @param moderate the severity at which detection is required (generations for recursion)
 */
public record Family(String key, Defect defect, CollapseType expected, double moderate) {
  static final Family CLEAN = new Family("clean", null, null, 0);

  /**
   * Recursive generation loses tails and rare categories first (Shumailov et al. 2024), hence rare
   * pattern collapse; the target is detection by generation 3.
   */
  static final Family RECURSIVE_GENERATION =
      new Family("recursive_generation", null, CollapseType.C_RARE_PATTERN, 3);

  /** Shares of the moderate severity at which each injected defect is run. */
  static final double[] SEVERITY_SHARES = {0.25, 0.5, 1.0};

  static final int MAX_GENERATIONS = 5;

  public static List<Family> defective() {
    List<Family> out = new ArrayList<>();
    for (Defect d : Defect.values()) {
      out.add(new Family(d.key(), d, d.expectedType(), d.moderateSeverity()));
    }
    out.add(RECURSIVE_GENERATION);
    return out;
  }

  boolean isClean() {
    return this == CLEAN;
  }

  /** The severities run for this family, mildest first; the last one is the moderate level. */
  double[] severities() {
    if (isClean()) {
      return new double[] {0};
    }
    if (defect == null) {
      double[] g = new double[MAX_GENERATIONS];
      for (int i = 0; i < g.length; i++) {
        g[i] = i + 1;
      }
      return g;
    }
    double[] s = new double[SEVERITY_SHARES.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = SEVERITY_SHARES[i] * moderate;
    }
    return s;
  }

  boolean isModerate(double severity) {
    return !isClean() && severity == moderate;
  }

  /** A candidate and how many of its rows the defect changed (all rows for a regenerated one). */
  public record Candidate(ColumnBatch batch, int changedRows) {}

  /** The candidate half with the defect applied at {@code severity}. */
  public Candidate apply(ColumnBatch candidate, ColumnBatch reference, double severity, long seed) {
    if (isClean()) {
      return new Candidate(candidate, 0);
    }
    if (defect == null) {
      return new Candidate(
          GaussianCopula.recursive(candidate, (int) severity, seed), candidate.rowCount());
    }
    Injection injection = DefectInjector.inject(candidate, reference, defect, severity, seed);
    return new Candidate(injection.batch(), injection.affectedRows().size());
  }
}
