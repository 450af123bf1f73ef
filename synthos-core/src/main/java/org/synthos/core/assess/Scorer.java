package org.synthos.core.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.synthos.api.ColumnType;
import org.synthos.core.multivariate.DetectionOptions;
import org.synthos.core.multivariate.DetectionTest;
import org.synthos.core.multivariate.EncodedSample;
import org.synthos.core.multivariate.MultivariateValue;

/**
 * Computes every dimension and check for one candidate against one reference (or none). Run in
 * phases so the validator can time them, or all at once for an ablation.
 */
final class Scorer {
  static final int MIN_ROWS = 10;
  static final int MAX_PAIR_COLUMNS = 40;
  static final String LEARNABILITY_REASON =
      "the proxy-model cascade is not part of this release, so learnability is not measured";

  // Tolerances: the excess over the null band's upper edge that brings a sub-score to 0.
  static final double TOL_SHAPE = 0.25;
  static final double TOL_MISSING = 0.10;
  static final double TOL_ASSOCIATION = 0.30;
  static final double TOL_SPREAD = 0.50;
  static final double TOL_ENTROPY = 0.10;
  static final double TOL_REPEAT = 0.10;
  static final double TOL_TAIL = 0.30;
  static final double TOL_RARE = 0.30;
  static final double EXACT_TAIL = 0.00135;
  static final double TOL_PRDC = 0.40;
  static final double TOL_DENSITY = 0.50;
  static final double TOL_AUC = 0.25;
  static final double TOL_COPY = 0.10;
  static final double TOL_DCR = 0.50;
  static final double TOL_DRIFT = 0.25;
  static final double TOL_MEAN_EXCESS = 1.5;

  /**
   * Standard deviations beyond the band of a max-T statistic that bring its score to 0. Smaller
   * than for a mean: the maximum's band is already wide (its own spread over the re-splits), and
   * each part was standardised, so 0.75 beyond the band's 3-sigma edge is rare under the null.
   */
  static final double TOL_MAX_EXCESS = 0.75;

  static final double TOL_ASSOCIATION_LOSS = 0.3;

  /** Columns with fewer distinct values are judged by their categories' shares instead. */
  static final int MIN_DISTINCT = 20;

  static final int DRIFT_SHUFFLES = 10;
  static final int SPARSE_DRIFT_SHUFFLES = 30;

  /**
   * Re-splits for the per-segment measures: each segment's band and the band of their maximum are
   * estimated from these, and a maximum needs more of them than a single measure does.
   */
  static final int SEGMENT_REPLICATES = 100;

  static final double SPARSE_SHARE = 0.5;

  final RawTable cand;
  final RawTable ref;
  final ValidationOptions options;

  /**
   * Exact duplicates and reference copies over every row of both files, or null when only the held
   * rows are known (ablations re-score held rows).
   */
  final ExactRows exactRows;

  final Data data;
  final Data.Var timeVar;
  private final boolean[][] replicates;
  private final byte[][] referenceSplits;
  private final int splitSize;
  private final SplittableRandom multivariateRandom;
  private final SplittableRandom temporalRandom;
  private final SplittableRandom segmentRandom;
  final Map<Dimension, List<Evidence>> evidence = new EnumMap<>(Dimension.class);
  final Map<Dimension, String> notApplicable = new EnumMap<>(Dimension.class);
  final List<Check> checks = new ArrayList<>();
  Multivariate multivariate;
  boolean[] offManifold;
  boolean[] closeCopies;
  final Map<String, Temporal.Drift> drifts = new LinkedHashMap<>();
  final List<Evidence> driftEvidence = new ArrayList<>();
  private final Map<boolean[], boolean[]> firstOfNearGroup = new ConcurrentHashMap<>();

  /** One array for the observed labelling, so per-labelling caches see the same key. */
  private final boolean[] observedLabels;

  Scorer(RawTable cand, RawTable ref, ValidationOptions options) {
    this(cand, ref, options, null);
  }

  Scorer(RawTable cand, RawTable ref, ValidationOptions options, ExactRows exactRows) {
    this.cand = cand;
    this.ref = ref;
    this.options = options;
    this.exactRows = exactRows;
    this.data = Data.pool(cand, ref);
    this.timeVar = pickTimeVar(data, options.timeColumn());
    this.observedLabels = data.observedLabels();
    SplittableRandom root = new SplittableRandom(options.seed());
    SplittableRandom labelRandom = root.split();
    this.multivariateRandom = root.split();
    this.temporalRandom = root.split();
    this.segmentRandom = root.split();
    this.replicates = new boolean[data.hasReference() ? options.replicates() : 0][];
    for (int b = 0; b < replicates.length; b++) {
      replicates[b] = shuffledLabels(data.n, data.nC, labelRandom);
    }
    this.splitSize = Math.min(data.nC, data.nR / 2);
    this.referenceSplits = new byte[data.hasReference() ? options.replicates() : 0][];
    for (int b = 0; b < referenceSplits.length; b++) {
      referenceSplits[b] = referenceSplit(data, splitSize, labelRandom);
    }
    for (Dimension d : Dimension.values()) {
      evidence.put(d, new ArrayList<>());
    }
  }

  /** Runs every phase and assembles the verdict; used by ablations. */
  static Assessment full(RawTable cand, RawTable ref, ValidationOptions options) {
    Scorer s = new Scorer(cand, ref, options);
    s.intrinsic();
    s.fidelity();
    s.multivariate();
    return s.assemble();
  }

  private static Data.Var pickTimeVar(Data data, String requested) {
    for (Data.Var v : data.vars) {
      if (requested != null
          ? v.name.equals(requested) && v.numeric
          : v.type == ColumnType.DATETIME) {
        return v;
      }
    }
    return null;
  }

  private static boolean[] shuffledLabels(int n, int nC, SplittableRandom random) {
    int[] idx = Shuffle.permutation(0, n, random);
    boolean[] l = new boolean[n];
    for (int i = 0; i < nC; i++) {
      l[idx[i]] = true;
    }
    return l;
  }

