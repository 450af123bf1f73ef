package org.synthos.bench.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a calibration run, computed from its outcomes.
 *
 * @param falsePositives clean splits rejected, with the 95% Clopper-Pearson interval
 * @param falsePositivesByDataset the same per dataset
 * @param detection rejected share per family and severity (severities ascending)
 * @param typedDetection share per family at moderate severity that was rejected with the expected
 *     primary type
 * @param auc ROC AUC of the risk score, clean vs moderate defective
 * @param aucByFamily the same per family
 * @param baselineAuc the baseline's AUC (1 - quality as the score), clean vs moderate defective
 * @param baselineAucByFamily the same per family
 * @param baselineThreshold the baseline's best single threshold on 1 - quality, chosen on these
 *     runs
 * @param baselineDetection per family at moderate severity, the share the baseline flags at that
 *     threshold
 * @param datasetAuc per dataset and family at moderate severity, {Synthos AUC, baseline AUC}
 * @param confusion per family (with its expected type), primary type counts at moderate severity
 * @param errors validations that threw
 * @param noOps per family, runs left out because the defect changed no row of that dataset
 * @param meanMillis mean wall time of one validation (baseline included)
 * @param thresholdSweep every validation re-decided under other thresholds; null without clean or
 *     moderate runs
 */
record Summary(
    Stats.Proportion falsePositives,
    Map<String, Stats.Proportion> falsePositivesByDataset,
    Map<String, Map<Double, Stats.Proportion>> detection,
    Map<String, Stats.Proportion> typedDetection,
    double auc,
    Map<String, Double> aucByFamily,
    double baselineAuc,
    Map<String, Double> baselineAucByFamily,
    Stats.Threshold baselineThreshold,
    Map<String, Double> baselineDetection,
    Map<String, Map<String, double[]>> datasetAuc,
    Map<String, Map<String, Integer>> confusion,
    List<Outcome> errors,
    Map<String, Long> noOps,
    double meanMillis,
    ThresholdSweep thresholdSweep) {

  static final double LEVEL = 0.95;

  static Summary of(List<Outcome> all) {
    List<Outcome> ok = all.stream().filter(o -> o.error() == null && !o.noOp()).toList();
    List<Outcome> clean = ok.stream().filter(Outcome::clean).toList();
    List<Outcome> moderate = ok.stream().filter(Outcome::moderate).toList();
    List<String> families = new ArrayList<>(new LinkedHashSet<>(families(ok)));

    Map<String, Stats.Proportion> fpByDataset = new LinkedHashMap<>();
    for (String d : new LinkedHashSet<>(clean.stream().map(Outcome::dataset).toList())) {
      fpByDataset.put(d, rejected(clean.stream().filter(o -> o.dataset().equals(d)).toList()));
    }
    Map<String, Map<Double, Stats.Proportion>> detection = new LinkedHashMap<>();
    Map<String, Stats.Proportion> typed = new LinkedHashMap<>();
    Map<String, Double> aucs = new LinkedHashMap<>();
    Map<String, Double> baseAucs = new LinkedHashMap<>();
    for (String f : families) {
      List<Outcome> runs = ok.stream().filter(o -> o.family().equals(f)).toList();
      Map<Double, Stats.Proportion> bySeverity = new java.util.TreeMap<>();
      for (double s : new java.util.TreeSet<>(runs.stream().map(Outcome::severity).toList())) {
        bySeverity.put(s, rejected(runs.stream().filter(o -> o.severity() == s).toList()));
      }
      detection.put(f, bySeverity);
      List<Outcome> mod = runs.stream().filter(Outcome::moderate).toList();
      if (!mod.isEmpty()) {
        int hit =
            (int)
                mod.stream()
                    .filter(o -> o.rejected() && o.primaryType().equals(o.expectedType()))
                    .count();
        typed.put(f, Stats.clopperPearson(hit, mod.size(), LEVEL));
        aucs.put(f, Stats.auc(values(clean, Outcome::risk), values(mod, Outcome::risk)));
        baseAucs.put(
            f,
            Stats.auc(
                values(withBaseline(clean), Outcome::baselineRisk),
                values(withBaseline(mod), Outcome::baselineRisk)));
      }
    }
    Stats.Threshold threshold =
        clean.isEmpty() || moderate.isEmpty()
            ? null
            : Stats.bestThreshold(
                values(withBaseline(clean), Outcome::baselineRisk),
                values(withBaseline(moderate), Outcome::baselineRisk));
    Map<String, Double> baseDetection = new LinkedHashMap<>();
    if (threshold != null) {
      for (String f : typed.keySet()) {
        baseDetection.put(
            f,
            Stats.share(
                values(
                    withBaseline(moderate.stream().filter(o -> o.family().equals(f)).toList()),
                    Outcome::baselineRisk),
                threshold.threshold()));
      }
    }
    Map<String, Map<String, double[]>> datasetAuc = new LinkedHashMap<>();
    for (String d : fpByDataset.keySet()) {
      List<Outcome> dClean = clean.stream().filter(o -> o.dataset().equals(d)).toList();
      Map<String, double[]> byFamily = new LinkedHashMap<>();
      for (String f : typed.keySet()) {
        List<Outcome> dMod =
            moderate.stream().filter(o -> o.dataset().equals(d) && o.family().equals(f)).toList();
        if (!dMod.isEmpty()) {
          byFamily.put(
              f,
              new double[] {
                Stats.auc(values(dClean, Outcome::risk), values(dMod, Outcome::risk)),
                Stats.auc(
                    values(withBaseline(dClean), Outcome::baselineRisk),
                    values(withBaseline(dMod), Outcome::baselineRisk))
              });
        }
      }
      datasetAuc.put(d, byFamily);
    }
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    for (Outcome o : moderate) {
      confusion
          .computeIfAbsent(o.family() + " (" + o.expectedType() + ")", k -> new LinkedHashMap<>())
          .merge(o.primaryType(), 1, Integer::sum);
    }
    return new Summary(
        clean.isEmpty() ? null : rejected(clean),
        fpByDataset,
        detection,
        typed,
        Stats.auc(values(clean, Outcome::risk), values(moderate, Outcome::risk)),
        aucs,
        Stats.auc(
            values(withBaseline(clean), Outcome::baselineRisk),
            values(withBaseline(moderate), Outcome::baselineRisk)),
        baseAucs,
        threshold,
        baseDetection,
        datasetAuc,
        confusion,
        all.stream().filter(o -> o.error() != null).toList(),
        all.stream()
            .filter(o -> o.error() == null && o.noOp())
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Outcome::family,
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting())),
        all.stream().mapToLong(Outcome::millis).average().orElse(Double.NaN),
        ThresholdSweep.of(all, Calibration.OPTIONS.policy()));
  }

  private static List<String> families(List<Outcome> ok) {
    return ok.stream().filter(Predicate.not(Outcome::clean)).map(Outcome::family).toList();
  }

  private static Stats.Proportion rejected(List<Outcome> runs) {
    return Stats.clopperPearson(
        (int) runs.stream().filter(Outcome::rejected).count(), runs.size(), LEVEL);
  }

  private static List<Outcome> withBaseline(List<Outcome> runs) {
    return runs.stream().filter(o -> !Double.isNaN(o.baselineQuality())).toList();
  }

  private static double[] values(List<Outcome> runs, ToDoubleFunction<Outcome> f) {
    return runs.stream().mapToDouble(f).toArray();
  }
}
