package org.synthos.core.assess.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.synthos.core.assess.Cause;
import org.synthos.core.assess.CauseSummary;
import org.synthos.core.assess.CheckKind;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.judge.Findings;
import org.synthos.core.assess.measure.Mahalanobis;
import org.synthos.core.assess.measure.SideCounts;
import org.synthos.core.assess.measure.Support;
import org.synthos.core.assess.measure.Temporal;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.Pool;

/**
 * Names the candidate rows behind each finding. Duplicates and copies of reference rows are facts
 * and always listed; the other causes are listed only when the dimension or check they explain
 * warns or fails, so a passing dataset is not blamed for sampling noise.
 */
public final class Localiser {
  private static final int EXAMPLES = 20;

  /**
   * The most rows named per cause found over every row (exact duplicates, exact reference copies);
   * their counts stay exact. Bounds the report and its memory on files of many millions of rows.
   */
  public static final int LISTED_ROWS = 200_000;

  private final Findings a;
  private final Pool data;
  private final ExactRows exactRows;

  /**
   * @param exactRows exact duplicates and copies over every row of both files, or null when only
   *     the held rows are known
   */
  public Localiser(Findings findings, Pool data, ExactRows exactRows) {
    this.a = findings;
    this.data = data;
    this.exactRows = exactRows;
  }

  /** Candidate pooled indices flagged per cause. */
  public Map<Cause, List<FlaggedRow>> flag() {
    Map<Cause, List<FlaggedRow>> out = new EnumMap<>(Cause.class);
    duplicates(out);
    referenceCopies(out);
    if (troubled(Dimension.MULTIVARIATE_FIDELITY)) {
      offManifold(out);
    }
    boolean supportTrouble =
        a.checks().stream()
            .anyMatch(c -> c.kind() == CheckKind.OUT_OF_SUPPORT && c.status() != Status.PASS);
    if (supportTrouble) {
      StringBuilder[] reasons = new StringBuilder[data.nC];
      boolean[] flagged = Support.outOfSupportRows(data, reasons);
      List<FlaggedRow> rows = new ArrayList<>();
      for (int i = 0; i < data.nC; i++) {
        if (flagged[i]) {
          rows.add(
              new FlaggedRow(data.rowNumbers[i], Cause.OUT_OF_SUPPORT, -1, reasons[i].toString()));
        }
      }
      put(out, Cause.OUT_OF_SUPPORT, rows);
    }
    if (troubled(Dimension.TEMPORAL_STABILITY)
        || a.checks().stream().anyMatch(c -> c.kind() == CheckKind.SEGMENT_DRIFT)) {
      drifted(out);
    }
    if (troubled(Dimension.DISTRIBUTION_FIDELITY)
        || troubled(Dimension.DIVERSITY_RETENTION)
        || !shiftedTargets(a).isEmpty()) {
      modes(out);
    }
    if (troubled(Dimension.DIVERSITY_RETENTION) && data.hasReference()) {
      put(out, Cause.REPEATED_TEXT, TextRepeats.rows(data));
      put(
          out,
          Cause.TEMPLATED_TEXT,
          TemplatedTexts.rows(data, beyondBand(Measure.TEXT_HEAD_SHARE_EXCESS)));
    }
    return out;
  }

