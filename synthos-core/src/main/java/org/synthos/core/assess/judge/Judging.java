package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.Pool;

/**
 * The workspace of one judging: the pooled rows, the resampling plan, and the evidence, checks and
 * reasons gathered so far. Each way of making a band is one method here, so every measure of the
 * same {@link Measure.BandMethod} is judged the same way. Only the judges of this package write to
 * it; {@link Scoring} turns it into immutable {@link Findings}.
 */
final class Judging {
  static final int MIN_ROWS = 10;

  /** One-sided 3-sigma tail probability of the exact (hypergeometric) bands. */
  static final double EXACT_TAIL = 0.00135;

  final Pool data;
  final ValidationOptions options;

  /**
   * Exact duplicates and reference copies over every row of both files, or null when only the held
   * rows are known.
   */
  final ExactRows exactRows;

  final Resampling plan;
  final Pool.Var timeVar;

  /** The dimensions judged; measures of the others are neither computed nor kept. */
  final Set<Dimension> wanted;

  final Map<Dimension, List<Evidence>> evidence = new EnumMap<>(Dimension.class);
  final Map<Dimension, String> notApplicable = new EnumMap<>(Dimension.class);
  final List<Check> checks = new ArrayList<>();

  /**
   * The bucketed states of every row of each file ({@link Buckets}), or null when only the held
   * rows are known.
   */
  private final Buckets candBuckets;

  private final Buckets refBuckets;

  /** Whether the pool holds every row of both files. */
  private final boolean allRowsHeld;

  Judging(
      Pool data,
      ValidationOptions options,
      ExactRows exactRows,
      Set<Dimension> wanted,
      Buckets candBuckets,
      Buckets refBuckets,
      boolean allRowsHeld) {
    this.candBuckets = candBuckets;
    this.refBuckets = refBuckets;
    this.allRowsHeld = allRowsHeld;
    this.wanted = EnumSet.copyOf(wanted);
    this.data = data;
    this.options = options;
    this.exactRows = exactRows;
    this.timeVar = pickTimeVar(data, options.timeColumn());
    this.plan = new Resampling(data, options.seed(), options.replicates());
    for (Dimension d : Dimension.values()) {
      evidence.put(d, new ArrayList<>());
    }
  }

  /**
   * A workspace for a phase run beside the others: it shares the pool, the plan and the states, and
   * keeps its own evidence, checks and not-applicable reasons until {@link #absorb} appends them.
   */
  private Judging(Judging parent) {
    this.candBuckets = parent.candBuckets;
    this.refBuckets = parent.refBuckets;
    this.allRowsHeld = parent.allRowsHeld;
    this.wanted = parent.wanted;
    this.data = parent.data;
    this.options = parent.options;
    this.exactRows = parent.exactRows;
    this.timeVar = parent.timeVar;
    this.plan = parent.plan;
    for (Dimension d : Dimension.values()) {
      evidence.put(d, new ArrayList<>());
    }
  }

  /** A workspace of its own for one phase ({@link #Judging(Judging)}). */
  Judging phase() {
    return new Judging(this);
  }

  /**
   * Appends what {@code phase} found after what this workspace holds, as if the phase had run here
   * now: absorbing phases in their order gives the lists of running them one after another.
   */
  void absorb(Judging phase) {
    for (Dimension d : Dimension.values()) {
      evidence.get(d).addAll(phase.evidence.get(d));
    }
    notApplicable.putAll(phase.notApplicable);
    checks.addAll(phase.checks);
  }

  private static Pool.Var pickTimeVar(Pool data, String requested) {
    for (Pool.Var v : data.vars) {
      if (requested != null
          ? v.name.equals(requested) && v.numeric
          : v.type == ColumnType.DATETIME) {
        return v;
      }
    }
    return null;
  }

  boolean enoughRows() {
    return data.nC >= MIN_ROWS && data.nR >= MIN_ROWS;
  }

  boolean wanted(Measure measure) {
    return wanted.contains(measure.dimension());
  }

  void add(Evidence e) {
    if (wanted(e.measure())) {
      evidence.get(e.measure().dimension()).add(e);
    }
  }

