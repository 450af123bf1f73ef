package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.RiskLevel;
import org.synthos.core.assess.RootCause;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.Verdict;

/**
 * Turns dimension results and checks into a verdict.
 *
 * <ul>
 *   <li>Risk = 100 - (0.6 * lowest + 0.4 * mean) of the scored dimensions; at least 75 when a check
 *       fails; 100 when nothing could be scored (safety cannot be shown).
 *   <li>Reject when a dimension fails, a check fails, nothing was scored, or risk >= the policy's
 *       maximum.
 *   <li>Root causes: the deficit (100 - score) of each warning or failing dimension is split among
 *       collapse types in proportion to its evidence deficits; each failing check adds 50 to its
 *       type. When temporal stability fails, the distribution and correlation evidence of the
 *       drifting columns is attributed to temporal collapse (the drift explains it), and so is
 *       whole-row evidence when at least half of the tracked columns drift. Shares are the
 *       normalised sums; types holding at least 15% are the verdict's collapse types.
 *   <li>Collapse probability = 1 / (1 + exp(-(risk - 50) / 8)); monotone in risk and not yet
 *       calibrated against labelled outcomes, which the report states.
 *   <li>Confidence: 0.5 + 0.49 * min(1, margin / 20) on rejection (margin: how far the deciding
 *       score sits below its threshold); on approval 0.5 + 0.49 * min(1, margin / 40) * (judged
 *       dimensions / 7).
 * </ul>
 */
public final class Verdicts {
  public static final String PROBABILITY_METHOD =
      "logistic(risk; midpoint 50, scale 8): a monotone map of the risk score, not a calibrated"
          + " frequency";
  public static final double TYPE_SHARE = 0.15;
  public static final double CHECK_RISK_FLOOR = 75;
  public static final double CHECK_WEIGHT = 50;

  private Verdicts() {}

