package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.Policy;

/**
 * The threshold sweep on hand-made outcomes. Recorded decisions are labelled by hand from the
 * verdict's rule (reject when nothing was scored, a check failed, a dimension scored strictly below
 * its fail_below, or risk >= max_risk); risks follow the verdict's formula, round2(100 - (0.6 min +
 * 0.4 mean)), at least 75 with a failed check and 100 with nothing scored.
 */
class ThresholdSweepTest {
  private static final Policy DEFAULT = Policy.defaults();

  @Test
  void reDecidingAtTheDefaultReproducesEveryRecordedDecision() {
    List<Outcome> runs =
        List.of(
            clean(1, false, scores("distribution_fidelity", 90, "temporal_stability", 85)),
            // exactly at fail_below 60 passes: the verdict's comparison is strict
            clean(2, false, scores("distribution_fidelity", 60, "correlation_preservation", 90)),
            clean(3, true, scores("distribution_fidelity", 59.99, "correlation_preservation", 90)),
            // an unrounded score a hair under the threshold still fails
            clean(4, true, scores("diversity_retention", 59.996, "distribution_fidelity", 99)),
            clean(5, false, scores("memorisation_privacy", 60, "distribution_fidelity", 99)),
            clean(6, true, scores("memorisation_privacy", 59.5, "distribution_fidelity", 99)),
            // a failed check rejects with every dimension passing
            defect(7, true, true, 100, scores("distribution_fidelity", 95), "unparseable(age)"),
            // nothing scored: safety cannot be shown
            defect(8, true, true, 100, Map.of()),
            defect(
                9, true, false, 100, scores("rare_pattern_tail", 61, "multivariate_fidelity", 70)),
            defect(10, false, true, 100, scores("temporal_stability", 12)),
            // a no-op run is still a validation whose decision must reproduce
            defect(11, true, false, 0, scores("distribution_fidelity", 97)));

    for (Outcome o : runs) {
      assertThat(ThresholdSweep.rejects(o, DEFAULT))
          .as(ThresholdSweep.run(o))
          .isEqualTo(o.rejected());
    }
    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);
    assertThat(t.validations()).isEqualTo(runs.size());
    assertThat(t.reproduced()).isEqualTo(runs.size());
    assertThat(t.mismatches()).isEmpty();
  }

  @Test
  void maxRiskRejectsAtOrAboveIt() {
    Policy p = ThresholdSweep.withMaxRisk(DEFAULT, 30);
    Outcome at = withRisk(clean(1, false, scores("distribution_fidelity", 80)), 30.0);
    Outcome below = withRisk(clean(2, false, scores("distribution_fidelity", 80)), 29.99);
    assertThat(ThresholdSweep.rejects(at, p)).isTrue();
    assertThat(ThresholdSweep.rejects(below, p)).isFalse();
    assertThat(ThresholdSweep.rejects(at, DEFAULT)).isFalse();
  }

  @Test
  void countsModerateDefectsRejectedByTheRiskAlone() {
    Policy low = ThresholdSweep.withMaxRisk(DEFAULT, 30);
    Outcome byRisk =
        defect(
            1, true, true, 10, scores("distribution_fidelity", 90, "correlation_preservation", 62));
    Outcome byScore = defect(2, true, true, 10, scores("distribution_fidelity", 20));
    ThresholdSweep t =
        ThresholdSweep.of(
            List.of(clean(3, false, scores("distribution_fidelity", 99)), byRisk, byScore), low);
    assertThat(t.reproduced()).isEqualTo(3);
    assertThat(t.rejectedByRiskAlone()).isEqualTo(1);
    assertThat(t.lowestRejectedModerateRisk().value()).isEqualTo(32.4);
  }

  @Test
  void aDecisionThatTheRuleDoesNotReproduceIsReported() {
    Outcome wrong = clean(1, true, scores("distribution_fidelity", 90));
    ThresholdSweep t =
        ThresholdSweep.of(
            List.of(wrong, defect(2, true, true, 10, scores("distribution_fidelity", 20))),
            DEFAULT);
    assertThat(t.reproduced()).isEqualTo(1);
    assertThat(t.mismatches()).containsExactly("d clean seed 1: recorded rejected");
  }

  @Test
  void sweepsCountRejectionsPerCandidateValue() {
    List<Outcome> runs = new ArrayList<>();
    // clean splits: lowest non-memorisation scores 72, 66, 50 (rejected at the default), 93
    Outcome c1 =
        clean(
            1,
            false,
            scores(
                "distribution_fidelity",
                90,
                "correlation_preservation",
                72,
                "memorisation_privacy",
                95));
    Outcome c2 =
        clean(
            2,
            false,
            scores(
                "distribution_fidelity",
                80,
                "correlation_preservation",
                66,
                "memorisation_privacy",
                88));
    Outcome c3 =
        clean(
            3,
            true,
            scores(
                "distribution_fidelity", 85, "temporal_stability", 50, "memorisation_privacy", 99));
    Outcome c4 =
        clean(
            4,
            false,
            scores(
                "distribution_fidelity",
                95,
                "correlation_preservation",
                93,
                "memorisation_privacy",
                97));
    // moderate defects
    Outcome m1 =
        defect(
            11,
            true,
            true,
            10,
            scores(
                "distribution_fidelity",
                30,
                "correlation_preservation",
                80,
                "memorisation_privacy",
                90));
    Outcome m2 =
        defect(
            12,
            true,
            false,
            10,
            scores(
                "distribution_fidelity",
                85,
                "correlation_preservation",
                62,
                "memorisation_privacy",
                92));
    Outcome m3 =
        defect(
            13,
            true,
            false,
            10,
            scores(
                "distribution_fidelity",
                75,
                "correlation_preservation",
                88,
                "memorisation_privacy",
                83));
    Outcome m4 =
        defect(
            14,
            true,
            true,
            10,
            scores(
                "distribution_fidelity",
                90,
                "correlation_preservation",
                90,
                "memorisation_privacy",
                95),
            "invalid_cells(x)");
    Outcome m5 =
        defect(
            15,
            true,
            true,
            10,
            scores(
                "distribution_fidelity",
                58,
                "correlation_preservation",
                95,
                "memorisation_privacy",
                96));
    runs.addAll(List.of(c1, c2, c3, c4, m1, m2, m3, m4, m5));
    // left out of the counts: a milder severity, a no-op run and one that threw
    runs.add(defect(21, false, true, 10, scores("distribution_fidelity", 10)));
    runs.add(defect(22, true, false, 0, scores("distribution_fidelity", 99)));
    runs.add(
        new Outcome(
            "d",
            "row_duplication",
            0.2,
            true,
            23,
            0,
            false,
            Double.NaN,
            "none",
            "duplication",
            Double.NaN,
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            1,
            "IllegalStateException: boom"));

    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);
    assertThat(t.validations()).isEqualTo(11);
    assertThat(t.reproduced()).isEqualTo(11);
    assertThat(t.cleanTotal()).isEqualTo(4);
    assertThat(t.moderateTotal()).isEqualTo(5);

    ThresholdSweep.Sweep common = t.sweeps().get(0);
    assertThat(common.rule()).isEqualTo("fail_below of every dimension but memorisation_privacy");
    assertThat(common.rows())
        .extracting(
            ThresholdSweep.Row::value,
            ThresholdSweep.Row::cleanRejected,
            ThresholdSweep.Row::moderateRejected,
            ThresholdSweep.Row::policyDefault)
        .containsExactly(
            tuple(40.0, 0, 2, false),
            tuple(45.0, 0, 2, false),
            tuple(50.0, 0, 2, false),
            tuple(55.0, 1, 2, false),
            tuple(60.0, 1, 3, true),
            tuple(65.0, 1, 4, false),
            tuple(70.0, 2, 4, false),
            tuple(75.0, 3, 4, false));
    ThresholdSweep.Row atDefault = common.rows().get(4);
    assertThat(atDefault.cleanTotal()).isEqualTo(4);
    assertThat(atDefault.cleanRate()).isEqualTo(0.25);
    assertThat(atDefault.moderateTotal()).isEqualTo(5);
    assertThat(atDefault.moderateRate()).isEqualTo(0.6);
    // 1 of 4: the 95% Clopper-Pearson interval ends at 80.6%
    assertThat(atDefault.cleanUpper()).isCloseTo(0.80588, within(1e-5));
    assertThat(common.defaultValue()).isEqualTo(60.0);
    // four clean splits certify nothing: even none of four rejected ends far above 2%
    assertThat(t.certifiable()).isFalse();
    assertThat(t.maxCleanRejected()).isEqualTo(-1);
    assertThat(common.rows()).noneMatch(ThresholdSweep.Row::eligible);
    assertThat(common.best()).isEmpty();
    assertThat(common.defaultPasses()).isFalse();
    assertThat(common.changes())
        .extracting(
            ThresholdSweep.Change::value,
            ThresholdSweep.Change::moderateDelta,
            ThresholdSweep.Change::cleanDelta)
        .containsExactly(
            tuple(40.0, -1, -1),
            tuple(45.0, -1, -1),
            tuple(50.0, -1, -1),
            tuple(55.0, -1, 0),
            tuple(65.0, 1, 0),
            tuple(70.0, 1, 1),
            tuple(75.0, 1, 2));

    ThresholdSweep.Sweep memorisation = t.sweeps().get(1);
    assertThat(memorisation.rule()).isEqualTo("memorisation_privacy fail_below");
    assertThat(memorisation.rows())
        .extracting(
            ThresholdSweep.Row::value,
            ThresholdSweep.Row::cleanRejected,
            ThresholdSweep.Row::moderateRejected,
            ThresholdSweep.Row::policyDefault)
        .containsExactly(
            tuple(60.0, 1, 3, true),
            tuple(70.0, 1, 3, false),
            tuple(80.0, 1, 3, false),
            tuple(85.0, 1, 4, false),
            tuple(90.0, 2, 4, false),
            tuple(95.0, 2, 5, false));

    ThresholdSweep.Sweep risk = t.sweeps().get(2);
    assertThat(risk.rule()).isEqualTo("max_risk");
    assertThat(risk.rows())
        .extracting(
            ThresholdSweep.Row::value,
            ThresholdSweep.Row::cleanRejected,
            ThresholdSweep.Row::moderateRejected)
        .containsExactly(
            tuple(20.0, 3, 5),
            tuple(25.0, 2, 4),
            tuple(30.0, 1, 4),
            tuple(35.0, 1, 3),
            tuple(40.0, 1, 3),
            tuple(45.0, 1, 3),
            tuple(50.0, 1, 3),
            tuple(55.0, 1, 3),
            tuple(60.0, 1, 3),
            tuple(65.0, 1, 3),
            tuple(70.0, 1, 3));
    assertThat(risk.rows())
        .filteredOn(ThresholdSweep.Row::policyDefault)
        .extracting(ThresholdSweep.Row::value)
        .containsExactly(60.0);

    assertThat(t.lowestClean())
        .containsExactly(
            Map.entry("distribution_fidelity", new ThresholdSweep.Lowest(80, "d clean seed 2", 85)),
            Map.entry(
                "correlation_preservation", new ThresholdSweep.Lowest(66, "d clean seed 2", 72)),
            Map.entry("memorisation_privacy", new ThresholdSweep.Lowest(88, "d clean seed 2", 95)),
            Map.entry(
                "temporal_stability", new ThresholdSweep.Lowest(50, "d clean seed 3", Double.NaN)));
    assertThat(t.highestCleanRisk()).isEqualTo(new ThresholdSweep.Extreme(38.8, "d clean seed 3"));
    assertThat(t.lowestRejectedModerateRisk())
        .isEqualTo(new ThresholdSweep.Extreme(32.0, "d category_collapse 0.4 seed 15"));
    assertThat(t.riskCeiling()).isEqualTo(40.0);
    assertThat(t.rejectedByRiskAlone()).isZero();
    assertThat(t.defaultPasses()).isFalse();
  }

  @Test
  void theDefaultPassesWhenNoValueWithinTheFalsePositiveTargetDetectsMore() {
    List<Outcome> runs = baseScenario();
    // two clean splits at 64 make fail_below 65 and max_risk 30 cost 2 clean splits: 3 of 402,
    // whose interval ends at 2.2% > 2%, while the default's 1 of 402 ends at 1.4%
    runs.add(
        clean(201, false, scores("distribution_fidelity", 90, "correlation_preservation", 64)));
    runs.add(
        clean(202, false, scores("distribution_fidelity", 90, "correlation_preservation", 64)));
    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);

    assertThat(t.cleanTotal()).isEqualTo(402);
    assertThat(t.certifiable()).isTrue();
    ThresholdSweep.Sweep common = t.sweeps().get(0);
    assertThat(common.rows())
        .extracting(
            ThresholdSweep.Row::value,
            ThresholdSweep.Row::cleanRejected,
            ThresholdSweep.Row::eligible)
        .contains(tuple(60.0, 1, true), tuple(65.0, 3, false));
    assertThat(common.best()).containsExactly(60.0);
    assertThat(common.defaultPasses()).isTrue();
    assertThat(common.changes())
        .extracting(ThresholdSweep.Change::value, ThresholdSweep.Change::moderateDelta)
        .containsExactly(
            tuple(40.0, -1),
            tuple(45.0, -1),
            tuple(50.0, -1),
            tuple(55.0, -1),
            tuple(65.0, 1),
            tuple(70.0, 1),
            tuple(75.0, 1));
    assertThat(common.changes().get(4).cleanDelta()).isEqualTo(2);
    assertThat(t.sweeps().get(1).changes()).isEmpty();
    assertThat(t.sweeps().get(1).defaultPasses()).isTrue();
    assertThat(t.sweeps().get(2).defaultPasses()).isTrue();
    assertThat(t.defaultPasses()).isTrue();
  }

  @Test
  void theDefaultFailsWhenAnotherValueDetectsMoreWithinTheTarget() {
    ThresholdSweep t = ThresholdSweep.of(baseScenario(), DEFAULT);

    assertThat(t.certifiable()).isTrue();
    ThresholdSweep.Sweep common = t.sweeps().get(0);
    assertThat(common.best()).containsExactly(65.0, 70.0, 75.0);
    assertThat(common.defaultPasses()).isFalse();
    assertThat(common.changes())
        .filteredOn(c -> c.value() == 65.0)
        .extracting(ThresholdSweep.Change::moderateDelta, ThresholdSweep.Change::cleanDelta)
        .containsExactly(tuple(1, 0));
    assertThat(t.sweeps().get(2).best()).containsExactly(20.0, 25.0, 30.0);
    assertThat(t.defaultPasses()).isFalse();
  }

  @Test
  void noSweepWithoutCleanOrModerateRuns() {
    assertThat(
            ThresholdSweep.of(
                List.of(clean(1, false, scores("distribution_fidelity", 90))), DEFAULT))
        .isNull();
    assertThat(
            ThresholdSweep.of(
                List.of(defect(1, true, true, 5, scores("distribution_fidelity", 9))), DEFAULT))
        .isNull();
  }

  @Test
  void theReportCarriesTheSweep() {
    List<Outcome> runs = baseScenario();
    Calibration.Result result =
        new Calibration.Result(CalibrationPlan.quick(), runs, List.of(), Map.of("d", 1000), 1.0);
    Summary s = Summary.of(runs);
    String md = CalibrationReport.markdown(result, s, "test");
    assertThat(md)
        .contains("### Threshold sweep")
        .contains("reproduces 411 of 411 recorded decisions")
        .contains("(here: at most 2 clean splits rejected)")
        .contains(
            "| **`fail_below of every dimension but memorisation_privacy` = 60 (default)** |"
                + " 1/400 = 0.3% | 1.4% | 9/10 = 90.0% |")
        .contains("| `max_risk` = 30 | 1/400 = 0.3% | 1.4% | 10/10 = 100.0% |")
        .contains("65 (+1 moderate, +0 clean)")
        .contains("the risk is at most 40, so a `max_risk` above that never decides alone")
        .contains("**The default policy does not pass**")
        .doesNotContain("not certified");
    ObjectNode json = CalibrationReport.json(result, s, "test");
    ObjectNode sweep = (ObjectNode) json.get("threshold_sweep");
    assertThat(sweep.get("sweeps")).hasSize(3);
    assertThat(sweep.get("reproduced").asInt()).isEqualTo(411);
    assertThat(sweep.get("certifiable").asBoolean()).isTrue();
    assertThat(sweep.get("minCleanSplits").asInt()).isEqualTo(183);
    assertThat(sweep.get("maxCleanRejected").asInt()).isEqualTo(2);
    assertThat(sweep.get("sweeps").get(0).get("rows").get(4).get("cleanUpper").asDouble())
        .isCloseTo(0.01385, within(1e-5));
    assertThat(sweep.get("sweeps").get(0).get("rows").get(4).get("eligible").asBoolean()).isTrue();
  }

  @Test
  void oneFalsePositiveIn320IsEligibleAndTwoAreNot() {
    List<Outcome> runs = new ArrayList<>();
    addPassingClean(runs, 318);
    // rejected from fail_below 60 (the default) and from 65
    runs.add(clean(1, true, scores("distribution_fidelity", 90, "correlation_preservation", 57)));
    runs.add(clean(2, false, scores("distribution_fidelity", 90, "correlation_preservation", 62)));
    // caught from 60 and from 65: the stricter value detects more but costs the second clean split
    runs.add(defect(10, true, true, 10, scores("distribution_fidelity", 58)));
    runs.add(defect(11, true, false, 10, scores("distribution_fidelity", 63)));
    for (int i = 0; i < 8; i++) {
      runs.add(defect(20 + i, true, true, 10, scores("distribution_fidelity", 30)));
    }
    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);

    assertThat(t.reproduced()).isEqualTo(runs.size());
    assertThat(t.cleanTotal()).isEqualTo(320);
    assertThat(t.certifiable()).isTrue();
    assertThat(t.maxCleanRejected()).isEqualTo(1);
    ThresholdSweep.Sweep common = t.sweeps().get(0);
    ThresholdSweep.Row at60 = common.rows().get(4);
    ThresholdSweep.Row at65 = common.rows().get(5);
    assertThat(at60.value()).isEqualTo(60.0);
    assertThat(at60.cleanRejected()).isEqualTo(1);
    assertThat(at60.cleanUpper()).isCloseTo(0.01729, within(1e-5));
    assertThat(at60.eligible()).isTrue();
    assertThat(at65.value()).isEqualTo(65.0);
    assertThat(at65.cleanRejected()).isEqualTo(2);
    assertThat(at65.cleanUpper()).isCloseTo(0.02239, within(1e-5));
    assertThat(at65.eligible()).isFalse();
    assertThat(at65.moderateRejected()).isGreaterThan(at60.moderateRejected());
    // both point estimates are below 2%; only the interval keeps 65 out
    assertThat(at65.cleanRate()).isLessThan(ThresholdSweep.MAX_FPR);
    assertThat(common.best()).containsExactly(60.0);
    assertThat(common.defaultPasses()).isTrue();
  }

  @Test
  void tooFewCleanSplitsCertifyNothing() {
    List<Outcome> runs = new ArrayList<>();
    // the quick subset's 16 clean splits, none rejected, and the default best by every count
    addPassingClean(runs, 16);
    for (int i = 0; i < 5; i++) {
      runs.add(defect(20 + i, true, true, 10, scores("distribution_fidelity", 30)));
    }
    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);

    assertThat(t.certifiable()).isFalse();
    assertThat(t.minCleanSplits()).isEqualTo(ThresholdSweep.MIN_CLEAN_SPLITS);
    assertThat(t.maxCleanRejected()).isEqualTo(-1);
    for (ThresholdSweep.Sweep w : t.sweeps()) {
      assertThat(w.changes()).as(w.rule()).isEmpty();
      assertThat(w.rows()).as(w.rule()).noneMatch(ThresholdSweep.Row::eligible);
      assertThat(w.best()).as(w.rule()).isEmpty();
      assertThat(w.defaultPasses()).as(w.rule()).isFalse();
    }
    assertThat(t.defaultPasses()).isFalse();

    Calibration.Result result =
        new Calibration.Result(CalibrationPlan.quick(), runs, List.of(), Map.of("d", 1000), 1.0);
    String md = CalibrationReport.markdown(result, Summary.of(runs), "test");
    assertThat(md)
        .contains(
            "too few clean splits to certify a 2% false-positive rate at 95% confidence (at least"
                + " 183 clean splits with none rejected are needed)")
        .contains("| 0/16 = 0.0% | 20.6% (not eligible) | 5/5 = 100.0% |")
        .contains("the default 60 cannot be certified (too few clean splits)")
        .contains("**The default policy is not certified**")
        .contains("for lack of evidence, not because another value is better")
        .doesNotContain("does not pass")
        .doesNotContain("values that pass");
  }

  @Test
  void theMinimumCleanSplitsFollowFromTheInterval() {
    // none of n ends at 1 - 0.025^(1/n): 2.006% at 182, 1.996% at 183
    assertThat(ThresholdSweep.MIN_CLEAN_SPLITS).isEqualTo(183);
    assertThat(ThresholdSweep.cleanUpper(0, 183)).isLessThanOrEqualTo(ThresholdSweep.MAX_FPR);
    assertThat(ThresholdSweep.cleanUpper(0, 182)).isGreaterThan(ThresholdSweep.MAX_FPR);
    assertThat(ThresholdSweep.maxCleanRejected(182)).isEqualTo(-1);
    assertThat(ThresholdSweep.maxCleanRejected(183)).isZero();
    assertThat(ThresholdSweep.maxCleanRejected(320)).isEqualTo(1);
    assertThat(ThresholdSweep.maxCleanRejected(400)).isEqualTo(2);

    List<Outcome> runs = new ArrayList<>();
    addPassingClean(runs, 182);
    runs.add(defect(1, true, true, 10, scores("distribution_fidelity", 30)));
    assertThat(ThresholdSweep.of(runs, DEFAULT).certifiable()).isFalse();
    addPassingClean(runs, 1);
    ThresholdSweep t = ThresholdSweep.of(runs, DEFAULT);
    assertThat(t.certifiable()).isTrue();
    assertThat(t.defaultPasses()).isTrue();
  }

  /**
   * 400 clean splits (one rejected: temporal 50; enough for one or two to stay eligible) and 10
   * moderate defects: 8 plainly rejected, one at 57 (caught from fail_below 60), one at 62 (caught
   * from 65, or by max_risk 30 on risk 32.4).
   */
  private static List<Outcome> baseScenario() {
    List<Outcome> runs = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      runs.add(
          clean(100 + i, false, scores("distribution_fidelity", 90, "temporal_stability", 90)));
    }
    runs.add(clean(199, true, scores("distribution_fidelity", 90, "temporal_stability", 50)));
    addPassingClean(runs, 300);
    for (int i = 0; i < 8; i++) {
      runs.add(defect(300 + i, true, true, 10, scores("distribution_fidelity", 30)));
    }
    runs.add(
        defect(310, true, true, 10, scores("distribution_fidelity", 57, "temporal_stability", 90)));
    runs.add(
        defect(
            311,
            true,
            false,
            10,
            scores("distribution_fidelity", 90, "correlation_preservation", 62)));
    runs.add(defect(312, false, true, 10, scores("distribution_fidelity", 20)));
    return runs;
  }

  /**
   * Adds {@code n} clean splits that no swept value rejects (every score 99, risk 1), seeded from
   * 10,000 so that they name runs apart from the hand-made ones.
   */
  private static void addPassingClean(List<Outcome> runs, int n) {
    for (int i = 0; i < n; i++) {
      runs.add(
          clean(
              10_000 + runs.size(),
              false,
              scores("distribution_fidelity", 99, "memorisation_privacy", 99)));
    }
  }

  private static Outcome clean(long seed, boolean rejected, Map<String, Double> scores) {
    return new Outcome(
        "d",
        "clean",
        0,
        false,
        seed,
        0,
        rejected,
        risk(scores, List.of()),
        "none",
        "none",
        Double.NaN,
        scores,
        List.of(),
        List.of(),
        List.of(),
        1,
        null);
  }

  private static Outcome defect(
      long seed,
      boolean moderate,
      boolean rejected,
      int changedRows,
      Map<String, Double> scores,
      String... failedChecks) {
    List<String> checks = List.of(failedChecks);
    return new Outcome(
        "d",
        "category_collapse",
        moderate ? 0.4 : 0.1,
        moderate,
        seed,
        changedRows,
        rejected,
        risk(scores, checks),
        "none",
        "c_rare_pattern",
        Double.NaN,
        scores,
        checks,
        List.of(),
        List.of(),
        1,
        null);
  }

  private static Outcome withRisk(Outcome o, double risk) {
    return new Outcome(
        o.dataset(),
        o.family(),
        o.severity(),
        o.moderate(),
        o.seed(),
        o.changedRows(),
        o.rejected(),
        risk,
        o.primaryType(),
        o.expectedType(),
        o.baselineQuality(),
        o.dimensionScores(),
        o.failedChecks(),
        o.weakestEvidence(),
        o.curves(),
        o.millis(),
        o.error());
  }

  /** The verdict's risk, as documented in Verdicts. */
  private static double risk(Map<String, Double> scores, List<String> failedChecks) {
    if (scores.isEmpty()) {
      return 100;
    }
    double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double mean = scores.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double r = Math.max(0, Math.min(100, 100 - (0.6 * min + 0.4 * mean)));
    if (!failedChecks.isEmpty()) {
      r = Math.max(r, 75);
    }
    return Math.round(r * 100) / 100.0;
  }

  private static Map<String, Double> scores(Object... keyValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
    }
    return m;
  }
}