  /**
   * A measure's observed value, its values on the re-splits and the rows it was measured on, kept
   * for dataset-level means.
   */
  record Replicated(double observed, double[] nulls, Evidence.RowScope rows) {}

  /**
   * Scores a measure against its permutation null ({@link Measure.BandMethod#RESPLIT}). NaN
   * observations add no evidence and return null; otherwise returns the values for {@link
   * #addMeanExcess}.
   */
  Replicated add(
      Measure measure,
      Subject subject,
      ToDoubleFunction<boolean[]> f,
      CollapseType cause,
      String detail) {
    return replicated(
        measure,
        subject,
        () -> f.applyAsDouble(plan.observed),
        b -> f.applyAsDouble(plan.resplits[b]),
        cause,
        detail);
  }

  /**
   * The measure's observed value, then (unless it is NaN or the measure is not wanted) its value on
   * each re-split, scored against their band.
   */
  private Replicated replicated(
      Measure measure,
      Subject subject,
      DoubleSupplier observedValue,
      IntToDoubleFunction resplitValue,
      CollapseType cause,
      String detail) {
    if (!wanted(measure)) {
      return null;
    }
    double observed = observedValue.getAsDouble();
    if (Double.isNaN(observed)) {
      return null;
    }
    double[] nulls = Resampling.replicated(plan.resplits.length, resplitValue);
    return scored(measure, subject, observed, nulls, cause, detail, null);
  }

  /**
   * Adds the evidence of {@code observed} against the band of its re-split values {@code nulls} (on
   * every row when {@code scope} says so, else on the held rows); null when no band can be made.
   */
  private Replicated scored(
      Measure measure,
      Subject subject,
      double observed,
      double[] nulls,
      CollapseType cause,
      String detail,
      Evidence.RowScope scope) {
    return scored(measure, subject, observed, nulls, Bands.of(nulls), cause, detail, scope);
  }

  /** As above, against {@code band} made from {@code nulls}. */
  private Replicated scored(
      Measure measure,
      Subject subject,
      double observed,
      double[] nulls,
      NullBand band,
      CollapseType cause,
      String detail,
      Evidence.RowScope scope) {
    if (Double.isNaN(band.upper())) {
      return null;
    }
    Evidence e = Evidence.of(measure, subject, observed, band, cause, detail);
    add(scope == null ? e : e.onRows(scope));
    return new Replicated(observed, nulls, e.rows());
  }

  /**
   * Scores a measure of one categorical column that depends on its rows only through the class
   * counts of each side (nulls counted apart) against its permutation null ({@link
   * Measure.BandMethod#RESPLIT}), the re-splits drawn as the candidate's class counts ({@link
   * Resampling#countSplits}): the same law as re-splitting the rows, {@link
   * Resampling#COUNT_REPLICATES} of them. The band's edge is their quantile at the 3-sd tail
   * ({@link Bands#ofTail}): such distances are folded at zero, and mean + 3 sd of folded values
   * leaves about seven times the tail.
   */
  void addCounts(
      Measure measure,
      Subject subject,
      Pool.Var v,
      ToDoubleFunction<Marginals.Sides> f,
      CollapseType cause,
      String detail) {
    if (!wanted(measure) || v.numeric) {
      return;
    }
    double observed = f.applyAsDouble(Marginals.sides(v, plan.observed));
    if (Double.isNaN(observed)) {
      return;
    }
    int[] pooled = new int[v.categories() + 1];
    for (int i = 0; i < plan.observed.length; i++) {
      pooled[v.codes[i] >= 0 ? v.codes[i] : pooled.length - 1]++;
    }
    double[] nulls = Resampling.countNulls(pooled, data.nC, plan.countSplits(pooled, data.nC), f);
    scored(measure, subject, observed, nulls, Bands.ofTail(nulls), cause, detail, null);
  }

  /** A measure of a labelling given as its flags and its candidate rows in increasing order. */
  interface Labelled {
    double of(boolean[] labels, int[] candidates);
  }