  public static Verdict decide(List<DimensionResult> dims, List<Check> checks, Policy policy) {
    List<DimensionResult.Scored> scored =
        dims.stream()
            .filter(DimensionResult.Scored.class::isInstance)
            .map(DimensionResult.Scored.class::cast)
            .toList();
    List<Check> failedChecks = checks.stream().filter(c -> c.status() == Status.FAIL).toList();
    List<String> reasons = new ArrayList<>();
    double risk;
    if (scored.isEmpty()) {
      risk = 100;
      reasons.add("no dimension could be judged, so the dataset cannot be shown to be safe");
    } else {
      double min = scored.stream().mapToDouble(DimensionResult.Scored::score).min().orElse(0);
      double mean = scored.stream().mapToDouble(DimensionResult.Scored::score).average().orElse(0);
      risk = clamp(100 - (0.6 * min + 0.4 * mean));
    }
    if (!failedChecks.isEmpty()) {
      risk = Math.max(risk, CHECK_RISK_FLOOR);
    }
    risk = round2(risk);
    double margin = Double.POSITIVE_INFINITY;
    boolean reject = scored.isEmpty();
    for (DimensionResult.Scored s : scored) {
      if (s.status() == Status.FAIL) {
        reject = true;
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s scored %.1f, below the fail threshold %.0f",
                s.dimension().title(),
                s.score(),
                s.failBelow()));
        margin = Math.min(margin, s.failBelow() - s.score());
      }
    }
    for (Check c : failedChecks) {
      reject = true;
      reasons.add("check " + c.kind().key() + " failed: " + c.detail());
      margin = Math.min(margin, 20);
    }
    if (risk >= policy.maxRisk()) {
      reject = true;
      reasons.add(
          String.format(
              Locale.ROOT,
              "risk %.1f is at or above the policy maximum %.0f",
              risk,
              policy.maxRisk()));
      margin = Math.min(margin, risk - policy.maxRisk() + 1);
    }
    double confidence;
    if (reject) {
      confidence = scored.isEmpty() ? 0.5 : 0.5 + 0.49 * Math.min(1, Math.max(0, margin) / 20);
    } else {
      double approveMargin =
          scored.stream().mapToDouble(s -> s.score() - s.failBelow()).min().orElse(0);
      approveMargin = Math.min(approveMargin, policy.maxRisk() - risk);
      int judgeable = Dimension.values().length - 1;
      confidence =
          0.5
              + 0.49
                  * Math.min(1, approveMargin / 40)
                  * Math.min(1, (double) scored.size() / judgeable);
      reasons.add(
          String.format(
              Locale.ROOT,
              "all %d judged dimensions are at or above their fail thresholds and risk %.1f is below"
                  + " %.0f",
              scored.size(),
              risk,
              policy.maxRisk()));
    }
    for (DimensionResult.Scored s : scored) {
      if (s.status() == Status.WARN) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "warning: %s scored %.1f, below %.0f",
                s.dimension().title(),
                s.score(),
                s.warnBelow()));
      }
    }
    for (DimensionResult d : dims) {
      if (d instanceof DimensionResult.NotApplicable na) {
        reasons.add("not judged: " + d.dimension().title() + " (" + na.reason() + ")");
      }
    }
    List<RootCause> causes = rootCauses(scored, failedChecks);
    List<CollapseType> types = new ArrayList<>();
    boolean anyTrouble = reject || scored.stream().anyMatch(s -> s.status() == Status.FAIL);
    if (anyTrouble) {
      for (RootCause rc : causes) {
        if (rc.share() >= TYPE_SHARE) {
          types.add(rc.type());
        }
      }
    }
    double probability = round4(1 / (1 + Math.exp(-(risk - 50) / 8)));
    return new Verdict(
        reject ? Decision.REJECT : Decision.APPROVE,
        round4(confidence),
        risk,
        RiskLevel.of(risk),
        probability,
        PROBABILITY_METHOD,
        types,
        causes,
        reasons);
  }

  private static List<RootCause> rootCauses(
      List<DimensionResult.Scored> scored, List<Check> failed) {
    Set<String> drifting = driftingColumns(scored);
    boolean pervasive = pervasiveDrift(scored, drifting);
    Map<CollapseType, Double> deficit = new EnumMap<>(CollapseType.class);
    for (DimensionResult.Scored s : scored) {
      if (s.status() == Status.PASS) {
        continue;
      }
      Map<CollapseType, Double> within = new EnumMap<>(CollapseType.class);
      double attributed = 0;
      for (Evidence e : s.evidence()) {
        if (e.score() >= 100) {
          continue;
        }
        // A measure that cannot tell the type keeps its share of the deficit unattributed,
        // rather than lending it to the typed measures of the same dimension.
        attributed += 100 - e.score();
        if (e.cause() == null) {
          continue;
        }
        CollapseType type =
            explainedByDrift(e, drifting, pervasive) ? CollapseType.D_TEMPORAL : e.cause();
        within.merge(type, 100 - e.score(), Double::sum);
      }
      double dimensionDeficit = 100 - s.score();
      for (Map.Entry<CollapseType, Double> w : within.entrySet()) {
        deficit.merge(w.getKey(), dimensionDeficit * w.getValue() / attributed, Double::sum);
      }
    }
    for (Check c : failed) {
      deficit.merge(c.cause(), CHECK_WEIGHT, Double::sum);
    }
    double total = deficit.values().stream().mapToDouble(Double::doubleValue).sum();
    List<RootCause> out = new ArrayList<>();
    if (total <= 0) {
      return out;
    }
    deficit.forEach((t, v) -> out.add(new RootCause(t, round4(v / total))));
    out.sort(
        (a, b) ->
            a.share() != b.share()
                ? Double.compare(b.share(), a.share())
                : a.type().compareTo(b.type()));
    return out;
  }

  /** Columns whose temporal evidence lost points while temporal stability fails. */
  private static Set<String> driftingColumns(List<DimensionResult.Scored> scored) {
    Set<String> cols = new HashSet<>();
    for (DimensionResult.Scored s : scored) {
      if (s.dimension() == Dimension.TEMPORAL_STABILITY && s.status() == Status.FAIL) {
        for (Evidence e : s.evidence()) {
          if (e.score() < 100) {
            cols.addAll(e.subject().columns());
          }
        }
      }
    }
    return cols;
  }

  /** At least half of the tracked columns drift: whole-row measures are then explained too. */
  private static boolean pervasiveDrift(List<DimensionResult.Scored> scored, Set<String> drifting) {
    for (DimensionResult.Scored s : scored) {
      if (s.dimension() == Dimension.TEMPORAL_STABILITY) {
        return !drifting.isEmpty() && 2 * drifting.size() >= s.evidence().size();
      }
    }
    return false;
  }

  /**
   * A drifting column's marginal and pairwise changes are consequences of the drift: a column that
   * moves along time differs from the reference overall and co-moves with other drifting columns.
   * Its evidence is attributed to temporal collapse.
   */
  private static boolean explainedByDrift(Evidence e, Set<String> drifting, boolean pervasive) {
    if (drifting.isEmpty()) {
      return false;
    }
    if (e.cause() != CollapseType.A_DISTRIBUTION && e.cause() != CollapseType.B_CORRELATION) {
      return false;
    }
    if (e.subject().columns().isEmpty()) {
      return pervasive;
    }
    for (String part : e.subject().columns()) {
      if (drifting.contains(part)) {
        return true;
      }
    }
    return false;
  }

  public static double clamp(double x) {
    return Math.max(0, Math.min(100, x));
  }

  public static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }

  public static double round4(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
