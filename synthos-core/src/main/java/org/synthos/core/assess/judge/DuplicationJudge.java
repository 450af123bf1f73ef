package org.synthos.core.assess.judge;

import java.util.function.ToDoubleFunction;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.Pool;

/**
 * Exact and near duplicates within the candidate, and exact copies of reference rows. Exact
 * duplicates and copies are counted over every row of both files when their row hashes are known;
 * their nulls, drawn from halves of the held reference, are scaled to those sizes.
 */
final class DuplicationJudge {
  private DuplicationJudge() {}

  static void duplicates(Judging j) {
    Pool data = j.data;
    ExactRows exactRows = j.exactRows;
    Resampling plan = j.plan;
    if (data.vars.isEmpty()) {
      j.notApplicable.put(
          Dimension.DIVERSITY_RETENTION,
          "no column can be compared (identifiers are left out, and columns must share name and"
              + " type with the reference)");
    } else if (data.hasReference()) {
      if (j.enoughRows()) {
        int splitSize = plan.splitSize;
        double dupScale = splitSize > 1 ? (data.nC - 1.0) / (splitSize - 1.0) : 1;
        ToDoubleFunction<byte[]> exactShare = l -> Measures.repeatShare(data.exactGroup, l);
        j.addSplit(
            Measure.EXACT_DUPLICATE_SHARE,
            exactShare,
            exactRows != null
                ? exactRows.duplicateShare()
                : exactShare.applyAsDouble(plan.observedBytes()),
            exactRows != null && splitSize > 1
                ? (exactRows.candidateRows - 1.0) / (splitSize - 1.0)
                : dupScale,
            "share of candidate rows that repeat an earlier row exactly; null from halves of the"
                + " reference",
            overEveryRow(exactRows));
        j.addSplit(
            Measure.NEAR_DUPLICATE_SHARE,
            l -> Measures.repeatShare(data.nearGroup, l) - Measures.repeatShare(data.exactGroup, l),
            dupScale,
            "share of candidate rows that nearly (not exactly) repeat another row; null from"
                + " halves of the reference");
      }
    } else if (data.nC >= 2) {
      Policy p = j.options.policy();
      double heldExact = Measures.repeatShare(data.exactGroup, plan.observedBytes());
      double near = Measures.repeatShare(data.nearGroup, plan.observedBytes()) - heldExact;
      double exact = exactRows != null ? exactRows.duplicateShare() : heldExact;
      j.add(
          Evidence.of(
                  Measure.EXACT_DUPLICATE_SHARE,
                  Subject.DATASET,
                  exact,
                  NullBand.tolerance(p.duplicateTolerance()),
                  "share of rows that repeat an earlier row exactly (policy tolerance, no"
                      + " reference)")
              .onRows(overEveryRow(exactRows)));
      j.add(
          Evidence.of(
              Measure.NEAR_DUPLICATE_SHARE,
              Subject.DATASET,
              near,
              NullBand.tolerance(p.nearDuplicateTolerance()),
              "share of rows that nearly repeat another row (policy tolerance, no reference)"));
    }
  }

  private static Evidence.RowScope overEveryRow(ExactRows exactRows) {
    return exactRows != null ? Evidence.RowScope.ALL : Evidence.RowScope.ANALYSED;
  }

  /**
   * Candidate rows identical to a reference row. Over every row when known; the chance of a copy
   * grows with the reference's size, so the null from held halves is scaled to the whole reference.
   */
  static void copies(Judging j) {
    Pool data = j.data;
    ExactRows exactRows = j.exactRows;
    ToDoubleFunction<byte[]> copyShare = l -> Measures.copyShare(data.exactGroup, l);
    j.addSplit(
        Measure.REFERENCE_COPY_SHARE,
        copyShare,
        exactRows != null ? exactRows.copyShare() : copyShare.applyAsDouble(j.plan.observedBytes()),
        (double) (exactRows != null ? exactRows.referenceRows : data.nR)
            / Math.max(1, data.nR - j.plan.splitSize),
        "share of candidate rows identical to a reference row on every compared column; null"
            + " from halves of the reference",
        overEveryRow(exactRows));
  }
}