  /**
   * {@link #add(Measure, Subject, ToDoubleFunction, CollapseType, String)} of a labelled measure.
   */
  Replicated add(Measure measure, Subject subject, Labelled f, CollapseType cause, String detail) {
    return replicated(
        measure,
        subject,
        () -> f.of(plan.observed, plan.observedCandidates()),
        b -> f.of(plan.resplits[b], plan.candidates(b)),
        cause,
        detail);
  }

  Replicated add(Measure measure, Subject subject, ToDoubleFunction<boolean[]> f, String detail) {
    return add(measure, subject, f, measure.cause(), detail);
  }

  /**
   * Scores a copy or duplicate measure against the reference-split null ({@link
   * Measure.BandMethod#REFERENCE_SPLIT}), its null values multiplied by {@code scale} to correct
   * for the split's smaller sizes (collision rates grow about linearly with the number of rows
   * compared); {@code observed} may come from every row rather than the held ones.
   */
  void addSplit(
      Measure measure, ToDoubleFunction<byte[]> f, double observed, double scale, String detail) {
    addSplit(measure, f, observed, scale, detail, measure.rows());
  }

  /** As above, the observation made on {@code rows}. */
  void addSplit(
      Measure measure,
      ToDoubleFunction<byte[]> f,
      double observed,
      double scale,
      String detail,
      Evidence.RowScope rows) {
    addSplit(measure, Subject.DATASET, f, observed, scale, detail, rows);
  }

  /** As above for one column's values. */
  void addSplit(
      Measure measure, Subject subject, ToDoubleFunction<byte[]> f, double scale, String detail) {
    if (wanted(measure)) {
      addSplit(
          measure,
          subject,
          f,
          f.applyAsDouble(plan.observedBytes()),
          scale,
          detail,
          measure.rows());
    }
  }

  private void addSplit(
      Measure measure,
      Subject subject,
      ToDoubleFunction<byte[]> f,
      double observed,
      double scale,
      String detail,
      Evidence.RowScope rows) {
    if (!wanted(measure) || Double.isNaN(observed) || plan.splitSize < 2) {
      return;
    }
    byte[][] splits = plan.referenceSplits;
    double[] nulls = Resampling.replicated(splits.length, b -> scale * f.applyAsDouble(splits[b]));
    NullBand band = Bands.of(nulls);
    if (Double.isNaN(band.upper())) {
      return;
    }
    add(Evidence.of(measure, subject, observed, band, detail).onRows(rows));
  }

  void addSplit(Measure measure, ToDoubleFunction<byte[]> f, double scale, String detail) {
    if (wanted(measure)) {
      addSplit(measure, f, f.applyAsDouble(plan.observedBytes()), scale, detail);
    }
  }

  /**
   * A dataset-level statistic over measures that are each judged alone ({@link
   * Measure.BandMethod#RESPLIT_MEAN}, {@link Combined#meanExcess}): many small shifts in the same
   * direction.
   */
  void addMeanExcess(Measure measure, List<Replicated> parts, String what) {
    Combined.Statistic s = Combined.meanExcess(parts, plan.resplits.length);
    if (s == null) {
      return;
    }
    // Measured on every row when each part was.
    boolean allRows = parts.stream().allMatch(r -> r == null || r.rows() == Evidence.RowScope.ALL);
    add(
        Evidence.of(
                measure,
                Subject.DATASET,
                s.observed(),
                Bands.of(s.nulls()),
                "mean over "
                    + s.parts()
                    + " "
                    + what
                    + " of (value - band mean) / band sd: many small shifts in the same"
                    + " direction")
            .onRows(allRows ? Evidence.RowScope.ALL : Evidence.RowScope.ANALYSED));
  }

  /**
   * The largest standardised excess over parts measured alike on different subsets ({@link
   * Measure.BandMethod#RESPLIT_MAX}, {@link Combined#maxExcess}), naming the part that reaches it.
   */
  void addMaxExcess(
      Measure measure, Subject subject, List<String> names, List<Replicated> parts, String detail) {
    if (!wanted(measure)) {
      return;
    }
    Combined.Statistic s = Combined.maxExcess(names, parts);
    if (s == null) {
      return;
    }
    NullBand band = Bands.of(s.nulls());
    if (Double.isNaN(band.upper())) {
      return;
    }
    add(
        Evidence.of(
            measure, subject, s.observed(), band, detail + "; largest in '" + s.worst() + "'"));
  }

