package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CheckKind;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.SideCounts;
import org.synthos.core.assess.measure.Temporal;
import org.synthos.core.assess.pool.Pool;

/**
 * Drift along time (or row order) of each tracked column. With a reference, the drift is judged
 * against shuffled order widened by the reference's own drift; without one, a drifting column is a
 * warning check, since drift cannot be told from real change over time.
 */
final class TemporalJudge {
  static final int DRIFT_SHUFFLES = 10;
  static final int SPARSE_DRIFT_SHUFFLES = 30;
  static final double SPARSE_SHARE = 0.5;

  private TemporalJudge() {}

  /** The drift of each judged column, and its evidence, in column order. */
  record Drifts(Map<String, Temporal.Drift> drifts, List<Evidence> evidence) {
    /** No column tracked: drift was not judged. */
    static final Drifts NONE = new Drifts(Map.of(), List.of());
  }

  static Drifts judge(Judging j) {
    Pool data = j.data;
    Pool.Var timeVar = j.timeVar;
    Map<String, Temporal.Drift> drifts = new LinkedHashMap<>();
    List<Evidence> driftEvidence = new ArrayList<>();
    List<Pool.Var> vars = data.distributionVars().stream().filter(v -> v != timeVar).toList();
    int[] candOrder = Temporal.order(data, timeVar, true);
    if (candOrder.length < Temporal.SEGMENTS * Temporal.MIN_ROWS_PER_SEGMENT) {
      j.notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "too few candidate rows ("
              + candOrder.length
              + ") to cut into "
              + Temporal.SEGMENTS
              + " segments of at least "
              + Temporal.MIN_ROWS_PER_SEGMENT);
      return new Drifts(drifts, driftEvidence);
    }
    if (vars.isEmpty()) {
      j.notApplicable.put(
          Dimension.TEMPORAL_STABILITY, "no column besides the time column to track");
      return new Drifts(drifts, driftEvidence);
    }
    int[] refOrder = data.hasReference() ? Temporal.order(data, timeVar, false) : null;
    boolean refUsable =
        refOrder != null && refOrder.length >= Temporal.SEGMENTS * Temporal.MIN_ROWS_PER_SEGMENT;
    String along = timeVar == null ? "row order" : "'" + timeVar.name + "'";
    for (Pool.Var v : vars) {
      // A sparse column's max-over-segments distance has a heavy right tail; more shuffles
      // estimate its band's spread more reliably.
      boolean sparse = SideCounts.present(data, v)[0] < SPARSE_SHARE * data.nC;
      int b = Math.min(j.options.replicates(), sparse ? SPARSE_DRIFT_SHUFFLES : DRIFT_SHUFFLES);
      Temporal.Drift dc = Temporal.drift(v, candOrder, b, j.plan.temporalRandom);
      if (Double.isNaN(dc.statistic())) {
        continue;
      }
      drifts.put(v.name, dc);
      NullBand band = Bands.of(dc.nulls());
      String detail =
          "largest distance between a fifth of the candidate along " + along + " and the rest";
      if (dc.skippedSegments() > 0) {
        detail +=
            String.format(
                Locale.ROOT,
                " (%d of %d fifths hold fewer than %d present values and are left out)",
                dc.skippedSegments(),
                Temporal.SEGMENTS,
                Temporal.MIN_PRESENT_PER_SEGMENT);
      }
      if (refUsable) {
        Temporal.Drift dr = Temporal.drift(v, refOrder, b, j.plan.temporalRandom);
        if (!Double.isNaN(dr.statistic())) {
          double width = 1.5 * (band.upper() - band.mean());
          double upper = Math.max(band.upper(), dr.statistic() + width);
          band = new NullBand(band.mean(), upper, band.replicates());
          detail +=
              String.format(Locale.ROOT, "; the reference's own drift is %.3f", dr.statistic());
        }
      }
      Evidence e =
          Evidence.of(
              v.numeric ? Measure.SEGMENT_KS : Measure.SEGMENT_TVD,
              Subject.of(v.name),
              dc.statistic(),
              band,
              detail);
      driftEvidence.add(e);
      if (data.hasReference()) {
        j.add(e);
      } else if (e.score() < 100) {
        j.checks.add(
            new Check(
                CheckKind.SEGMENT_DRIFT,
                v.name,
                Status.WARN,
                e.value(),
                band.upper(),
                String.format(
                    Locale.ROOT,
                    "'%s' drifts along %s: a fifth of the rows differs from the rest by %.3f, shuffled"
                        + " order gives up to %.3f",
                    v.name,
                    along,
                    e.value(),
                    band.upper())));
      }
    }
    if (drifts.isEmpty()) {
      j.notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "no tracked column has at least "
              + Temporal.MIN_PRESENT_PER_SEGMENT
              + " present values in two of the "
              + Temporal.SEGMENTS
              + " segments along "
              + along);
    } else if (!data.hasReference()) {
      j.notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "without a reference, drift along "
              + along
              + " cannot be told from real change over time; drifting columns are listed as"
              + " segment_drift checks");
    }
    return new Drifts(drifts, driftEvidence);
  }
}
