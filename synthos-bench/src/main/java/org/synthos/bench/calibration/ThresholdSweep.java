package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Policy;

/**
 * The run's policy re-derived from its own outcomes: every validation re-decided under other
 * thresholds from its recorded dimension scores, failed checks and risk. The scorer reads the
 * thresholds only to label statuses, so neither the scores nor the risk depend on {@code
 * fail_below} or {@code max_risk}, and re-deciding is exact; at the run's own policy it must
 * reproduce every recorded decision, which {@link #reproduced()} counts.
 *
 * <p>The rule, at {@link #LEVEL} confidence so that sampling noise in the clean splits cannot pick
 * the policy: a value is <em>eligible</em> when the upper end of the Clopper-Pearson interval of
 * its clean false-positive rate is at or below {@link #MAX_FPR} (with 320 clean splits: at most one
 * rejected, since 1/320 ends at 1.7% and 2/320 at 2.2%). A value passes when it is eligible and no
 * other eligible value of the same sweep rejects more moderate defects; tied values all pass. The
 * default passes when its value passes in all three sweeps. With fewer than {@link
 * #MIN_CLEAN_SPLITS} clean splits not even a value that rejects none is eligible: the sweep is then
 * not {@link #certifiable()}, and the default does not pass for lack of evidence, not because
 * another value is better.
 *
 * @param validations validations re-decided (all that did not throw, no-op runs included)
 * @param reproduced those whose decision at the run's policy equals the recorded one
 * @param mismatches the first few that differ, described; empty when the rule is replicated
 * @param cleanTotal clean splits in the sweep
 * @param certifiable whether {@code cleanTotal} clean splits can certify {@link #MAX_FPR} at all,
 *     that is whether a value that rejects none of them is eligible
 * @param minCleanSplits the fewest clean splits, none rejected, that certify {@link #MAX_FPR}
 *     ({@link #MIN_CLEAN_SPLITS})
 * @param maxCleanRejected the most clean splits an eligible value may reject; -1 when not
 *     certifiable
 * @param moderateTotal defective runs at moderate severity in the sweep (no-op runs left out)
 * @param sweeps the common {@code fail_below}, the memorisation {@code fail_below} and {@code
 *     max_risk}, each varied with the rest at the run's policy
 * @param lowestClean per dimension scored on a clean split, in report order: its lowest clean score
 *     and the second lowest
 * @param highestCleanRisk the highest risk of a clean split
 * @param lowestRejectedModerateRisk the lowest risk of a moderate defect the run rejected, or null
 *     when it rejected none
 * @param riskCeiling the highest risk of a run with no dimension below its {@code fail_below} and
 *     no failed check: 100 - the lowest {@code fail_below}, since the risk is at most 100 - the
 *     lowest score; a {@code max_risk} above it never decides alone
 * @param rejectedByRiskAlone moderate defects the run rejected only because the risk reached {@code
 *     max_risk} (no dimension below its threshold, no failed check)
 * @param defaultPasses whether the run's policy passes the rule in every sweep; false whenever the
 *     sweep is not certifiable
 */