  /**
   * A column's histograms per bucket: from the states of every row of both files when the pass kept
   * them and the files' sizes allow {@link Buckets#COUNT} buckets per side, else from the held rows
   * (the same hash of the file row, with as many buckets as {@link Bucketed#countFor} asks).
   */
  Bucketed bucketed(Pool.Var v) {
    if (statesServe()) {
      Bucketed b = Bucketed.of(v, candBuckets, refBuckets);
      if (b != null) {
        return b;
      }
    }
    return Bucketed.of(
        v,
        data,
        options.seed(),
        options.seed() + 1,
        Bucketed.countFor(data.nC, data.nR),
        allRowsHeld);
  }

  /**
   * Whether the pass kept the states of every row of both files and their sizes allow {@link
   * Buckets#COUNT} buckets per side ({@link Bucketed#countFor}).
   */
  boolean statesServe() {
    return candBuckets != null
        && refBuckets != null
        && Bucketed.countFor(
                Arrays.stream(candBuckets.rows()).sum(), Arrays.stream(refBuckets.rows()).sum())
            == Buckets.COUNT;
  }

  /** Both files' states of every row, when {@link #statesServe}; else null. */
  Buckets[] states() {
    return statesServe() ? new Buckets[] {candBuckets, refBuckets} : null;
  }

  /**
   * Scores a measure of both files' states of every row against its permutation null ({@link
   * Measure.BandMethod#RESPLIT}) made of bucket re-splits, as {@link #addBucketed} does: {@code f}
   * takes the pooled buckets' sides ({@code toCandidate}, null for the observed split). Only when
   * {@link #statesServe}.
   */
  Replicated addStates(
      Measure measure,
      Subject subject,
      ToDoubleFunction<boolean[]> f,
      CollapseType cause,
      String detail) {
    if (!wanted(measure)) {
      return null;
    }
    double observed = f.applyAsDouble(null);
    if (Double.isNaN(observed)) {
      return null;
    }
    long[] rows = pooledRows();
    boolean[][] splits = plan.bucketSplits(Buckets.COUNT, chosen(Buckets.COUNT, rows[0], rows[1]));
    double[] nulls = Resampling.replicated(splits.length, b -> f.applyAsDouble(splits[b]));
    return scored(measure, subject, observed, nulls, cause, detail, Evidence.RowScope.ALL);
  }

  /** Rows of the candidate and of the reference over every row. */
  private long[] pooledRows() {
    return new long[] {
      Arrays.stream(candBuckets.rows()).sum(), Arrays.stream(refBuckets.rows()).sum()
    };
  }

  /** Rows per pooled bucket of the states: the candidate's buckets, then the reference's. */
  long[] bucketRows() {
    long[] c = candBuckets.rows();
    long[] out = Arrays.copyOf(c, 2 * c.length);
    System.arraycopy(refBuckets.rows(), 0, out, c.length, c.length);
    return out;
  }

  /**
   * Categories of a column over every row of both files, or -1 when unknown (not kept, numeric, or
   * overflowed).
   */
  int categoriesOverAllRows(String name) {
    Buckets.Col c = candBuckets.column(name);
    Buckets.Col r = refBuckets.column(name);
    if (c == null || r == null || c.numeric() || r.numeric() || c.overflowed() || r.overflowed()) {
      return -1;
    }
    Set<String> all = new HashSet<>(c.counts().keySet());
    all.addAll(r.counts().keySet());
    return all.size();
  }

  /** Pooled buckets sent to the candidate: its share of the rows, at least one, not all. */
  private static int chosen(int count, long nC, long nR) {
    return (int) Math.max(1, Math.min(count - 1, Math.round((double) count * nC / (nC + nR))));
  }