  /**
   * Candidate rows left out (-1); {@code h} random reference rows play the candidate (1), the rest
   * the reference (0). The null of copy and duplicate measures, which the pooled re-split would
   * inflate with the candidate's own copies.
   */
  private static byte[] referenceSplit(Data data, int h, SplittableRandom random) {
    byte[] l = new byte[data.n];
    Arrays.fill(l, 0, data.nC, (byte) -1);
    int[] idx = Shuffle.permutation(data.nC, data.nR, random);
    for (int i = 0; i < h; i++) {
      l[idx[i]] = 1;
    }
    return l;
  }

  private byte[] observedBytes() {
    byte[] l = new byte[data.n];
    Arrays.fill(l, 0, data.nC, (byte) 1);
    return l;
  }

  /**
   * Scores a copy or duplicate measure against the reference-split null, multiplied by {@code
   * scale} to correct for the split's smaller sizes (collision rates grow about linearly with the
   * number of rows compared).
   */
  private void addSplit(
      Dimension d,
      String measure,
      ToDoubleFunction<byte[]> f,
      double scale,
      double tolerance,
      CollapseType cause,
      String detail) {
    addSplit(d, measure, f, f.applyAsDouble(observedBytes()), scale, tolerance, cause, detail);
  }

  /** As above with the observation made elsewhere (over every row rather than the held ones). */
  private void addSplit(
      Dimension d,
      String measure,
      ToDoubleFunction<byte[]> f,
      double observed,
      double scale,
      double tolerance,
      CollapseType cause,
      String detail) {
    if (Double.isNaN(observed) || splitSize < 2) {
      return;
    }
    double[] nulls =
        replicated(referenceSplits.length, b -> scale * f.applyAsDouble(referenceSplits[b]));
    NullBand band = Bands.of(nulls);
    if (Double.isNaN(band.upper())) {
      return;
    }
    evidence.get(d).add(Evidence.of(measure, null, observed, band, tolerance, cause, detail));
  }

  /**
   * Evaluates replicates on all cores. Each replicate's labelling was drawn up front and its result
   * lands in its own slot, so the outcome does not depend on scheduling.
   */
  private static double[] replicated(int count, IntToDoubleFunction replicate) {
    double[] out = new double[count];
    IntStream.range(0, count).parallel().forEach(b -> out[b] = replicate.applyAsDouble(b));
    return out;
  }

  private static void keep(List<Replicated> into, Replicated r) {
    if (r != null) {
      into.add(r);
    }
  }

  private boolean enoughRows() {
    return data.nC >= MIN_ROWS && data.nR >= MIN_ROWS;
  }

  /** A measure's observed value and its values on the re-splits, kept for dataset-level means. */
  private record Replicated(double observed, double[] nulls) {}

  /**
   * Scores a measure against its permutation null. NaN observations add no evidence and return
   * null; otherwise returns the values for {@link #addMeanExcess}.
   */
  private Replicated add(
      Dimension d,
      String measure,
      String column,
      ToDoubleFunction<boolean[]> f,
      double tolerance,
      CollapseType cause,
      String detail) {
    double observed = f.applyAsDouble(observedLabels);
    if (Double.isNaN(observed)) {
      return null;
    }
    double[] nulls = replicated(replicates.length, b -> f.applyAsDouble(replicates[b]));
    NullBand band = Bands.of(nulls);
    if (Double.isNaN(band.upper())) {
      return null;
    }
    evidence.get(d).add(Evidence.of(measure, column, observed, band, tolerance, cause, detail));
    return new Replicated(observed, nulls);
  }

  /**
   * A dataset-level statistic over measures that are each judged alone: the mean over measures of
   * the standardised excess (value - band mean) / band sd. Small shifts that stay inside every
   * measure's own band but move together (as after repeated generation from a fitted model) add up
   * here. Its null comes from the same re-splits, each re-split standardised the same way, so
   * observed and null stay exchangeable under the null (a permutation test of the mean, as in the
   * combination of dependent tests by Pesarin 2001, Permutation Tests for Complex Data).
   */
  private void addMeanExcess(
      Dimension d, String measure, List<Replicated> parts, CollapseType cause, String what) {
    List<double[]> z = new ArrayList<>();
    double[] observed = new double[1];
    for (Replicated r : parts) {
      NullBand band = Bands.of(r.nulls());
      double sd = (band.upper() - band.mean()) / Bands.SIGMAS;
      if (!(sd > 0)) {
        continue;
      }
      double[] zr = new double[r.nulls().length];
      for (int b = 0; b < zr.length; b++) {
        zr[b] = (r.nulls()[b] - band.mean()) / sd;
      }
      z.add(zr);
      observed[0] += (r.observed() - band.mean()) / sd;
    }
    if (z.size() < 2) {
      return;
    }
    int k = z.size();
    double[] nulls = new double[replicates.length];
    for (double[] zr : z) {
      for (int b = 0; b < nulls.length; b++) {
        nulls[b] += zr[b] / k;
      }
    }
    evidence
        .get(d)
        .add(
            Evidence.of(
                measure,
                null,
                observed[0] / k,
                Bands.of(nulls),
                TOL_MEAN_EXCESS,
                cause,
                "mean over "
                    + k
                    + " "
                    + what
                    + " of (value - band mean) / band sd: many small shifts in the same"
                    + " direction"));
  }

