package org.synthos.core.assess.judge;

import java.util.Arrays;
import java.util.Locale;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CheckKind;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.SchemaDifference;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.SideCounts;
import org.synthos.core.assess.measure.Support;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * The checks outside the dimensions: schema differences, unreadable cells, degenerate and
 * concentrated columns, outliers (without a reference) and values outside the reference's support.
 */
final class StructureChecks {
  private final Judging j;
  private final Pool data;

  private StructureChecks(Judging j) {
    this.j = j;
    this.data = j.data;
  }

  static void run(Judging j, RawTable cand) {
    StructureChecks s = new StructureChecks(j);
    s.schema();
    s.invalidCells(cand);
    s.columns();
    if (j.data.hasReference()) {
      s.outOfSupport();
    }
  }

  private void schema() {
    for (SchemaDifference diff : data.differences) {
      switch (diff.kind()) {
        case MISSING_IN_CANDIDATE ->
            j.checks.add(
                new Check(
                    CheckKind.SCHEMA_MISSING_COLUMN,
                    diff.column(),
                    Status.FAIL,
                    1,
                    0,
                    "the reference has column '" + diff.column() + "' but the candidate does not"));
        case EXTRA_IN_CANDIDATE ->
            j.checks.add(
                new Check(
                    CheckKind.SCHEMA_EXTRA_COLUMN,
                    diff.column(),
                    Status.WARN,
                    1,
                    0,
                    "the candidate has column '"
                        + diff.column()
                        + "' that the reference lacks; it is not compared"));
        case RETYPED ->
            j.checks.add(
                new Check(
                    CheckKind.SCHEMA_RETYPED_COLUMN,
                    diff.column(),
                    Status.FAIL,
                    1,
                    0,
                    "column '"
                        + diff.column()
                        + "' is "
                        + diff.candidateType().label()
                        + " in the candidate but "
                        + diff.referenceType().label()
                        + " in the reference"));
      }
    }
  }

  private void invalidCells(RawTable cand) {
    Policy p = j.options.policy();
    for (int c = 0; c < cand.schema.size(); c++) {
      String name = cand.schema.field(c).name();
      double invalidShare = (double) cand.invalidCells[c] / cand.totalRows;
      if (invalidShare > 0) {
        j.checks.add(
            new Check(
                CheckKind.INVALID_CELLS,
                name,
                invalidShare > p.maxInvalidShare() ? Status.FAIL : Status.WARN,
                invalidShare,
                p.maxInvalidShare(),
                String.format(
                    Locale.ROOT,
                    "%d cells (%.2f%%) could not be read as %s",
                    cand.invalidCells[c],
                    100 * invalidShare,
                    cand.schema.field(c).type().label())));
      }
    }
  }

  private void columns() {
    boolean[] obs = data.observedLabels();
    for (Pool.Var v : data.vars) {
      int[] present = SideCounts.present(data, v);
      int distinct = SideCounts.distinct(data, v, true);
      if (present[0] == 0 && data.nC > 0) {
        boolean refHas = data.hasReference() && present[1] > 0;
        j.checks.add(
            new Check(
                CheckKind.ALL_NULL_COLUMN,
                v.name,
                refHas ? Status.FAIL : Status.WARN,
                1,
                Double.NaN,
                "every candidate cell of '"
                    + v.name
                    + "' is null"
                    + (refHas ? " while the reference has values" : "")));
        continue;
      }
      if (distinct == 1 && present[0] >= 2) {
        boolean refVaries = data.hasReference() && SideCounts.distinct(data, v, false) > 1;
        j.checks.add(
            new Check(
                CheckKind.CONSTANT_COLUMN,
                v.name,
                Status.WARN,
                1,
                Double.NaN,
                "'"
                    + v.name
                    + "' holds a single value in the candidate"
                    + (refVaries ? " but varies in the reference" : "")));
      }
      if (!v.numeric && !v.text && present[0] > 0) {
        concentration(v, distinct, SideCounts.shares(data, v, obs));
      }
      if (v.numeric && !data.hasReference()) {
        outliers(v);
      }
    }
  }