  /**
   * Scores measures of one bucketed column against their permutation null ({@link
   * Measure.BandMethod#RESPLIT}) made of bucket re-splits: each re-split sends a random set of
   * pooled buckets, as many as the candidate's share of the rows, to the candidate side, and every
   * measure is computed from the merged histograms ({@link Marginals#sides}). Buckets are random
   * subsets of rows, so a union of random buckets is a random re-split of the rows. Returns the
   * values per measure (null where no evidence was added), for {@link #addMeanExcess}.
   */
  List<Replicated> addBucketed(Bucketed col, Subject subject, List<ColumnMeasure> measures) {
    List<ColumnMeasure> kept = measures.stream().filter(m -> wanted(m.measure())).toList();
    List<Replicated> out = new ArrayList<>();
    if (kept.isEmpty()) {
      measures.forEach(m -> out.add(null));
      return out;
    }
    long nC = col.candidateRows();
    long nR = col.referenceRows();
    boolean[][] splits = plan.bucketSplits(col.count, chosen(col.count, nC, nR));
    double[][] nulls = new double[kept.size()][splits.length];
    IntStream.range(0, splits.length)
        .parallel()
        .forEach(
            b -> {
              Marginals.Sides s = Marginals.sides(col, splits[b]);
              for (int m = 0; m < kept.size(); m++) {
                nulls[m][b] = kept.get(m).f().applyAsDouble(s);
              }
            });
    Marginals.Sides observedSides = Marginals.sides(col, null);
    Evidence.RowScope rows = col.allRows ? Evidence.RowScope.ALL : Evidence.RowScope.ANALYSED;
    for (ColumnMeasure cm : measures) {
      int m = kept.indexOf(cm);
      double observed = m < 0 ? Double.NaN : cm.value(observedSides);
      NullBand band = m < 0 ? null : cm.deficit() ? Bands.ofDeficit(nulls[m]) : Bands.of(nulls[m]);
      if (Double.isNaN(observed) || Double.isNaN(band.upper())) {
        out.add(null);
        continue;
      }
      add(Evidence.of(cm.measure(), subject, observed, band, cm.cause(), cm.detail()).onRows(rows));
      out.add(new Replicated(observed, cm.deficit() ? Bands.truncated(nulls[m]) : nulls[m], rows));
    }
    return out;
  }

  /**
   * A loss-of-marked-rows measure with its exact null ({@link Measure.BandMethod#HYPERGEOMETRIC}):
   * the candidate's count X of marked rows is hypergeometric under a random split because the
   * marked set does not depend on the split. The band's upper edge is the deficit at X's lower
   * quantile of 0.135% / {@code columns} (the one-sided 3-sigma level, Bonferroni-adjusted over the
   * columns measured the same way), so small counts and many columns do not turn sampling noise
   * into findings.
   *
   * @param counts {candidate's marked, all marked, candidate present, reference present}
   */
  void addExact(
      Measure measure,
      Subject subject,
      long[] counts,
      int columns,
      String detail,
      Evidence.RowScope rows) {
    if (!wanted(measure)) {
      return;
    }
    int mc = Math.toIntExact(counts[0]);
    int total = Math.toIntExact(counts[1]);
    int nc = Math.toIntExact(counts[2]);
    int nr = Math.toIntExact(counts[3]);
    double observed = Measures.setDeficit(mc, total, nc, nr);
    if (total == 0 || Double.isNaN(observed)) {
      return;
    }
    int xq = Hypergeometric.lowerQuantile(nc + nr, total, nc, EXACT_TAIL / Math.max(1, columns));
    double expected = (double) total * nc / (nc + nr);
    double mean = Measures.setDeficit((int) Math.round(expected), total, nc, nr);
    double upper = Measures.setDeficit(xq, total, nc, nr);
    NullBand band = new NullBand(Double.isNaN(mean) ? 0 : mean, Double.isNaN(upper) ? 1 : upper, 0);
    add(
        Evidence.of(
                measure,
                subject,
                observed,
                band,
                detail + "; exact hypergeometric band over " + total + " marked rows")
            .onRows(rows));
  }
}
