package org.synthos.core.assess.judge;

import java.util.List;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.learn.Targets;

/**
 * The class prior of the categorical label the cascade learns (named with {@code --target}, or the
 * last column taken by convention), judged on its own: the total variation distance between the
 * candidate's and the reference's class shares ({@link Measure#TARGET_PRIOR_SHIFT}), against pooled
 * re-splits of the rows.
 *
 * <p>The distance depends on the rows only through each side's class counts, and under a random
 * split of the pooled rows the candidate's counts (nulls as one more class) are multivariate
 * hypergeometric (Johnson, Kotz and Balakrishnan, "Discrete Multivariate Distributions", 1997, ch.
 * 39). So its re-splits are drawn as counts ({@code Judging.addCounts}), {@code
 * Resampling.COUNT_REPLICATES} (20,000) of them at the cost of a few hypergeometric draws each. The
 * 20 row re-splits of the other measures left the edge of this one test noisy (0.12 to 0.21 for the
 * same 50/50 label on 170 + 135 rows). The band's edge is the draws' quantile at the tail a normal
 * law leaves beyond mean + 3 sd ({@code Bands.ofTail}), not mean + 3 sd of the draws: the distance
 * is a difference of shares folded at zero (for two classes, |p_c - p_r| exactly), and mean + 3 sd
 * of a folded normal is 2.6 sd of the difference, which a clean split crosses about 0.9% of the
 * time instead of 0.13% (penguins' clean split 1015 in {@code docs/calibration.md}).
 *
 * <p>The same distance is one column's TVD among every column's in distribution fidelity, where its
 * tolerance (0.25) is set for many columns tested at once; on the label a model is trained for, a
 * shift of a few points in the class shares already changes what the model predicts (its
 * calibration, its decision threshold, its recall of the minority class), so the target gets one
 * planned test with a tighter tolerance. Only the label: other chosen targets are columns like any
 * other, and testing their priors would type a lost rare category of one as distribution collapse
 * (credit-g's {@code credit_history} under rare-category loss). Numeric targets are left to the KS
 * statistic.
 *
 * <p>The shift is typed distribution collapse only when the candidate's classes are less even than
 * the reference's (lower entropy: the common classes gained, as when a generator favours them). A
 * shift towards even shares is what labels redrawn at random give (label noise moves credit-g's
 * 70/30 towards 50/50): the label's relation to the features was lost, which the correlation
 * measures type, and the prior alone cannot tell which, so that evidence names no type.
 */
final class TargetJudge {
  private TargetJudge() {}

  static void judge(Judging j, List<Targets.Choice> targets) {
    for (Targets.Choice t : targets) {
      if (!t.label() || t.column().numeric || t.column().text) {
        continue;
      }
      Marginals.Sides observed = Marginals.sides(t.column(), j.plan.observed);
      boolean narrowed = Marginals.entropyDeficit(observed) > 0;
      j.addCounts(
          Measure.TARGET_PRIOR_SHIFT,
          Subject.of(t.column().name),
          t.column(),
          Marginals::tvd,
          narrowed ? Measure.TARGET_PRIOR_SHIFT.cause() : null,
          "total variation distance between the target's class shares (nulls excluded),"
              + " candidate vs reference, on every analysed row, against re-splits drawn as"
              + " class counts; the candidate's classes are "
              + (narrowed ? "less" : "no less")
              + " even than the reference's");
    }
  }
}