  /** (x_b - mean of the others) / sd of the others, NaNs ignored; NaN when undefined. */
  private static double leaveOneOutZ(double[] x, int b) {
    if (Double.isNaN(x[b])) {
      return Double.NaN;
    }
    double sum = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != b && !Double.isNaN(x[i])) {
        sum += x[i];
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != b && !Double.isNaN(x[i])) {
        ss += (x[i] - mean) * (x[i] - mean);
      }
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? (x[b] - mean) / sd : Double.NaN;
  }

  // ---------------------------------------------------------------- intrinsic

  void intrinsic() {
    structureChecks();
    boolean[] obs = data.observedLabels();
    if (data.vars.isEmpty()) {
      notApplicable.put(
          Dimension.DIVERSITY_RETENTION,
          "no column can be compared (identifiers are left out, and columns must share name and"
              + " type with the reference)");
    } else if (data.hasReference()) {
      if (enoughRows()) {
        double dupScale = splitSize > 1 ? (data.nC - 1.0) / (splitSize - 1.0) : 1;
        // Over every row when known: the observation counts all candidate rows, so the null,
        // drawn from halves of the held reference, is scaled to that many rows.
        ToDoubleFunction<byte[]> exactShare = l -> Measures.repeatShare(data.exactGroup, l);
        addSplit(
            Dimension.DIVERSITY_RETENTION,
            "exact_duplicate_share",
            exactShare,
            exactRows != null
                ? exactRows.duplicateShare()
                : exactShare.applyAsDouble(observedBytes()),
            exactRows != null && splitSize > 1
                ? (exactRows.candidateRows - 1.0) / (splitSize - 1.0)
                : dupScale,
            TOL_REPEAT,
            CollapseType.DUPLICATION,
            "share of candidate rows that repeat an earlier row exactly; null from halves of the"
                + " reference");
        addSplit(
            Dimension.DIVERSITY_RETENTION,
            "near_duplicate_share",
            l -> Measures.repeatShare(data.nearGroup, l) - Measures.repeatShare(data.exactGroup, l),
            dupScale,
            TOL_REPEAT,
            CollapseType.DUPLICATION,
            "share of candidate rows that nearly (not exactly) repeat another row; null from"
                + " halves of the reference");
      }
    } else if (data.nC >= 2) {
      Policy p = options.policy();
      double heldExact = Measures.repeatShare(data.exactGroup, observedBytes());
      double near = Measures.repeatShare(data.nearGroup, observedBytes()) - heldExact;
      double exact = exactRows != null ? exactRows.duplicateShare() : heldExact;
      evidence
          .get(Dimension.DIVERSITY_RETENTION)
          .add(
              Evidence.of(
                  "exact_duplicate_share",
                  null,
                  exact,
                  NullBand.tolerance(p.duplicateTolerance()),
                  TOL_REPEAT,
                  CollapseType.DUPLICATION,
                  "share of rows that repeat an earlier row exactly (policy tolerance, no"
                      + " reference)"));
      evidence
          .get(Dimension.DIVERSITY_RETENTION)
          .add(
              Evidence.of(
                  "near_duplicate_share",
                  null,
                  near,
                  NullBand.tolerance(p.nearDuplicateTolerance()),
                  TOL_REPEAT,
                  CollapseType.DUPLICATION,
                  "share of rows that nearly repeat another row (policy tolerance, no reference)"));
    }
    temporal();
  }

  private void structureChecks() {
    for (SchemaDifference diff : data.differences) {
      switch (diff.kind()) {
        case MISSING_IN_CANDIDATE ->
            checks.add(
                new Check(
                    "schema_missing_column",
                    diff.column(),
                    Status.FAIL,
                    1,
                    0,
                    CollapseType.E_STRUCTURE,
                    "the reference has column '" + diff.column() + "' but the candidate does not"));
        case EXTRA_IN_CANDIDATE ->
            checks.add(
                new Check(
                    "schema_extra_column",
                    diff.column(),
                    Status.WARN,
                    1,
                    0,
                    CollapseType.E_STRUCTURE,
                    "the candidate has column '"
                        + diff.column()
                        + "' that the reference lacks; it is not compared"));
        case RETYPED ->
            checks.add(
                new Check(
                    "schema_retyped_column",
                    diff.column(),
                    Status.FAIL,
                    1,
                    0,
                    CollapseType.E_STRUCTURE,
                    "column '"
                        + diff.column()
                        + "' is "
                        + diff.candidateType().label()
                        + " in the candidate but "
                        + diff.referenceType().label()
                        + " in the reference"));
      }
    }
    Policy p = options.policy();
    for (int c = 0; c < cand.schema.size(); c++) {
      String name = cand.schema.field(c).name();
      double invalidShare = (double) cand.invalidCells[c] / cand.totalRows;
      if (invalidShare > 0) {
        checks.add(
            new Check(
                "invalid_cells",
                name,
                invalidShare > p.maxInvalidShare() ? Status.FAIL : Status.WARN,
                invalidShare,
                p.maxInvalidShare(),
                CollapseType.E_STRUCTURE,
                String.format(
                    Locale.ROOT,
                    "%d cells (%.2f%%) could not be read as %s",
                    cand.invalidCells[c],
                    100 * invalidShare,
                    cand.schema.field(c).type().label())));
      }
    }
    boolean[] obs = data.observedLabels();
    for (Data.Var v : data.vars) {
      int[] present = presentCounts(v);
      int distinct = distinctOnSide(v, true);
      if (present[0] == 0 && data.nC > 0) {
        boolean refHas = data.hasReference() && present[1] > 0;
        checks.add(
            new Check(
                "all_null_column",
                v.name,
                refHas ? Status.FAIL : Status.WARN,
                1,
                Double.NaN,
                CollapseType.E_STRUCTURE,
                "every candidate cell of '"
                    + v.name
                    + "' is null"
                    + (refHas ? " while the reference has values" : "")));
        continue;
      }
      if (distinct == 1 && present[0] >= 2) {
        boolean refVaries = data.hasReference() && distinctOnSide(v, false) > 1;
        checks.add(
            new Check(
                "constant_column",
                v.name,
                Status.WARN,
                1,
                Double.NaN,
                CollapseType.A_DISTRIBUTION,
                "'"
                    + v.name
                    + "' holds a single value in the candidate"
                    + (refVaries ? " but varies in the reference" : "")));
      }
      if (!v.numeric && !v.text && present[0] > 0) {
        double[][] sh = sideShares(v, obs);
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
          checks.add(
              new Check(
                  "mode_concentration",
                  v.name,
                  Status.WARN,
                  top,
                  0.9,
                  CollapseType.A_DISTRIBUTION,
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
            checks.add(
                new Check(
                    "low_entropy",
                    v.name,
                    Status.WARN,
                    h,
                    0.2,
                    CollapseType.A_DISTRIBUTION,
                    String.format(
                        Locale.ROOT,
                        "'%s' has normalised entropy %.3f over %d values",
                        v.name,
                        h,
                        distinct)));
          }
        }
      }
      if (v.numeric && !data.hasReference()) {
        outlierCheck(v);
      }
    }
    if (data.hasReference()) {
      outOfSupportCheck();
    }
  }

  private int[] presentCounts(Data.Var v) {
    int[] c = new int[2];
    for (int i = 0; i < data.n; i++) {
      boolean present = v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
      if (present) {
        c[i < data.nC ? 0 : 1]++;
      }
    }
    return c;
  }

  private int distinctOnSide(Data.Var v, boolean candidate) {
    int from = candidate ? 0 : data.nC;
    int to = candidate ? data.nC : data.n;
    if (v.numeric) {
      HashSet<Double> s = new HashSet<>();
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(v.values[i])) {
          s.add(v.values[i]);
        }
      }
      return s.size();
    }
    boolean[] seen = new boolean[v.categories()];
    int d = 0;
    for (int i = from; i < to; i++) {
      if (v.codes[i] >= 0 && !seen[v.codes[i]]) {
        seen[v.codes[i]] = true;
        d++;
      }
    }
    return d;
  }

  /** Shares per category: [0] candidate, [1] reference or null. */
  double[][] sideShares(Data.Var v, boolean[] obs) {
    double[][] p = new double[2][v.categories()];
    double[] t = new double[2];
    for (int i = 0; i < data.n; i++) {
      if (v.codes[i] >= 0) {
        int s = obs[i] ? 0 : 1;
        p[s][v.codes[i]]++;
        t[s]++;
      }
    }
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < p[s].length; c++) {
        p[s][c] = t[s] == 0 ? 0 : p[s][c] / t[s];
      }
    }
    if (!data.hasReference()) {
      p[1] = null;
    }
    return p;
  }

  private void outlierCheck(Data.Var v) {
    double[] x = new double[v.sorted.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = v.values[v.sorted[k]];
    }
    if (x.length < MIN_ROWS) {
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
      checks.add(
          new Check(
              "outliers",
              v.name,
              Status.WARN,
              share,
              0.01,
              CollapseType.E_STRUCTURE,
              String.format(
                  Locale.ROOT,
                  "%.1f%% of '%s' lies more than 6 robust standard deviations from the median",
                  100 * share,
                  v.name)));
    }
  }

  /** Rows with a value outside the reference's range or categories, per candidate row. */
  boolean[] outOfSupportRows(StringBuilder[] reasons) {
    boolean[] flagged = new boolean[data.nC];
    for (Data.Var v : data.distributionVars()) {
      if (v.numeric) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = data.nC; i < data.n; i++) {
          double x = v.values[i];
          if (!Double.isNaN(x)) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
        if (lo > hi) {
          continue;
        }
        for (int i = 0; i < data.nC; i++) {
          double x = v.values[i];
          if (!Double.isNaN(x) && (x < lo || x > hi)) {
            flagged[i] = true;
            if (reasons != null && reasons[i] == null) {
              reasons[i] =
                  new StringBuilder(
                      String.format(
                          Locale.ROOT,
                          "%s = %s outside the reference range [%s, %s]",
                          v.name,
                          fmt(x),
                          fmt(lo),
                          fmt(hi)));
            }
          }
        }
      } else {
        boolean[] known = new boolean[v.categories()];
        for (int i = data.nC; i < data.n; i++) {
          if (v.codes[i] >= 0) {
            known[v.codes[i]] = true;
          }
        }
        for (int i = 0; i < data.nC; i++) {
          if (v.codes[i] >= 0 && !known[v.codes[i]]) {
            flagged[i] = true;
            if (reasons != null && reasons[i] == null) {
              reasons[i] =
                  new StringBuilder(
                      v.name
                          + " = '"
                          + v.dictionary[v.codes[i]]
                          + "' never occurs in the reference");
            }
          }
        }
      }
    }
    return flagged;
  }

  static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }

  /** Share of rows labelled 1 with a value outside the support of the rows labelled 0. */
  private double outOfSupportShare(byte[] label) {
    boolean[] flagged = new boolean[data.n];
    for (Data.Var v : data.distributionVars()) {
      if (v.numeric) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.n; i++) {
          double x = v.values[i];
          if (label[i] == 0 && !Double.isNaN(x)) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
        for (int i = 0; i < data.n; i++) {
          double x = v.values[i];
          if (label[i] == 1 && !Double.isNaN(x) && (x < lo || x > hi)) {
            flagged[i] = true;
          }
        }
      } else {
        boolean[] known = new boolean[v.categories()];
        for (int i = 0; i < data.n; i++) {
          if (label[i] == 0 && v.codes[i] >= 0) {
            known[v.codes[i]] = true;
          }
        }
        for (int i = 0; i < data.n; i++) {
          if (label[i] == 1 && v.codes[i] >= 0 && !known[v.codes[i]]) {
            flagged[i] = true;
          }
        }
      }
    }
    int count = 0;
    int rows = 0;
    for (int i = 0; i < data.n; i++) {
      if (label[i] == 1) {
        rows++;
        count += flagged[i] ? 1 : 0;
      }
    }
    return rows == 0 ? Double.NaN : (double) count / rows;
  }

  /**
   * Out-of-support rows: compared with the share that halves of the reference show against each
   * other (a conservative baseline, as a half sees less of the support). Warn above that band and
   * 1%; fail when the excess exceeds the policy's invalid share.
   */
  private void outOfSupportCheck() {
    double share = outOfSupportShare(observedBytes());
    if (Double.isNaN(share) || share == 0 || splitSize < 2) {
      return;
    }
    double[] nulls = new double[referenceSplits.length];
    for (int b = 0; b < referenceSplits.length; b++) {
      nulls[b] = outOfSupportShare(referenceSplits[b]);
    }
    NullBand band = Bands.of(nulls);
    Policy p = options.policy();
    double excess = share - band.upper();
    Status status =
        excess > p.maxInvalidShare()
            ? Status.FAIL
            : excess > 0 && share > 0.01 ? Status.WARN : Status.PASS;
    checks.add(
        new Check(
            "out_of_support",
            null,
            status,
            share,
            band.upper() + p.maxInvalidShare(),
            CollapseType.E_STRUCTURE,
            String.format(
                Locale.ROOT,
                "%.2f%% of candidate rows hold a value outside the reference's range or categories;"
                    + " halves of the reference show up to %.2f%%",
                100 * share,
                100 * band.upper())));
  }

  private void temporal() {
    List<Data.Var> vars = data.distributionVars().stream().filter(v -> v != timeVar).toList();
    int[] candOrder = Temporal.order(data, timeVar, true);
    if (candOrder.length < Temporal.SEGMENTS * Temporal.MIN_ROWS_PER_SEGMENT) {
      notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "too few candidate rows ("
              + candOrder.length
              + ") to cut into "
              + Temporal.SEGMENTS
              + " segments of at least "
              + Temporal.MIN_ROWS_PER_SEGMENT);
      return;
    }
    if (vars.isEmpty()) {
      notApplicable.put(Dimension.TEMPORAL_STABILITY, "no column besides the time column to track");
      return;
    }
    int[] refOrder = data.hasReference() ? Temporal.order(data, timeVar, false) : null;
    boolean refUsable =
        refOrder != null && refOrder.length >= Temporal.SEGMENTS * Temporal.MIN_ROWS_PER_SEGMENT;
    String along = timeVar == null ? "row order" : "'" + timeVar.name + "'";
    for (Data.Var v : vars) {
      // A sparse column's max-over-segments distance has a heavy right tail; more shuffles
      // estimate its band's spread more reliably.
      boolean sparse = presentCounts(v)[0] < SPARSE_SHARE * data.nC;
      int b = Math.min(options.replicates(), sparse ? SPARSE_DRIFT_SHUFFLES : DRIFT_SHUFFLES);
      Temporal.Drift dc = Temporal.drift(v, candOrder, b, temporalRandom);
      if (Double.isNaN(dc.statistic())) {
        continue;
      }
      drifts.put(v.name, dc);
      NullBand band = dc.band();
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
        Temporal.Drift dr = Temporal.drift(v, refOrder, b, temporalRandom);
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
              v.numeric ? "segment_ks" : "segment_tvd",
              v.name,
              dc.statistic(),
              band,
              TOL_DRIFT,
              CollapseType.D_TEMPORAL,
              detail);
      driftEvidence.add(e);
      if (data.hasReference()) {
        evidence.get(Dimension.TEMPORAL_STABILITY).add(e);
      } else if (e.score() < 100) {
        checks.add(
            new Check(
                "segment_drift",
                v.name,
                Status.WARN,
                e.value(),
                band.upper(),
                CollapseType.D_TEMPORAL,
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
      notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "no tracked column has at least "
              + Temporal.MIN_PRESENT_PER_SEGMENT
              + " present values in two of the "
              + Temporal.SEGMENTS
              + " segments along "
              + along);
    } else if (!data.hasReference()) {
      notApplicable.put(
          Dimension.TEMPORAL_STABILITY,
          "without a reference, drift along "
              + along
              + " cannot be told from real change over time; drifting columns are listed as"
              + " segment_drift checks");
    }
  }

  // ---------------------------------------------------------------- fidelity

  void fidelity() {
    if (!data.hasReference() || data.vars.isEmpty()) {
      return;
    }
    if (!enoughRows()) {
      return;
    }
    List<Data.Var> vars = data.distributionVars();
    int distributionColumns = vars.size();
    List<Replicated> shapes = new ArrayList<>();
    for (Data.Var v : vars) {
      if (v.numeric) {
        keep(
            shapes,
            add(
                Dimension.DISTRIBUTION_FIDELITY,
                "ks_statistic",
                v.name,
                l -> Measures.ks(v, l),
                TOL_SHAPE,
                CollapseType.A_DISTRIBUTION,
                "Kolmogorov-Smirnov statistic (1 - SDMetrics KSComplement)"));
        add(
            Dimension.DIVERSITY_RETENTION,
            "spread_deficit",
            v.name,
            l -> Measures.spreadDeficit(v, l),
            TOL_SPREAD,
            CollapseType.A_DISTRIBUTION,
            "max(0, ln(sd_reference / sd_candidate)), values winsorised at the pooled 1% and 99%"
                + " quantiles");
        addExact(
            "tail_deficit",
            v,
            Measures.tailRows(v),
            distributionColumns,
            TOL_TAIL,
            "relative loss of mass outside the pooled 5% and 95% quantiles");
      } else {
        keep(
            shapes,
            add(
                Dimension.DISTRIBUTION_FIDELITY,
                "tvd",
                v.name,
                l -> Measures.tvd(v, l),
                TOL_SHAPE,
                CollapseType.A_DISTRIBUTION,
                "total variation distance (1 - SDMetrics TVComplement)"));
        add(
            Dimension.DIVERSITY_RETENTION,
            "entropy_deficit",
            v.name,
            l -> Measures.entropyDeficit(v, l),
            TOL_ENTROPY,
            CollapseType.A_DISTRIBUTION,
            "max(0, H_reference - H_candidate) / ln(categories)");
        addExact(
            "rare_category_deficit",
            v,
            Measures.rareRows(v),
            distributionColumns,
            TOL_RARE,
            "relative loss of the categories below 5% of the pooled rows");
      }
      if (Measures.pooledDistinct(v) >= MIN_DISTINCT) {
        add(
            Dimension.RARE_PATTERN_TAIL,
            "distinct_deficit",
            v.name,
            l -> Measures.distinctDeficit(v, firstOfNearGroup(l), l),
            TOL_RARE,
            CollapseType.C_RARE_PATTERN,
            "relative loss of distinct values per present cell (one row per group of"
                + " near-duplicate rows): values seen once, lost by resampling");
      }
      if (hasNulls(v)) {
        add(
            Dimension.DISTRIBUTION_FIDELITY,
            "missing_gap",
            v.name,
            l -> Measures.missingGap(v, l),
            TOL_MISSING,
            CollapseType.A_DISTRIBUTION,
            "difference in the share of nulls (1 - SDMetrics MissingValueSimilarity)");
      }
    }
    addMeanExcess(
        Dimension.DISTRIBUTION_FIDELITY,
        "mean_shape_excess",
        shapes,
        // Many columns moving a little follows from most defects (clipped tails move every KS
        // too), so the mean alone does not name a collapse type.
        null,
        "columns' KS statistic or TVD");
    List<Data.Var> categorical =
        vars.stream().filter(v -> !v.numeric).limit(MAX_PAIR_COLUMNS).toList();
    if (categorical.size() >= 2) {
      double[] weights = Measures.rareCombinationWeights(categorical, data.n);
      add(
          Dimension.RARE_PATTERN_TAIL,
          "rare_combination_deficit",
          null,
          l -> Measures.rareCombinationDeficit(weights, l),
          TOL_RARE,
          CollapseType.C_RARE_PATTERN,
          "relative loss of the pairs of categories seen in fewer than 1% of the pooled rows, over "
              + categorical.size() * (categorical.size() - 1) / 2
              + " column pairs");
    }
    if (vars.size() >= 2) {
      int limit = Math.min(vars.size(), MAX_PAIR_COLUMNS);
      for (int a = 0; a < limit; a++) {
        for (int b = a + 1; b < limit; b++) {
          Data.Var va = vars.get(a);
          Data.Var vb = vars.get(b);
          add(
              Dimension.CORRELATION_PRESERVATION,
              va.numeric && vb.numeric ? "pearson_gap" : "cramers_v_gap",
              va.name + " ~ " + vb.name,
              l -> Measures.associationGap(va, vb, l),
              TOL_ASSOCIATION,
              va == timeVar || vb == timeVar ? CollapseType.D_TEMPORAL : CollapseType.B_CORRELATION,
              va.numeric && vb.numeric
                  ? "|Pearson r candidate - r reference|"
                  : "|Cramér's V candidate - V reference| (numbers cut at pooled quintiles)");
        }
      }
      associationLoss(vars.subList(0, limit));
    }
    // Over every row when known; the chance of a copy grows with the reference's size, so the
    // null from held halves is scaled to the whole reference.
    ToDoubleFunction<byte[]> copyShare = l -> Measures.copyShare(data.exactGroup, l);
    addSplit(
        Dimension.MEMORISATION_PRIVACY,
        "reference_copy_share",
        copyShare,
        exactRows != null ? exactRows.copyShare() : copyShare.applyAsDouble(observedBytes()),
        (double) (exactRows != null ? exactRows.referenceRows : data.nR)
            / Math.max(1, data.nR - splitSize),
        TOL_COPY,
        CollapseType.MEMORISATION,
        "share of candidate rows identical to a reference row on every compared column; null"
            + " from halves of the reference");
  }

  /**
   * Relative loss of association over the pairs associated in the pooled rows, and inside the
   * categories of the first few segmenting columns ({@link AssociationLoss}).
   */
  private void associationLoss(List<Data.Var> vars) {
    List<AssociationLoss.Pair> pairs = AssociationLoss.associatedPairs(vars, null, data.n);
    if (!pairs.isEmpty()) {
      add(
          Dimension.CORRELATION_PRESERVATION,
          "association_loss",
          null,
          l -> AssociationLoss.loss(pairs, null, l),
          TOL_ASSOCIATION_LOSS,
          CollapseType.B_CORRELATION,
          "max(0, 1 - sum |association_candidate| / sum |association_reference|) over the "
              + pairs.size()
              + " column pairs associated beyond chance in the pooled rows");
    }
    List<Data.Var> segmenting =
        vars.stream()
            .filter(AssociationLoss::segmenting)
            .limit(AssociationLoss.MAX_SEGMENT_COLUMNS)
            .toList();
    if (segmenting.isEmpty()) {
      return;
    }
    // As bit sets: a hundred labellings of every held row stay small next to the data.
    BitSet[] resplits = new BitSet[SEGMENT_REPLICATES];
    for (int b = 0; b < resplits.length; b++) {
      int[] idx = Shuffle.permutation(0, data.n, segmentRandom);
      resplits[b] = new BitSet(data.n);
      for (int i = 0; i < data.nC; i++) {
        resplits[b].set(idx[i]);
      }
    }
    BitSet observed = new BitSet(data.n);
    observed.set(0, data.nC);
    for (Data.Var by : segmenting) {
      List<AssociationLoss.Segment> segments =
          AssociationLoss.segments(by, vars, data.n, segmentRandom);
      List<String> names = new ArrayList<>();
      List<Replicated> parts = new ArrayList<>();
      for (AssociationLoss.Segment g : segments) {
        double[][] drops = new double[resplits.length + 1][];
        drops[0] = g.drops(observed);
        IntStream.range(0, resplits.length)
            .parallel()
            .forEach(b -> drops[b + 1] = g.drops(resplits[b]));
        double[] s = AssociationLoss.combine(g.pairs(), drops);
        if (!Double.isNaN(s[0])) {
          names.add(g.category());
          parts.add(new Replicated(s[0], Arrays.copyOfRange(s, 1, s.length)));
        }
      }
      addMaxExcess(
          Dimension.CORRELATION_PRESERVATION,
          "segment_association_loss",
          by.name,
          names,
          parts,
          CollapseType.B_CORRELATION,
          "drop of association (sum over the pairs associated within the category of"
              + " |a_reference| - |a_candidate|, weighted by the pooled association over the"
              + " drop's re-split variance) inside one category of "
              + by.name
              + ", standardised by its re-split mean and sd; the largest over "
              + parts.size()
              + " categories of at least "
              + AssociationLoss.MIN_SEGMENT_ROWS
              + " pooled rows and 5% of them");
    }
  }

  /**
   * The largest standardised excess (value - band mean) / band sd over parts measured alike on
   * different subsets (max-T, Westfall and Young 1993), judged against the same maximum over the
   * re-splits. Each re-split is standardised by the mean and sd of the other re-splits, so that it
   * stands to them as the observation stands to all of them: standardising a re-split by a band it
   * helped estimate would shrink its tails and make the null maximum too small. The part that
   * reaches the maximum is named.
   */
  private void addMaxExcess(
      Dimension d,
      String measure,
      String column,
      List<String> names,
      List<Replicated> parts,
      CollapseType cause,
      String detail) {
    double[] nullMax = new double[parts.isEmpty() ? 0 : parts.get(0).nulls().length];
    Arrays.fill(nullMax, Double.NaN);
    double observed = Double.NaN;
    String worst = null;
    for (int g = 0; g < parts.size(); g++) {
      Replicated r = parts.get(g);
      NullBand band = Bands.of(r.nulls());
      double sd = (band.upper() - band.mean()) / Bands.SIGMAS;
      // A part stuck at one value in most re-splits has no usable spread to standardise by.
      if (!(sd > 0) || !AssociationLoss.varies(r.nulls())) {
        continue;
      }
      double z = (r.observed() - band.mean()) / sd;
      if (!(z <= observed)) {
        observed = z;
        worst = names.get(g);
      }
      for (int b = 0; b < nullMax.length; b++) {
        double zb = leaveOneOutZ(r.nulls(), b);
        if (!(zb <= nullMax[b])) {
          nullMax[b] = zb;
        }
      }
    }
    if (worst == null) {
      return;
    }
    NullBand band = Bands.of(nullMax);
    if (Double.isNaN(band.upper())) {
      return;
    }
    evidence
        .get(d)
        .add(
            Evidence.of(
                measure,
                column,
                observed,
                band,
                TOL_MAX_EXCESS,
                cause,
                detail + "; largest in '" + worst + "'"));
  }

  /**
   * A loss-of-marked-rows measure with its exact null: the candidate's count X of marked rows is
   * hypergeometric under a random split because the marked set does not depend on the split. The
   * band's upper edge is the deficit at X's lower quantile of 0.135% / {@code columns} (the
   * one-sided 3-sigma level, Bonferroni-adjusted over the columns measured the same way), so small
   * counts and many columns do not turn sampling noise into findings.
   */
  private void addExact(
      String measure, Data.Var v, boolean[] marked, int columns, double tolerance, String detail) {
    int nc = 0;
    int nr = 0;
    int mc = 0;
    int total = 0;
    for (int i = 0; i < data.n; i++) {
      boolean present = v.numeric ? !Double.isNaN(v.values[i]) : v.codes[i] >= 0;
      if (!present) {
        continue;
      }
      if (i < data.nC) {
        nc++;
        mc += marked[i] ? 1 : 0;
      } else {
        nr++;
      }
      total += marked[i] ? 1 : 0;
    }
    double observed = Measures.setDeficit(mc, total, nc, nr);
    if (total == 0 || Double.isNaN(observed)) {
      return;
    }
    int xq = Hypergeometric.lowerQuantile(nc + nr, total, nc, EXACT_TAIL / Math.max(1, columns));
    double expected = (double) total * nc / (nc + nr);
    double mean = Measures.setDeficit((int) Math.round(expected), total, nc, nr);
    double upper = Measures.setDeficit(xq, total, nc, nr);
    NullBand band = new NullBand(Double.isNaN(mean) ? 0 : mean, Double.isNaN(upper) ? 1 : upper, 0);
    evidence
        .get(Dimension.RARE_PATTERN_TAIL)
        .add(
            Evidence.of(
                measure,
                v.name,
                observed,
                band,
                tolerance,
                CollapseType.C_RARE_PATTERN,
                detail + "; exact hypergeometric band over " + total + " marked rows"));
  }

  /**
   * The first row of each near-duplicate group per side, for one labelling: the same for every
   * column, so computed once per labelling (labellings are compared by identity).
   */
  private boolean[] firstOfNearGroup(boolean[] labels) {
    return firstOfNearGroup.computeIfAbsent(labels, l -> Measures.firstOfGroup(data.nearGroup, l));
  }

  private boolean hasNulls(Data.Var v) {
    for (int i = 0; i < data.n; i++) {
      if (v.numeric ? Double.isNaN(v.values[i]) : v.codes[i] < 0) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- multivariate

  void multivariate() {
    if (!data.hasReference() || !enoughRows()) {
      return;
    }
    multivariate = Multivariate.build(data, options.multivariateRows(), multivariateRandom);
    if (multivariate == null) {
      return;
    }
    Multivariate mv = multivariate;
    offManifold = new boolean[mv.m];
    closeCopies = new boolean[mv.m];
    double[] observed = mv.evaluate(mv.observedLabels(), offManifold, closeCopies);
    int b = Math.min(options.replicates(), 10);
    double[][] nulls = new double[Multivariate.MEASURES][b];
    int mr = mv.m - mv.mc;
    double closeScale = (double) mr / Math.max(1, mr - mr / 2);
    for (int r = 0; r < b; r++) {
      double[] x = mv.measure(mv.shuffledLabels(multivariateRandom));
      double[] y = mv.measure(mv.referenceSplit(multivariateRandom));
      for (int k = 0; k < Multivariate.MEASURES; k++) {
        nulls[k][r] = x[k];
      }
      nulls[Multivariate.CLOSE_SHARE][r] = closeScale * y[Multivariate.CLOSE_SHARE];
      nulls[Multivariate.DCR_DEFICIT][r] = y[Multivariate.DCR_DEFICIT];
    }
    String sample =
        String.format(
            Locale.ROOT,
            " (%d + %d sampled rows, %d encoded dimensions)",
            mv.mc,
            mv.m - mv.mc,
            mv.dimensions);
    addMv(
        Dimension.MULTIVARIATE_FIDELITY,
        "precision_gap",
        observed,
        nulls,
        Multivariate.PRECISION_GAP,
        TOL_PRDC,
        null,
        "1 - precision: candidate rows outside every reference 5-NN ball" + sample);
    addMv(
        Dimension.MULTIVARIATE_FIDELITY,
        "density_deficit",
        observed,
        nulls,
        Multivariate.DENSITY_DEFICIT,
        TOL_DENSITY,
        null,
        "max(0, 1 - density) after Naeem et al. 2020" + sample);
    addMv(
        Dimension.MULTIVARIATE_FIDELITY,
        "detection_auc_excess",
        observed,
        nulls,
        Multivariate.AUC_EXCESS,
        TOL_AUC,
        null,
        "AUC - 0.5 of a 10-NN two-sample classifier" + sample);
    addMv(
        Dimension.DIVERSITY_RETENTION,
        "recall_gap",
        observed,
        nulls,
        Multivariate.RECALL_GAP,
        TOL_PRDC,
        CollapseType.A_DISTRIBUTION,
        "1 - recall: reference rows outside every candidate 5-NN ball" + sample);
    addMv(
        Dimension.DIVERSITY_RETENTION,
        "coverage_gap",
        observed,
        nulls,
        Multivariate.COVERAGE_GAP,
        TOL_PRDC,
        CollapseType.A_DISTRIBUTION,
        "1 - coverage after Naeem et al. 2020" + sample);
    addMv(
        Dimension.MEMORISATION_PRIVACY,
        "close_copy_share",
        observed,
        nulls,
        Multivariate.CLOSE_SHARE,
        TOL_COPY,
        CollapseType.MEMORISATION,
        "share of candidate rows within a tenth of their closest reference row's own nearest-neighbour distance"
            + sample);
    addMv(
        Dimension.MEMORISATION_PRIVACY,
        "dcr_deficit",
        observed,
        nulls,
        Multivariate.DCR_DEFICIT,
        TOL_DCR,
        CollapseType.MEMORISATION,
        "max(0, 1 - median of DCR / the closest reference row's own nearest-reference distance)"
            + sample);
    classifierDetection(mv);
  }

  /**
   * The classifier two-sample test of {@code org.synthos.core.multivariate.DetectionTest}
   * (gradient-boosted trees, 3 stratified folds; Lopez-Paz and Oquab 2017, the SDMetrics and
   * synthcity "detection" metric) on the same encoded sample. Its analytic band (0.5 plus or minus
   * 1.96 standard errors, Hanley and McNeil 1982) is restated as mean + 3 standard errors to match
   * the other bands.
   */
  private void classifierDetection(Multivariate mv) {
    double[][] ref = Arrays.copyOfRange(mv.matrix, mv.mc, mv.m);
    double[][] cand = Arrays.copyOfRange(mv.matrix, 0, mv.mc);
    DetectionOptions defaults = DetectionOptions.defaults();
    DetectionOptions o =
        new DetectionOptions(
            defaults.folds(),
            defaults.trees(),
            defaults.maxDepth(),
            defaults.learningRate(),
            defaults.bins(),
            defaults.minLeaf(),
            options.seed());
    MultivariateValue auc =
        DetectionTest.compute(EncodedSample.of(ref), EncodedSample.of(cand), o).auc();
    if (auc instanceof MultivariateValue.Measured m) {
      double se = (m.nullBand().high() - m.nullBand().expected()) / 1.96;
      NullBand band = new NullBand(m.nullBand().expected(), m.nullBand().expected() + 3 * se, 0);
      evidence
          .get(Dimension.MULTIVARIATE_FIDELITY)
          .add(
              Evidence.of(
                  "classifier_auc",
                  null,
                  m.value(),
                  band,
                  TOL_AUC,
                  null,
                  "mean held-out ROC AUC of gradient-boosted trees telling candidate from reference"
                      + " rows (3 folds; 0.5 = indistinguishable)"));
    }
  }

  private void addMv(
      Dimension d,
      String measure,
      double[] observed,
      double[][] nulls,
      int k,
      double tol,
      CollapseType cause,
      String detail) {
    if (Double.isNaN(observed[k])) {
      return;
    }
    NullBand band = Bands.of(nulls[k]);
    if (Double.isNaN(band.upper())) {
      return;
    }
    evidence.get(d).add(Evidence.of(measure, null, observed[k], band, tol, cause, detail));
  }

  // ---------------------------------------------------------------- assembly

  Assessment assemble() {
    Policy policy = options.policy();
    List<DimensionResult> dims = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      dims.add(dimension(d, policy));
    }
    Verdict verdict = Verdicts.decide(dims, checks, policy);
    return new Assessment(List.copyOf(dims), List.copyOf(checks), verdict);
  }

  private DimensionResult dimension(Dimension d, Policy policy) {
    if (d == Dimension.LEARNABILITY) {
      return new DimensionResult.NotApplicable(d, LEARNABILITY_REASON);
    }
    List<Evidence> ev = new ArrayList<>(evidence.get(d));
    if (ev.isEmpty()) {
      return new DimensionResult.NotApplicable(d, reasonFor(d));
    }
    ev.sort(
        Comparator.comparingDouble(Evidence::score)
            .thenComparing(Evidence::measure)
            .thenComparing(e -> e.column() == null ? "" : e.column()));
    double mean = ev.stream().mapToDouble(Evidence::score).average().orElse(100);
    double min = ev.get(0).score();
    double score = Math.max(0, Math.min(100, 0.5 * mean + 0.5 * min));
    Policy.Threshold t = policy.threshold(d);
    return new DimensionResult.Scored(d, score, t.warnBelow(), t.failBelow(), t.status(score), ev);
  }

  private String reasonFor(Dimension d) {
    if (notApplicable.containsKey(d)) {
      return notApplicable.get(d);
    }
    if (!data.hasReference()) {
      return switch (d) {
        case DIVERSITY_RETENTION -> "the candidate has fewer than two rows";
        default -> "needs a reference dataset to compare with; none was given";
      };
    }
    if (!enoughRows()) {
      return "too few rows to compare: candidate "
          + data.nC
          + ", reference "
          + data.nR
          + " (at least "
          + MIN_ROWS
          + " each)";
    }
    return switch (d) {
      case CORRELATION_PRESERVATION ->
          "fewer than two comparable columns with defined associations";
      case MULTIVARIATE_FIDELITY, MEMORISATION_PRIVACY -> "no comparable column could be encoded";
      default -> "no comparable column of a suitable type";
    };
  }

  /** Dimensions, checks and verdict of one scoring. */
  record Assessment(List<DimensionResult> dimensions, List<Check> checks, Verdict verdict) {}
}