record ThresholdSweep(
    int validations,
    int reproduced,
    List<String> mismatches,
    int cleanTotal,
    boolean certifiable,
    int minCleanSplits,
    int maxCleanRejected,
    int moderateTotal,
    List<Sweep> sweeps,
    Map<String, Lowest> lowestClean,
    Extreme highestCleanRisk,
    Extreme lowestRejectedModerateRisk,
    double riskCeiling,
    int rejectedByRiskAlone,
    boolean defaultPasses) {

  /** The clean false-positive rate a candidate threshold may reach. */
  static final double MAX_FPR = 0.02;

  /** The confidence of the two-sided interval whose upper end must stay within {@link #MAX_FPR}. */
  static final double LEVEL = Summary.LEVEL;

  /** The smallest number of clean splits for which none rejected is eligible (183 at 95%). */
  static final int MIN_CLEAN_SPLITS = fewestCleanSplits();

  static final double[] COMMON_FAIL_BELOW = {40, 45, 50, 55, 60, 65, 70, 75};
  static final double[] MEMORISATION_FAIL_BELOW = {70, 80, 85, 90, 95};
  static final double[] MAX_RISK = {20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70};

  private static final int MISMATCHES_SHOWN = 10;

  /**
   * One value of a sweep.
   *
   * @param value the swept threshold
   * @param policyDefault whether this row is the run's own policy
   * @param cleanUpper the upper end of the {@link #LEVEL} Clopper-Pearson interval of {@code
   *     cleanRate}
   * @param eligible whether {@code cleanUpper} is at or below {@link #MAX_FPR}
   */
  record Row(
      double value,
      boolean policyDefault,
      int cleanRejected,
      int cleanTotal,
      double cleanRate,
      double cleanUpper,
      boolean eligible,
      int moderateRejected,
      int moderateTotal,
      double moderateRate) {}

  /**
   * A moderate-detection difference from the default.
   *
   * @param moderateDelta moderate defects rejected minus the default's
   * @param cleanDelta clean splits rejected minus the default's
   */
  record Change(double value, int moderateDelta, int cleanDelta) {}

  /**
   * One threshold varied over candidate values.
   *
   * @param rule what is varied, as in policy files
   * @param defaultValue the run's value (NaN when the run's policy is not one of the rows, as for
   *     dimension thresholds that differ from each other)
   * @param rows ascending by value, the run's value included
   * @param best the values that pass the rule: of the eligible ones, those that reject the most
   *     moderate defects; empty when none is eligible
   * @param defaultPasses whether the run's value is among them
   * @param changes the values whose moderate detection differs from the default's
   */
  record Sweep(
      String rule,
      double defaultValue,
      List<Row> rows,
      List<Double> best,
      boolean defaultPasses,
      List<Change> changes) {}

  /**
   * @param run the clean split that scored lowest
   * @param secondLowest the next clean score (another split's, possibly equal); NaN with one split
   */
  record Lowest(double lowest, String run, double secondLowest) {}

  record Extreme(double value, String run) {}

  /** Null when the outcomes hold no clean split or no moderate defect to compare. */
  static ThresholdSweep of(List<Outcome> all, Policy policy) {
    List<Outcome> ok = all.stream().filter(o -> o.error() == null).toList();
    List<Outcome> clean = ok.stream().filter(Outcome::clean).toList();
    List<Outcome> moderate = ok.stream().filter(o -> o.moderate() && !o.noOp()).toList();
    if (clean.isEmpty() || moderate.isEmpty()) {
      return null;
    }
    int reproduced = 0;
    List<String> mismatches = new ArrayList<>();
    for (Outcome o : ok) {
      if (rejects(o, policy) == o.rejected()) {
        reproduced++;
      } else if (mismatches.size() < MISMATCHES_SHOWN) {
        mismatches.add(run(o) + ": recorded " + (o.rejected() ? "rejected" : "approved"));
      }
    }
    double common = commonFailBelow(policy);
    List<Sweep> sweeps =
        List.of(
            sweep(
                "fail_below of every dimension but " + Dimension.MEMORISATION_PRIVACY.key(),
                COMMON_FAIL_BELOW,
                common,
                v -> withFailBelow(policy, v, false),
                policy,
                clean,
                moderate),
            sweep(
                Dimension.MEMORISATION_PRIVACY.key() + " fail_below",
                MEMORISATION_FAIL_BELOW,
                policy.threshold(Dimension.MEMORISATION_PRIVACY).failBelow(),
                v -> withFailBelow(policy, v, true),
                policy,
                clean,
                moderate),
            sweep(
                "max_risk",
                MAX_RISK,
                policy.maxRisk(),
                v -> withMaxRisk(policy, v),
                policy,
                clean,
                moderate));
    List<Outcome> rejectedModerate = moderate.stream().filter(Outcome::rejected).toList();
    int maxCleanRejected = maxCleanRejected(clean.size());
    return new ThresholdSweep(
        ok.size(),
        reproduced,
        mismatches,
        clean.size(),
        maxCleanRejected >= 0,
        MIN_CLEAN_SPLITS,
        maxCleanRejected,
        moderate.size(),
        sweeps,
        lowestClean(clean),
        clean.stream()
            .max(Comparator.comparingDouble(Outcome::risk))
            .map(o -> new Extreme(o.risk(), run(o)))
            .orElseThrow(),
        rejectedModerate.stream()
            .min(Comparator.comparingDouble(Outcome::risk))
            .map(o -> new Extreme(o.risk(), run(o)))
            .orElse(null),
        100
            - Arrays.stream(Dimension.values())
                .mapToDouble(d -> policy.threshold(d).failBelow())
                .min()
                .orElseThrow(),
        (int)
            rejectedModerate.stream()
                .filter(o -> !rejectsWithoutRisk(o, policy) && o.risk() >= policy.maxRisk())
                .count(),
        sweeps.stream().allMatch(Sweep::defaultPasses));
  }

  /**
   * The decision of {@code Verdicts.decide} from an outcome's record: reject when nothing was
   * scored, a check failed, a scored dimension lies strictly below its {@code fail_below}, or the
   * risk is at or above {@code max_risk}. The recorded risk is the verdict's, rounded to two
   * decimals as the verdict rounds it before comparing.
   */
  static boolean rejects(Outcome o, Policy policy) {
    return rejectsWithoutRisk(o, policy) || o.risk() >= policy.maxRisk();
  }

  private static boolean rejectsWithoutRisk(Outcome o, Policy policy) {
    if (o.dimensionScores().isEmpty() || !o.failedChecks().isEmpty()) {
      return true;
    }
    for (Map.Entry<String, Double> e : o.dimensionScores().entrySet()) {
      if (e.getValue() < policy.threshold(dimension(e.getKey())).failBelow()) {
        return true;
      }
    }
    return false;
  }

  private static Sweep sweep(
      String rule,
      double[] candidates,
      double runValue,
      DoubleFunction<Policy> policyAt,
      Policy policy,
      List<Outcome> clean,
      List<Outcome> moderate) {
    TreeSet<Double> values = new TreeSet<>();
    for (double v : candidates) {
      values.add(v);
    }
    if (!Double.isNaN(runValue)) {
      values.add(runValue);
    }
    List<Row> rows = new ArrayList<>();
    for (double v : values) {
      Policy p = policyAt.apply(v);
      int c = count(clean, p);
      int m = count(moderate, p);
      double upper = cleanUpper(c, clean.size());
      rows.add(
          new Row(
              v,
              sameDecisions(p, policy),
              c,
              clean.size(),
              c / (double) clean.size(),
              upper,
              upper <= MAX_FPR,
              m,
              moderate.size(),
              m / (double) moderate.size()));
    }
    Row base = rows.stream().filter(Row::policyDefault).findFirst().orElse(null);
    int bestDetection =
        rows.stream().filter(Row::eligible).mapToInt(Row::moderateRejected).max().orElse(-1);
    List<Double> best =
        rows.stream()
            .filter(r -> r.eligible() && r.moderateRejected() == bestDetection)
            .map(Row::value)
            .toList();
    List<Change> changes = new ArrayList<>();
    if (base != null) {
      for (Row r : rows) {
        if (r.moderateRejected() != base.moderateRejected()) {
          changes.add(
              new Change(
                  r.value(),
                  r.moderateRejected() - base.moderateRejected(),
                  r.cleanRejected() - base.cleanRejected()));
        }
      }
    }
    return new Sweep(
        rule,
        base == null ? Double.NaN : base.value(),
        rows,
        best,
        base != null && best.contains(base.value()),
        changes);
  }

  /** The upper end of the {@link #LEVEL} Clopper-Pearson interval of x clean rejections in n. */
  static double cleanUpper(int x, int n) {
    return Stats.clopperPearson(x, n, LEVEL).upper();
  }

  /**
   * The most rejections of {@code n} clean splits that stay eligible, or -1 when even none does.
   * The interval's upper end grows with the rejections, so the first that exceeds the target ends
   * the search.
   */
  static int maxCleanRejected(int n) {
    int x = -1;
    while (x < n && cleanUpper(x + 1, n) <= MAX_FPR) {
      x++;
    }
    return x;
  }

  /** The upper end for none of n falls with n, so the first n that reaches the target is it. */
  private static int fewestCleanSplits() {
    int n = 1;
    while (cleanUpper(0, n) > MAX_FPR) {
      n++;
    }
    return n;
  }

  private static int count(List<Outcome> runs, Policy p) {
    return (int) runs.stream().filter(o -> rejects(o, p)).count();
  }

  /** The fail_below shared by every dimension but memorisation, or NaN when they differ. */
  private static double commonFailBelow(Policy policy) {
    double v = Double.NaN;
    for (Dimension d : Dimension.values()) {
      if (d == Dimension.MEMORISATION_PRIVACY) {
        continue;
      }
      double f = policy.threshold(d).failBelow();
      if (Double.isNaN(v)) {
        v = f;
      } else if (v != f) {
        return Double.NaN;
      }
    }
    return v;
  }

  /** Whether two policies decide alike: same fail_below everywhere and the same max_risk. */
  private static boolean sameDecisions(Policy a, Policy b) {
    if (a.maxRisk() != b.maxRisk()) {
      return false;
    }
    for (Dimension d : Dimension.values()) {
      if (a.threshold(d).failBelow() != b.threshold(d).failBelow()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The policy with {@code fail_below} set to {@code v} on memorisation only, or on every other
   * dimension. A policy requires fail_below <= warn_below, so warn_below rises with it; warnings do
   * not decide.
   */
  static Policy withFailBelow(Policy p, double v, boolean memorisation) {
    Map<Dimension, Policy.Threshold> t = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      Policy.Threshold old = p.threshold(d);
      boolean swept = (d == Dimension.MEMORISATION_PRIVACY) == memorisation;
      t.put(d, swept ? new Policy.Threshold(Math.max(old.warnBelow(), v), v) : old);
    }
    return new Policy(
        p.name(),
        p.version(),
        p.maxRisk(),
        t,
        p.maxInvalidShare(),
        p.duplicateTolerance(),
        p.nearDuplicateTolerance());
  }

  static Policy withMaxRisk(Policy p, double v) {
    return new Policy(
        p.name(),
        p.version(),
        v,
        p.thresholds(),
        p.maxInvalidShare(),
        p.duplicateTolerance(),
        p.nearDuplicateTolerance());
  }

  private static Map<String, Lowest> lowestClean(List<Outcome> clean) {
    Map<String, Lowest> out = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      List<Outcome> scored =
          clean.stream()
              .filter(o -> o.dimensionScores().containsKey(d.key()))
              .sorted(Comparator.comparingDouble(o -> o.dimensionScores().get(d.key())))
              .toList();
      if (!scored.isEmpty()) {
        out.put(
            d.key(),
            new Lowest(
                scored.get(0).dimensionScores().get(d.key()),
                run(scored.get(0)),
                scored.size() > 1 ? scored.get(1).dimensionScores().get(d.key()) : Double.NaN));
      }
    }
    return out;
  }

  private static Dimension dimension(String key) {
    Dimension d = Dimension.fromKey(key);
    if (d == null) {
      throw new IllegalArgumentException("unknown dimension key in an outcome: " + key);
    }
    return d;
  }

  /** Names a run so that it can be found in {@code calibration.json}. */
  static String run(Outcome o) {
    return o.clean()
        ? o.dataset() + " clean seed " + o.seed()
        : String.format(
            Locale.ROOT, "%s %s %s seed %d", o.dataset(), o.family(), num(o.severity()), o.seed());
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