  private void concentration(Pool.Var v, int distinct, double[][] sh) {
    double top = 0;
    for (double x : sh[0]) {
      top = Math.max(top, x);
    }
    double refTop = 0;
    if (sh[1] != null) {
      for (double x : sh[1]) {
        refTop = Math.max(refTop, x);
      }
    }
    if (distinct > 1 && top >= 0.9 && (sh[1] == null || refTop < 0.9)) {
      j.checks.add(
          new Check(
              CheckKind.MODE_CONCENTRATION,
              v.name,
              Status.WARN,
              top,
              0.9,
              String.format(
                  Locale.ROOT,
                  "the most frequent value of '%s' holds %.1f%% of the candidate%s",
                  v.name,
                  100 * top,
                  sh[1] == null
                      ? ""
                      : String.format(Locale.ROOT, " (reference %.1f%%)", 100 * refTop))));
    }
    if (!data.hasReference() && distinct > 1) {
      double h = Measures.entropy(sh[0]) / Math.log(distinct);
      if (h < 0.2) {
        j.checks.add(
            new Check(
                CheckKind.LOW_ENTROPY,
                v.name,
                Status.WARN,
                h,
                0.2,
                String.format(
                    Locale.ROOT,
                    "'%s' has normalised entropy %.3f over %d values",
                    v.name,
                    h,
                    distinct)));
      }
    }
  }

  private void outliers(Pool.Var v) {
    double[] x = new double[v.sorted.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = v.values[v.sorted[k]];
    }
    if (x.length < Judging.MIN_ROWS) {
      return;
    }
    double median = x[x.length / 2];
    double[] dev = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      dev[k] = Math.abs(x[k] - median);
    }
    Arrays.sort(dev);
    double mad = 1.4826 * dev[dev.length / 2];
    if (!(mad > 0)) {
      return;
    }
    int outliers = 0;
    for (double xi : x) {
      if (Math.abs(xi - median) / mad > 6) {
        outliers++;
      }
    }
    double share = (double) outliers / x.length;
    if (share > 0.01) {
      j.checks.add(
          new Check(
              CheckKind.OUTLIERS,
              v.name,
              Status.WARN,
              share,
              0.01,
              String.format(
                  Locale.ROOT,
                  "%.1f%% of '%s' lies more than 6 robust standard deviations from the median",
                  100 * share,
                  v.name)));
    }
  }

  /**
   * Out-of-support rows: compared with the share that halves of the reference show against each
   * other (a conservative baseline, as a half sees less of the support). Warn above that band and
   * 1%; fail when the excess exceeds the policy's invalid share.
   */
  private void outOfSupport() {
    Resampling plan = j.plan;
    double share = Support.outOfSupportShare(data, plan.observedBytes());
    if (Double.isNaN(share) || share == 0 || plan.splitSize < 2) {
      return;
    }
    double[] nulls =
        Resampling.replicated(
            plan.referenceSplits.length,
            b -> Support.outOfSupportShare(data, plan.referenceSplits[b]));
    NullBand band = Bands.of(nulls);
    Policy p = j.options.policy();
    double excess = share - band.upper();
    Status status =
        excess > p.maxInvalidShare()
            ? Status.FAIL
            : excess > 0 && share > 0.01 ? Status.WARN : Status.PASS;
    j.checks.add(
        new Check(
            CheckKind.OUT_OF_SUPPORT,
            null,
            status,
            share,
            band.upper() + p.maxInvalidShare(),
            String.format(
                Locale.ROOT,
                "%.2f%% of candidate rows hold a value outside the reference's range or categories;"
                    + " halves of the reference show up to %.2f%%",
                100 * share,
                100 * band.upper())));
  }
}