  /**
   * Off-manifold rows: sampled candidates outside every reference k-NN ball, and any candidate
   * whose squared Mahalanobis distance exceeds the reference's own largest (or 99.9th percentile).
   */
  private void offManifold(Map<Cause, List<FlaggedRow>> out) {
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] flagged = new boolean[data.nC];
    double[] d2 = Mahalanobis.squaredDistances(data);
    if (d2 != null) {
      double limit = Mahalanobis.referenceLimit(data, d2);
      for (int i = 0; i < data.nC; i++) {
        if (d2[i] > limit) {
          flagged[i] = true;
          rows.add(
              new FlaggedRow(
                  data.rowNumbers[i],
                  Cause.OFF_MANIFOLD,
                  -1,
                  String.format(
                      Locale.ROOT,
                      "squared Mahalanobis distance %.1f from the reference mean exceeds the"
                          + " reference's own %.1f",
                      d2[i],
                      limit)));
        }
      }
    }
    Findings.Neighbours mv = a.neighbours();
    if (mv != null) {
      for (int j = 0; j < mv.rows().length; j++) {
        if (mv.offManifold()[j] && !flagged[mv.rows()[j]]) {
          rows.add(
              new FlaggedRow(
                  data.rowNumbers[mv.rows()[j]],
                  Cause.OFF_MANIFOLD,
                  -1,
                  "outside the 5-nearest-neighbour ball of every sampled reference row"));
        }
      }
    }
    put(out, Cause.OFF_MANIFOLD, rows);
  }

  /** The columns on which {@code m} lies beyond its null band's upper edge. */
  private Set<String> beyondBand(Measure m) {
    Set<String> columns = new HashSet<>();
    for (DimensionResult r : a.dimensions()) {
      if (r instanceof DimensionResult.Scored sc) {
        for (Evidence e : sc.evidence()) {
          if (e.measure() == m && e.column() != null && e.value() > e.nullBand().upper()) {
            columns.add(e.column());
          }
        }
      }
    }
    return columns;
  }

  /**
   * The targets whose class shares were found shifted ({@link Measure#TARGET_PRIOR_SHIFT} below 100
   * in a learnability dimension that warns or fails): their over-represented classes are flagged,
   * and rebalanced, like an over-represented category.
   */
  static Set<String> shiftedTargets(Findings a) {
    Set<String> out = new TreeSet<>();
    for (DimensionResult r : a.dimensions()) {
      if (r.dimension() == Dimension.LEARNABILITY
          && r instanceof DimensionResult.Scored sc
          && sc.status() != Status.PASS) {
        for (Evidence e : sc.evidence()) {
          if (e.measure() == Measure.TARGET_PRIOR_SHIFT && e.score() < 100) {
            out.add(e.column());
          }
        }
      }
    }
    return out;
  }

  private boolean troubled(Dimension d) {
    return a.dimensions().stream()
        .anyMatch(
            r ->
                r.dimension() == d
                    && r instanceof DimensionResult.Scored sc
                    && sc.status() != Status.PASS);
  }

  private static void put(Map<Cause, List<FlaggedRow>> out, Cause cause, List<FlaggedRow> rows) {
    if (!rows.isEmpty()) {
      rows.sort(Comparator.comparingLong(FlaggedRow::row));
      out.put(cause, rows);
    }
  }

  private void duplicates(Map<Cause, List<FlaggedRow>> out) {
    int[] firstExact = firstCandidate(data.exactGroup);
    int[] firstNear = firstCandidate(data.nearGroup);
    List<FlaggedRow> exact = new ArrayList<>();
    List<FlaggedRow> near = new ArrayList<>();
    ExactRows all = exactRows;
    if (all != null) {
      for (int k = 0; k < all.duplicates.length; k++) {
        exact.add(exactDuplicate(all.duplicates[k], all.duplicateOf[k]));
      }
    }
    for (int i = 0; i < data.nC; i++) {
      int fe = firstExact[data.exactGroup[i]];
      if (fe != i) {
        if (all == null) {
          exact.add(exactDuplicate(data.rowNumbers[i], data.rowNumbers[fe]));
        }
        continue;
      }
      int fn = firstNear[data.nearGroup[i]];
      if (fn != i) {
        long first = data.rowNumbers[fn];
        near.add(
            new FlaggedRow(
                data.rowNumbers[i],
                Cause.NEAR_DUPLICATE,
                first,
                "equal to row "
                    + first
                    + " on every category and, on every number, within 0.1% of a standard"
                    + " deviation or 1% of its value"));
      }
    }
    put(out, Cause.EXACT_DUPLICATE, exact);
    put(out, Cause.NEAR_DUPLICATE, near);
  }

  private static FlaggedRow exactDuplicate(long row, long first) {
    return new FlaggedRow(row, Cause.EXACT_DUPLICATE, first, "same values as row " + first);
  }

  /** For each group, the candidate row with the smallest file row, or -1. */
  private int[] firstCandidate(int[] group) {
    int[] first = new int[data.n];
    Arrays.fill(first, -1);
    for (int i = 0; i < data.nC; i++) {
      int g = group[i];
      if (first[g] < 0 || data.rowNumbers[i] < data.rowNumbers[first[g]]) {
        first[g] = i;
      }
    }
    return first;
  }

  private void referenceCopies(Map<Cause, List<FlaggedRow>> out) {
    if (!data.hasReference()) {
      return;
    }
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] done = new boolean[data.nC];
    ExactRows all = exactRows;
    if (all != null) {
      for (int k = 0; k < all.copies.length; k++) {
        rows.add(referenceCopy(all.copies[k], all.copyOf[k]));
      }
      for (int i = 0; i < data.nC; i++) {
        done[i] = Arrays.binarySearch(all.copies, data.rowNumbers[i]) >= 0;
      }
    } else {
      long[] refRow = new long[data.n];
      Arrays.fill(refRow, -1);
      for (int i = data.nC; i < data.n; i++) {
        int g = data.exactGroup[i];
        if (refRow[g] < 0 || data.rowNumbers[i] < refRow[g]) {
          refRow[g] = data.rowNumbers[i];
        }
      }
      for (int i = 0; i < data.nC; i++) {
        long r = refRow[data.exactGroup[i]];
        if (r >= 0) {
          rows.add(referenceCopy(data.rowNumbers[i], r));
          done[i] = true;
        }
      }
    }
    Findings.Neighbours mv = a.neighbours();
    if (troubled(Dimension.MEMORISATION_PRIVACY) && mv != null) {
      for (int j = 0; j < mv.rows().length; j++) {
        int i = mv.rows()[j];
        if (mv.closeCopies()[j] && !done[i]) {
          rows.add(
              new FlaggedRow(
                  data.rowNumbers[i],
                  Cause.REFERENCE_COPY,
                  -1,
                  "within a tenth of the closest reference row's own nearest-neighbour distance"));
        }
      }
    }
    put(out, Cause.REFERENCE_COPY, rows);
  }

  private static FlaggedRow referenceCopy(long row, long referenceRow) {
    return new FlaggedRow(
        row, Cause.REFERENCE_COPY, referenceRow, "identical to reference row " + referenceRow);
  }

  private void drifted(Map<Cause, List<FlaggedRow>> out) {
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] seen = new boolean[data.nC];
    for (Evidence e : a.driftEvidence()) {
      if (e.score() >= 100) {
        continue;
      }
      Temporal.Drift d = a.drifts().get(e.column());
      for (int seg = 0; seg < Temporal.SEGMENTS; seg++) {
        if (d.segmentDistances()[seg] <= e.nullBand().upper()) {
          continue;
        }
        for (int i : d.segmentRows()[seg]) {
          if (!seen[i]) {
            seen[i] = true;
            rows.add(
                new FlaggedRow(
                    data.rowNumbers[i],
                    Cause.DRIFTED_SEGMENT,
                    seg + 1,
                    String.format(
                        Locale.ROOT,
                        "in segment %d of %d, where '%s' differs from the rest by %.3f",
                        seg + 1,
                        Temporal.SEGMENTS,
                        e.column(),
                        d.segmentDistances()[seg])));
          }
        }
      }
    }
    put(out, Cause.DRIFTED_SEGMENT, rows);
  }

  private void modes(Map<Cause, List<FlaggedRow>> out) {
    List<FlaggedRow> rows = new ArrayList<>();
    boolean[] seen = new boolean[data.nC];
    List<Pool.Var> vars = data.distributionVars();
    boolean[] obs = data.observedLabels();
    int group = 0;
    for (int[] vc : SideCounts.overRepresented(data, shiftedTargets(a))) {
      group++;
      Pool.Var v = vars.get(vc[0]);
      double[][] p = SideCounts.shares(data, v, obs);
      String reason =
          String.format(
              Locale.ROOT,
              "%s = '%s' holds %.1f%% of the candidate but %.1f%% of the reference",
              v.name,
              v.dictionary[vc[1]],
              100 * p[0][vc[1]],
              100 * p[1][vc[1]]);
      for (int i = 0; i < data.nC; i++) {
        if (v.codes[i] == vc[1] && !seen[i]) {
          seen[i] = true;
          rows.add(new FlaggedRow(data.rowNumbers[i], Cause.OVER_REPRESENTED_MODE, group, reason));
        }
      }
    }
    put(out, Cause.OVER_REPRESENTED_MODE, rows);
  }

  /**
   * Totals per cause. Exact duplicates and exact reference copies are counted over every candidate
   * row when {@code all} is known (their listing may stop at {@link #LISTED_ROWS}); the other
   * causes over the {@code analysedRows} held rows.
   */
  public static List<CauseSummary> summarise(
      Map<Cause, List<FlaggedRow>> flagged, long analysedRows, ExactRows all) {
    List<CauseSummary> out = new ArrayList<>();
    for (Map.Entry<Cause, List<FlaggedRow>> e : flagged.entrySet()) {
      List<FlaggedRow> rows = e.getValue();
      long count = rows.size();
      long groups =
          rows.stream().mapToLong(FlaggedRow::group).filter(g -> g >= 0).distinct().count();
      long of = analysedRows;
      String scope = "of the analysed candidate";
      if (all != null && e.getKey() == Cause.EXACT_DUPLICATE) {
        count += all.duplicateRows - all.duplicates.length;
        groups = all.duplicateGroups;
        of = all.candidateRows;
        scope = "of all candidate rows";
      } else if (all != null && e.getKey() == Cause.REFERENCE_COPY) {
        count += all.copiedRows - all.copies.length;
        of = all.candidateRows;
        scope = "of all candidate rows";
      }
      List<Long> examples = rows.stream().limit(EXAMPLES).map(FlaggedRow::row).toList();
      out.add(
          new CauseSummary(
              e.getKey(),
              count,
              groups,
              examples,
              String.format(
                  Locale.ROOT,
                  "%d rows (%.1f%% %s) %s",
                  count,
                  100.0 * count / Math.max(1, of),
                  scope,
                  rowsPhrase(e.getKey()))));
    }
    return out;
  }

  private static String rowsPhrase(Cause c) {
    return switch (c) {
      case EXACT_DUPLICATE -> "repeat an earlier row exactly";
      case NEAR_DUPLICATE -> "nearly repeat another row";
      case REFERENCE_COPY -> "copy or nearly copy a reference row";
      case OFF_MANIFOLD -> "lie outside the reference's neighbourhoods (among sampled rows)";
      case OUT_OF_SUPPORT -> "hold a value the reference never shows";
      case DRIFTED_SEGMENT -> "lie in segments that drift";
      case OVER_REPRESENTED_MODE -> "belong to over-represented categories";
      case REPEATED_TEXT -> "repeat another row's text, exactly or nearly";
      case TEMPLATED_TEXT -> "fill an over-represented template (all words but the last alike)";
    };
  }
}
