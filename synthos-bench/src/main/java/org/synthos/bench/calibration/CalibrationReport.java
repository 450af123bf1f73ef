package org.synthos.bench.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Writes a calibration run as {@code calibration.json} (every outcome) and a markdown report. */
final class CalibrationReport {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CalibrationReport() {}

  static void write(Path dir, Calibration.Result result, Summary s, String command)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("calibration.json"),
        MAPPER.writeValueAsString(json(result, s, command)),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("calibration.md"), markdown(result, s, command), StandardCharsets.UTF_8);
  }

  static ObjectNode json(Calibration.Result result, Summary s, String command) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("benchmark", "calibration");
    root.put("measured_at", Instant.now().toString());
    root.put("command", command);
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("threads", result.plan().threads());
    root.put("wall_seconds", result.wallSeconds());
    root.set("plan", MAPPER.valueToTree(result.plan()));
    root.set("dataset_rows", MAPPER.valueToTree(result.datasetRows()));
    root.set("skipped", MAPPER.valueToTree(result.skipped()));
    ObjectNode summary = root.putObject("summary");
    summary.set("false_positive_rate", MAPPER.valueToTree(s.falsePositives()));
    summary.set("false_positive_rate_by_dataset", MAPPER.valueToTree(s.falsePositivesByDataset()));
    summary.set("detection", MAPPER.valueToTree(s.detection()));
    summary.set("detection_with_expected_type", MAPPER.valueToTree(s.typedDetection()));
    summary.put("auc", s.auc());
    summary.set("auc_by_family", MAPPER.valueToTree(s.aucByFamily()));
    summary.put("baseline_auc", s.baselineAuc());
    summary.set("baseline_auc_by_family", MAPPER.valueToTree(s.baselineAucByFamily()));
    summary.set("baseline_threshold", MAPPER.valueToTree(s.baselineThreshold()));
    summary.set("baseline_detection", MAPPER.valueToTree(s.baselineDetection()));
    summary.set("dataset_auc_synthos_baseline", MAPPER.valueToTree(s.datasetAuc()));
    summary.set("confusion", MAPPER.valueToTree(s.confusion()));
    summary.put("errors", s.errors().size());
    summary.set("no_op_runs", MAPPER.valueToTree(s.noOps()));
    summary.put("mean_validation_millis", s.meanMillis());
    root.set("threshold_sweep", MAPPER.valueToTree(s.thresholdSweep()));
    ArrayNode outcomes = root.putArray("outcomes");
    result.outcomes().forEach(o -> outcomes.add(MAPPER.valueToTree(o)));
    return root;
  }

  static String markdown(Calibration.Result result, Summary s, String command) {
    StringBuilder md = new StringBuilder();
    md.append("## Calibration results\n\n");
    md.append(
        f(
            "`%s`: %d validations on %d datasets (%s), %.0f s wall on %d threads (%d cores),"
                + " %.2f s per validation.\n\n",
            command,
            result.outcomes().size(),
            result.datasetRows().size(),
            rowsList(result.datasetRows()),
            result.wallSeconds(),
            result.plan().threads(),
            Runtime.getRuntime().availableProcessors(),
            s.meanMillis() / 1000));
    for (String skipped : result.skipped()) {
      md.append("- skipped: ").append(skipped).append('\n');
    }
    if (!s.errors().isEmpty()) {
      md.append(f("\n**%d validations threw**, first: %s\n", s.errors().size(), describe(s)));
    }
    md.append(
        "\n### Headline figures\n\n| Figure | Synthos | Baseline (SDMetrics-style) | Target |\n");
    md.append("|---|---|---|---|\n");
    if (s.falsePositives() != null) {
      md.append(
          f(
              "| False-positive rate on clean splits | %s | %s at its best threshold | <= 2%% |\n",
              proportion(s.falsePositives()),
              s.baselineThreshold() == null
                  ? "n/a"
                  : pct(s.baselineThreshold().falsePositiveRate())));
    }
    md.append(
        f(
            "| ROC AUC, clean vs moderate defects (all families) | %.4f | %.4f | >= 0.98 and above"
                + " the baseline |\n",
            s.auc(), s.baselineAuc()));
    if (s.baselineThreshold() != null) {
      md.append(
          f(
              "| Detection at moderate severity (all families) | %s | %s at its best threshold |"
                  + " >= 95%% per family |\n",
              pct(moderateDetection(result)), pct(s.baselineThreshold().truePositiveRate())));
      md.append(
          f(
              "\nThe baseline's threshold (flag when quality < %.4f) maximises TPR - FPR on these"
                  + " same runs, which favours the baseline; Synthos uses its fixed default"
                  + " policy.\n",
              1 - s.baselineThreshold().threshold()));
    }
    curves(md, result);

    md.append("\n### Detection rate by family and severity (Synthos rejects)\n\n");
    TreeSet<String> cols = new TreeSet<>();
    md.append(
        "| Family | expected type | severities: detection | moderate: with expected type |"
            + " AUC Synthos | AUC baseline | baseline detection |\n|---|---|---|---|---|---|---|\n");
    for (var e : s.detection().entrySet()) {
      String fam = e.getKey();
      StringBuilder sev = new StringBuilder();
      for (Map.Entry<Double, Stats.Proportion> x : e.getValue().entrySet()) {
        if (sev.length() > 0) {
          sev.append(", ");
        }
        sev.append(f("%s: %s", num(x.getKey()), pct(x.getValue().rate())));
      }
      Stats.Proportion typed = s.typedDetection().get(fam);
      md.append(
          f(
              "| %s | %s | %s | %s | %s | %s | %s |\n",
              fam,
              result.outcomes().stream()
                  .filter(o -> o.family().equals(fam))
                  .map(Outcome::expectedType)
                  .findFirst()
                  .orElse("-"),
              sev,
              typed == null ? "-" : pct(typed.rate()),
              fmt(s.aucByFamily().get(fam)),
              fmt(s.baselineAucByFamily().get(fam)),
              s.baselineDetection().containsKey(fam) ? pct(s.baselineDetection().get(fam)) : "-"));
    }

    if (!s.noOps().isEmpty()) {
      md.append(
          f(
              "\nLeft out because the defect changed no row of the dataset (e.g. no category"
                  + " below 5%% to lose): %s.\n",
              s.noOps()));
    }

    md.append(
        "\n### Where the baseline separates at least as well (per dataset, moderate severity)\n\n"
            + "Dataset and family pairs whose baseline AUC is at least Synthos' AUC, Synthos' being"
            + " below 1.\n\n| Dataset | family | AUC Synthos | AUC baseline |\n|---|---|---|---|\n");
    int rows = 0;
    for (var d : s.datasetAuc().entrySet()) {
      for (var e : d.getValue().entrySet()) {
        double[] a = e.getValue();
        if (a[1] >= a[0] && a[0] < 1) {
          md.append(f("| %s | %s | %.3f | %.3f |\n", d.getKey(), e.getKey(), a[0], a[1]));
          rows++;
        }
      }
    }
    if (rows == 0) {
      md.append("| (none) | | | |\n");
    }

    md.append(
        "\n### False-positive rate by dataset\n\n| Dataset | rows | rejected clean splits |\n");
    md.append("|---|---|---|\n");
    for (var e : s.falsePositivesByDataset().entrySet()) {
      md.append(
          f(
              "| %s | %d | %s |\n",
              e.getKey(), result.datasetRows().get(e.getKey()), proportion(e.getValue())));
    }

    md.append(
        "\n### Collapse-type confusion (moderate severity; rows: family (expected type), columns: primary type)\n\n");
    s.confusion().values().forEach(m -> cols.addAll(m.keySet()));
    md.append("| family (expected) \\ primary |");
    cols.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n|---|");
    cols.forEach(c -> md.append("---|"));
    md.append('\n');
    for (var e : s.confusion().entrySet()) {
      md.append("| ").append(e.getKey()).append(" |");
      for (String c : cols) {
        md.append(' ').append(e.getValue().getOrDefault(c, 0)).append(" |");
      }
      md.append('\n');
    }
    if (s.thresholdSweep() != null) {
      sweep(md, s.thresholdSweep());
    }
    return md.toString();
  }

  private static void sweep(StringBuilder md, ThresholdSweep t) {
    md.append("\n### Threshold sweep\n\n");
    md.append(
        f(
            "Every validation re-decided under other thresholds from its recorded dimension scores,"
                + " failed checks and risk (none of which depends on the thresholds): reject when"
                + " nothing was scored, a check failed, a dimension scored strictly below its"
                + " `fail_below`, or the risk is at or above `max_risk`. At the run's policy this"
                + " reproduces %d of %d recorded decisions.\n",
            t.reproduced(), t.validations()));
    if (t.reproduced() != t.validations()) {
      md.append(
          f(
              "\n**%d recorded decisions differ from the re-decision, so the sweep below does not"
                  + " replicate the verdict**; first: %s.\n",
              t.validations() - t.reproduced(), String.join("; ", t.mismatches())));
    }
    md.append(
        f(
            "\nClean splits: %d; moderate defects: %d (no-op runs left out). A value is eligible"
                + " when the upper end of the %.0f%% Clopper-Pearson interval of its clean"
                + " false-positive rate is at or below %.0f%%%s. A value passes when it is eligible"
                + " and no other eligible value of its sweep rejects more moderate defects.\n\n",
            t.cleanTotal(),
            t.moderateTotal(),
            100 * ThresholdSweep.LEVEL,
            100 * ThresholdSweep.MAX_FPR,
            t.certifiable()
                ? f(
                    " (here: at most %d clean split%s rejected)",
                    t.maxCleanRejected(), t.maxCleanRejected() == 1 ? "" : "s")
                : ""));
    if (!t.certifiable()) {
      md.append(
          f(
              "**Not certifiable: %s**; with %d, even a value that rejects none is not eligible, so no value"
                  + " passes; the rows below describe the run but certify nothing.\n\n",
              tooFewCleanSplits(t), t.cleanTotal()));
    }
    md.append(
        f(
            "| Rule changed (rest default) | Clean splits rejected | Clean rate, %.0f%% upper bound"
                + " | Moderate defects rejected |\n"
                + "|---|---|---|---|\n",
            100 * ThresholdSweep.LEVEL));
    for (ThresholdSweep.Sweep w : t.sweeps()) {
      for (ThresholdSweep.Row r : w.rows()) {
        String rule = f("`%s` = %s", w.rule(), num(r.value()));
        md.append(
            f(
                "| %s | %d/%d = %s | %s%s | %d/%d = %s |\n",
                r.policyDefault() ? "**" + rule + " (default)**" : rule,
                r.cleanRejected(),
                r.cleanTotal(),
                pct(r.cleanRate()),
                pct(r.cleanUpper()),
                r.eligible() ? "" : " (not eligible)",
                r.moderateRejected(),
                r.moderateTotal(),
                pct(r.moderateRate())));
      }
    }
    md.append('\n');
    for (ThresholdSweep.Sweep w : t.sweeps()) {
      md.append(f("- `%s`: ", w.rule()));
      if (!t.certifiable()) {
        md.append(
            Double.isNaN(w.defaultValue())
                ? "the run's policy is not one of the values; no value can be certified"
                : f(
                    "the default %s cannot be certified (too few clean splits)",
                    num(w.defaultValue())));
      } else {
        if (Double.isNaN(w.defaultValue())) {
          md.append("the run's policy is not one of the values");
        } else {
          md.append(
              f(
                  "the default %s %s",
                  num(w.defaultValue()), w.defaultPasses() ? "passes" : "does not pass"));
        }
        md.append(
            w.best().isEmpty()
                ? f(
                    " (no value's clean false-positive rate is within %.0f%% at %.0f%%"
                        + " confidence)",
                    100 * ThresholdSweep.MAX_FPR, 100 * ThresholdSweep.LEVEL)
                : f(" (values that pass: %s)", nums(w.best())));
      }
      if (w.changes().isEmpty()) {
        md.append("; no value changes moderate detection.\n");
      } else {
        StringBuilder c = new StringBuilder();
        for (ThresholdSweep.Change x : w.changes()) {
          c.append(c.length() == 0 ? "" : ", ")
              .append(
                  f(
                      "%s (%+d moderate, %+d clean)",
                      num(x.value()), x.moderateDelta(), x.cleanDelta()));
        }
        md.append("; values that change moderate detection: ").append(c).append(".\n");
      }
    }
    md.append("- Lowest clean-split score per dimension (then the second lowest): ");
    StringBuilder low = new StringBuilder();
    t.lowestClean()
        .forEach(
            (d, l) ->
                low.append(low.length() == 0 ? "" : ", ")
                    .append(
                        f(
                            "%s %.2f (%s; then %s)",
                            d,
                            l.lowest(),
                            l.run(),
                            Double.isNaN(l.secondLowest()) ? "-" : f("%.2f", l.secondLowest()))));
    md.append(low).append(".\n");
    md.append(
        f(
            "- Highest clean risk: %.2f (%s). Lowest risk among rejected moderate defects: %s."
                + " With no dimension below its `fail_below` and no failed check the risk is at"
                + " most %s, so a `max_risk` above that never decides alone; moderate defects"
                + " rejected by the risk alone: %d.\n",
            t.highestCleanRisk().value(),
            t.highestCleanRisk().run(),
            t.lowestRejectedModerateRisk() == null
                ? "none rejected"
                : f(
                    "%.2f (%s)",
                    t.lowestRejectedModerateRisk().value(), t.lowestRejectedModerateRisk().run()),
            num(t.riskCeiling()),
            t.rejectedByRiskAlone()));
    if (!t.certifiable()) {
      md.append(
          f(
              "- **The default policy is not certified**: %s. This is for lack of evidence, not"
                  + " because another value is better.\n",
              tooFewCleanSplits(t)));
    } else {
      md.append(
          t.defaultPasses()
              ? "- **The default policy passes** in all three sweeps.\n"
              : "- **The default policy does not pass** in every sweep (above).\n");
    }
  }

  private static String tooFewCleanSplits(ThresholdSweep t) {
    return f(
        "too few clean splits to certify a %.0f%% false-positive rate at %.0f%% confidence (at"
            + " least %d clean splits with none rejected are needed)",
        100 * ThresholdSweep.MAX_FPR, 100 * ThresholdSweep.LEVEL, t.minCleanSplits());
  }

  private static String nums(List<Double> values) {
    StringBuilder b = new StringBuilder();
    values.forEach(v -> b.append(b.length() == 0 ? "" : ", ").append(num(v)));
    return b.toString();
  }

  private static double moderateDetection(Calibration.Result result) {
    return result.outcomes().stream()
        .filter(o -> o.error() == null && !o.noOp() && o.moderate())
        .mapToDouble(o -> o.rejected() ? 1 : 0)
        .average()
        .orElse(Double.NaN);
  }

  private static String describe(Summary s) {
    Outcome o = s.errors().get(0);
    return o.dataset()
        + " "
        + o.family()
        + " "
        + o.severity()
        + " seed "
        + o.seed()
        + ": "
        + o.error();
  }

  private static String rowsList(Map<String, Integer> rows) {
    StringBuilder b = new StringBuilder();
    rows.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k));
    return b.toString();
  }

  private static String proportion(Stats.Proportion p) {
    return f(
        "%d/%d = %s (95%% CI %s-%s)",
        p.successes(), p.trials(), pct(p.rate()), pct(p.lower()), pct(p.upper()));
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : f("%.1f%%", 100 * v);
  }

  private static String fmt(Double v) {
    return v == null || v.isNaN() ? "-" : f("%.3f", v);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : f("%.3g", v);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /**
   * The learning curves' held-out check on clean splits: how often the loss at the largest size lay
   * inside the 90% interval predicted from the smaller sizes (target: at least 90%), and the median
   * error of that prediction.
   */
  private static void curves(StringBuilder md, Calibration.Result result) {
    List<Outcome.CurveCheck> checks =
        result.outcomes().stream()
            .filter(o -> o.error() == null && o.clean())
            .flatMap(o -> o.curves().stream())
            .toList();
    if (checks.isEmpty()) {
      return;
    }
    long within = checks.stream().filter(Outcome.CurveCheck::within).count();
    md.append(
        f(
            "\nLearning curves on clean splits: the largest size's loss lay inside the 90%% interval"
                + " predicted from the smaller sizes in %d of %d fits (%s; target >= 90%%); median"
                + " absolute error %.4g, median relative error %s.\n",
            within,
            checks.size(),
            pct((double) within / checks.size()),
            median(checks.stream().mapToDouble(Outcome.CurveCheck::absoluteError).toArray()),
            pct(median(checks.stream().mapToDouble(Outcome.CurveCheck::relativeError).toArray()))));
  }

  private static double median(double[] v) {
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
