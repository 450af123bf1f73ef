package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.synthos.core.assess.Dimension;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Learnability;
import org.synthos.core.assess.LearningOptions;
import org.synthos.core.assess.LearningTask;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.measure.learn.Design;
import org.synthos.core.assess.measure.learn.LearningCurves;
import org.synthos.core.assess.measure.learn.Neural;
import org.synthos.core.assess.measure.learn.ProxyModel;
import org.synthos.core.assess.measure.learn.ProxyTier;
import org.synthos.core.assess.measure.learn.Scores;
import org.synthos.core.assess.measure.learn.Targets;
import org.synthos.core.assess.pool.Pool;

/**
 * The proxy-model cascade: for each target, models trained on the candidate are tested on held-out
 * reference rows (train synthetic, test real) beside the same models trained on as many reference
 * rows (train real, test real).
 *
 * <p>The reference rows are split at random into thirds: T (test), A and B. The observed gap is
 * metric(trained on A) - metric(trained on the candidate), both on T at the same size s = min(|A|,
 * candidate rows). Its null band comes from {@value #REPLICATES} fresh three-way splits of the
 * reference, each giving metric(A_b) - metric(B_b) on T_b: what the gap is when the candidate is
 * merely more real data. The small boosted tier decides; every tier is also trained on nested
 * subsets of the candidate (s / 16 .. s) for its learning curve. Every split, subset and seed is
 * drawn up front from the validation's seed, and each model trains on one thread, so the results do
 * not depend on how the models are scheduled.
 */
final class LearnabilityJudge {
  /**
   * The hard stop, as a multiple of the budget: models not started by then are cancelled. The plan
   * sizes the cascade to the budget before anything trains, so results depend on the machine's
   * speed only past this stop; it sits well above the budget so that a loaded machine (a CI runner,
   * a busy node) still gives the seed's report, and only a cost model wrong by this much cuts
   * models.
   */
  static final int HARD_STOP_FACTOR = 6;

  static final int REPLICATES = 10;
  static final int SIZES = 5;
  static final int MIN_TRAIN = 30;

  /** Mixed into the first job's seed to seed the curves' second series. */
  private static final long SECOND_SERIES = 0x5345434f4e44L;

  /** Mixed into the first job's seed to seed the neural tier's models and curve. */
  private static final long NEURAL_SERIES = 0x4e455552414cL;

  /**
   * Planned nanoseconds per training row x feature x round x tier cost; measured for XGBoost's
   * histogram trees on one core of the 2-core development machine, rounded up.
   */
  static final double NANOS_PER_UNIT = 5;

  private final Judging j;
  private final Pool data;
  private final LearningOptions options;
  private final SplittableRandom random;
  private final long predictAt;
  private final List<ProxyTier> tiers;
  private final ProgressListener listener;
  private long plannedNanos;

  private LearnabilityJudge(Judging j, ProgressListener listener) {
    this.j = j;
    this.data = j.data;
    this.options = j.options.learning();
    this.random = j.plan.learnRandom;
    this.predictAt = options.predictAt() > 0 ? options.predictAt() : 10L * data.nC;
    this.tiers = tiers(options);
    this.listener = listener;
  }

  static Learnability judge(Judging j, ProgressListener listener) {
    return new LearnabilityJudge(j, listener).run();
  }

  /**
   * The tiers whose curves are trained, in cascade order: those named, with gbt_small (which
   * decides) always; by default the XGBoost tiers, and the neural tier when its learner is
   * installed and the budget is at least {@link LearningOptions#NEURAL_AUTO_BUDGET_MILLIS}.
   */
  static List<ProxyTier> tiers(LearningOptions options) {
    List<ProxyTier> out = new ArrayList<>();
    for (ProxyTier t : ProxyTier.values()) {
      boolean wanted =
          options.tiers().isEmpty()
              ? !t.neural()
                  || options.budgetMillis() >= LearningOptions.NEURAL_AUTO_BUDGET_MILLIS
                      && Neural.learner() != null
              : t == ProxyTier.GBT_SMALL || options.tiers().contains(t.key());
      if (wanted) {
        out.add(t);
      }
    }
    return out;
  }

  private Learnability run() {
    String reason = null;
    if (!options.enabled()) {
      reason = "the proxy-model cascade was turned off (a learning budget of 0)";
    } else if (!data.hasReference()) {
      reason = "needs a reference dataset to test models on real rows; none was given";
    } else if (!j.enoughRows()) {
      reason = "too few rows to train and test models";
    }
    List<Targets.Choice> choices = reason == null ? targets() : List.of();
    if (reason == null && choices.isEmpty()) {
      reason = j.options.targetColumn() != null ? missingTarget() : Targets.noneReason();
    }
    if (reason != null) {
      j.notApplicable.put(Dimension.LEARNABILITY, reason);
      return Learnability.notApplicable(reason, options.budgetMillis(), predictAt);
    }
    TargetJudge.judge(j, choices);
    long deadline = System.nanoTime() + HARD_STOP_FACTOR * 1_000_000L * options.budgetMillis();
    List<Learnability.Target> out = new ArrayList<>();
    for (int t = 0; t < choices.size(); t++) {
      long share = (1_000_000L * options.budgetMillis() - plannedNanos) / (choices.size() - t);
      out.add(target(choices.get(t), t, choices.size(), share, deadline));
    }
    if (out.stream().allMatch(t -> t.skipped() != null)) {
      String why =
          "no target could be learned: "
              + String.join("; ", out.stream().map(t -> t.column() + ": " + t.skipped()).toList());
      j.notApplicable.put(Dimension.LEARNABILITY, why);
    }
    return new Learnability(out, null, options.budgetMillis(), predictAt, devices(out));
  }

  /** "cpu", or each tier that trained elsewhere with its device. */
  private static String devices(List<Learnability.Target> targets) {
    List<String> elsewhere =
        targets.stream()
            .flatMap(t -> t.curves().stream())
            .filter(c -> c.skipped() == null && !c.device().equals("cpu"))
            .map(c -> c.tier() + " on " + c.device())
            .distinct()
            .toList();
    return elsewhere.isEmpty() ? "cpu" : "cpu; " + String.join(", ", elsewhere);
  }

  private List<Targets.Choice> targets() {
    String named = j.options.targetColumn();
    if (named == null) {
      return Targets.choose(data);
    }
    return data.vars.stream()
        .filter(v -> v.name.equals(named))
        .map(v -> new Targets.Choice(v, "--target", true))
        .toList();
  }

  private String missingTarget() {
    return "the target '"
        + j.options.targetColumn()
        + "' is not compared: it must be in both datasets with compatible types";
  }

  /** One model to train: its tier, rows, test rows, seed and role (see {@link ModelProgress}). */
  record Job(ProxyTier tier, int[] train, int[] test, long seed, String role) {}

  private Learnability.Target target(
      Targets.Choice choice, int index, int count, long budgetNanos, long deadline) {
    Pool.Var var = choice.column();
    LearningTask task = Design.taskOf(var);
    Design.Built built = Design.of(data, var, options.maxRows(), random);
    if (built.reason() != null) {
      return skipped(var.name, task, choice.reason(), built.reason());
    }
    Design d = built.design();
    int third = d.referenceRows / 3;
    int s = Math.min(third, d.candidateRows);
    // The deciding models (the band and the observed pair) may take half the target's share of the
    // budget; beyond it they train on fewer rows, so the plan, not the clock, sets the size.
    double perRow = cost(d, ProxyTier.GBT_SMALL, 1, 0);
    double mustRows = 2.0 * REPLICATES * (s + third) + 2.0 * (2 * s + third);
    if (perRow * mustRows > budgetNanos / 2.0) {
      s = (int) Math.min(s, s * (budgetNanos / 2.0) / (perRow * mustRows));
    }
    if (s < MIN_TRAIN || third < MIN_TRAIN) {
      return skipped(
          var.name,
          task,
          choice.reason(),
          String.format(
              Locale.ROOT,
              "too few rows for the learning budget: %d candidate and %d reference rows hold the"
                  + " target; at least %d training and %d reference rows are needed",
              d.candidateRows,
              d.referenceRows,
              MIN_TRAIN,
              3 * MIN_TRAIN));
    }
    int[] candidate = permuted(0, d.candidateRows);
    int[][] reference = new int[REPLICATES + 1][];
    for (int b = 0; b <= REPLICATES; b++) {
      reference[b] = permuted(d.candidateRows, d.referenceRows);
    }
    int[] test = Arrays.copyOfRange(reference[0], 0, third);
    int[] sizes = sizes(s);
    List<Job> jobs = new ArrayList<>();
    // Must-run jobs first: the null band (A_b, B_b) and the observed pair at size s.
    for (int b = 1; b <= REPLICATES; b++) {
      int[] tb = Arrays.copyOfRange(reference[b], 0, third);
      jobs.add(
          job(ProxyTier.GBT_SMALL, Arrays.copyOfRange(reference[b], third, third + s), tb, "band"));
      jobs.add(
          job(
              ProxyTier.GBT_SMALL,
              Arrays.copyOfRange(reference[b], 2 * third, 2 * third + s),
              tb,
              "band"));
    }
    int trtrAt = jobs.size();
    for (int size : sizes) {
      jobs.add(
          job(
              ProxyTier.GBT_SMALL,
              Arrays.copyOfRange(reference[0], third, third + size),
              test,
              "trtr"));
    }
    int[] tstrAt = new int[ProxyTier.values().length];
    int[] againAt = new int[tstrAt.length];
    String[] skippedTier = new String[tstrAt.length];
    // A second nested series per tier, on another ordering of the candidate, so that the curves'
    // intervals see how much a model's loss moves with its training sample. Its own stream, seeded
    // from the first job's seed, leaves every other draw (and so the decision) as it was.
    SplittableRandom second = new SplittableRandom(jobs.get(0).seed() ^ SECOND_SERIES);
    int[] candidate2 = Shuffle.permutation(0, d.candidateRows, second);
    long planned = 0;
    for (Job job : jobs) {
      planned += cost(d, job);
    }
    // Every tier draws its seeds, selected or not, so that choosing tiers changes no other model;
    // the neural tier from a stream of its own, so that the XGBoost tiers draw as they did alone.
    SplittableRandom neural = new SplittableRandom(jobs.get(0).seed() ^ NEURAL_SERIES);
    for (ProxyTier tier : ProxyTier.values()) {
      SplittableRandom first = tier.neural() ? neural : random;
      SplittableRandom next = tier.neural() ? neural : second;
      List<Job> curve = new ArrayList<>();
      for (int size : sizes) {
        curve.add(new Job(tier, Arrays.copyOf(candidate, size), test, first.nextLong(), "tstr"));
      }
      List<Job> again = new ArrayList<>();
      for (int size : sizes) {
        again.add(
            new Job(tier, Arrays.copyOf(candidate2, size), test, next.nextLong(), "tstr_repeat"));
      }
      if (!tiers.contains(tier)) {
        tstrAt[tier.ordinal()] = -1;
        againAt[tier.ordinal()] = -1;
        continue;
      }
      String unavailable = tier.neural() ? Neural.unavailable() : null;
      long curveCost =
          Stream.concat(curve.stream(), again.stream()).mapToLong(x -> cost(d, x)).sum()
              + (tier.neural() && unavailable == null ? Neural.learner().startNanos() : 0);
      if (unavailable != null) {
        skippedTier[tier.ordinal()] = "not trained: " + unavailable;
        tstrAt[tier.ordinal()] = -1;
        againAt[tier.ordinal()] = -1;
        continue;
      }
      if (tier != ProxyTier.GBT_SMALL && planned + curveCost > budgetNanos) {
        skippedTier[tier.ordinal()] =
            String.format(
                Locale.ROOT,
                "not trained: its planned %.1f s does not fit the learning budget",
                curveCost / 1e9);
        tstrAt[tier.ordinal()] = -1;
        againAt[tier.ordinal()] = -1;
        continue;
      }
      tstrAt[tier.ordinal()] = jobs.size();
      jobs.addAll(curve);
      againAt[tier.ordinal()] = jobs.size();
      jobs.addAll(again);
      planned += curveCost;
    }
    plannedNanos += planned;
    ProxyModel.Predictions[] fits =
        new ModelTraining(d, jobs, index, count, listener).run(deadline);
    return judged(d, choice, jobs, fits, sizes, trtrAt, tstrAt, againAt, skippedTier, test);
  }

  private Learnability.Target judged(
      Design d,
      Targets.Choice choice,
      List<Job> jobs,
      ProxyModel.Predictions[] fits,
      int[] sizes,
      int trtrAt,
      int[] tstrAt,
      int[] againAt,
      String[] skippedTier,
      int[] test) {
    LearningTask task = d.task;
    float[] testLabels = d.labels(test);
    int top = sizes.length - 1;
    ProxyModel.Predictions real = fits[trtrAt + top];
    ProxyModel.Predictions synth = fits[tstrAt[ProxyTier.GBT_SMALL.ordinal()] + top];
    if (real == null || synth == null) {
      return skipped(d.target, task, choice.reason(), "cancelled: the learning budget ran out");
    }
    double[] gapNull = new double[REPLICATES];
    double[] spreadNull = new double[REPLICATES];
    for (int b = 0; b < REPLICATES; b++) {
      Job a = jobs.get(2 * b);
      ProxyModel.Predictions fa = fits[2 * b];
      ProxyModel.Predictions fb = fits[2 * b + 1];
      if (fa == null || fb == null) {
        gapNull[b] = spreadNull[b] = Double.NaN;
        continue;
      }
      float[] labels = d.labels(a.test());
      gapNull[b] =
          Scores.primary(task, fa.test(), labels) - Scores.primary(task, fb.test(), labels);
      spreadNull[b] = spreadGap(task, fa.test(), fb.test(), d.classes());
    }
    Job realJob = jobs.get(trtrAt + top);
    Job synthJob = jobs.get(tstrAt[ProxyTier.GBT_SMALL.ordinal()] + top);
    double trtr = Scores.primary(task, real.test(), testLabels);
    double tstr = Scores.primary(task, synth.test(), testLabels);
    String metric = Scores.primaryName(task);
    String where =
        String.format(
            Locale.ROOT,
            " (%s; %d training rows each, tested on %d held-out reference rows)",
            ProxyTier.GBT_SMALL.describe(),
            sizes[top],
            test.length);
    Subject subject = Subject.of(d.target);
    add(
        Measure.LEARNABILITY_GAP,
        subject,
        trtr - tstr,
        gapNull,
        String.format(
                Locale.ROOT,
                "%s trained on real rows minus trained on the candidate: %.4f - %.4f",
                metric,
                trtr,
                tstr)
            + where);
    addDeficit(
        Measure.PREDICTION_COLLAPSE,
        subject,
        spreadGap(task, real.test(), synth.test(), d.classes()),
        spreadNull,
        (task == LearningTask.CLASSIFICATION
                ? "max(0, entropy of the real-trained model's predicted classes - the"
                    + " candidate-trained model's) / ln(classes)"
                : "max(0, ln(sd of the real-trained model's predictions / sd of the"
                    + " candidate-trained model's))")
            + where);
    // Each tier's curve is fitted on its own core, with its own stream drawn here in tier order.
    ProxyTier[] tiers = this.tiers.toArray(ProxyTier[]::new);
    SplittableRandom[] streams = new SplittableRandom[ProxyTier.values().length];
    for (ProxyTier tier : ProxyTier.values()) {
      streams[tier.ordinal()] =
          tier.neural()
              ? new SplittableRandom(jobs.get(0).seed() ^ NEURAL_SERIES ^ 1)
              : random.split();
    }
    Learnability.Curve[] curves = new Learnability.Curve[tiers.length];
    IntStream.range(0, tiers.length)
        .parallel()
        .forEach(
            t ->
                curves[t] =
                    curve(
                        d,
                        tiers[t],
                        fits,
                        sizes,
                        tstrAt,
                        againAt,
                        skippedTier,
                        trtrAt,
                        testLabels,
                        streams[tiers[t].ordinal()]));
    return new Learnability.Target(
        d.target,
        task,
        choice.reason(),
        null,
        sizes[top],
        test.length,
        metric,
        tstr,
        trtr,
        Scores.primary(task, synth.train(), d.labels(synthJob.train())),
        Scores.primary(task, real.train(), d.labels(realJob.train())),
        List.of(curves));
  }

  private Learnability.Curve curve(
      Design d,
      ProxyTier tier,
      ProxyModel.Predictions[] fits,
      int[] sizes,
      int[] tstrAt,
      int[] againAt,
      String[] skippedTier,
      int trtrAt,
      float[] testLabels,
      SplittableRandom stream) {
    int at = tstrAt[tier.ordinal()];
    int againFrom = againAt[tier.ordinal()];
    double[] tstr = new double[sizes.length];
    double[] trtr = new double[sizes.length];
    Arrays.fill(tstr, Double.NaN);
    Arrays.fill(trtr, Double.NaN);
    List<double[][]> losses = new ArrayList<>();
    List<Integer> trained = new ArrayList<>();
    for (int k = 0; at >= 0 && k < sizes.length; k++) {
      List<double[]> series = new ArrayList<>();
      for (int from : new int[] {at, againFrom}) {
        ProxyModel.Predictions p = fits[from + k];
        if (p != null) {
          series.add(Scores.rowLosses(d.task, p.test(), testLabels));
        }
      }
      if (!series.isEmpty()) {
        // The point reported and fitted: the mean loss over the series trained at this size.
        tstr[k] = series.stream().mapToDouble(Scores::mean).average().orElseThrow();
        losses.add(series.toArray(double[][]::new));
        trained.add(sizes[k]);
      }
      if (tier == ProxyTier.GBT_SMALL && fits[trtrAt + k] != null) {
        trtr[k] = Scores.mean(Scores.rowLosses(d.task, fits[trtrAt + k].test(), testLabels));
      }
    }
    Learnability.CurveFit fit =
        at < 0
            ? null
            : LearningCurves.fit(
                trained.stream().mapToInt(Integer::intValue).toArray(),
                losses.toArray(double[][][]::new),
                predictAt,
                stream);
    return new Learnability.Curve(
        tier.key(),
        tier.describe(),
        Scores.lossName(d.task),
        sizes,
        tstr,
        trtr,
        fit,
        skippedTier[tier.ordinal()],
        ModelTraining.device(tier));
  }

  private void add(Measure m, Subject subject, double observed, double[] nulls, String detail) {
    scored(m, subject, observed, Bands.of(nulls), detail);
  }

  /**
   * The deficit max(0, gap) against the band of its signed re-split gaps ({@link Bands#ofDeficit}).
   */
  private void addDeficit(Measure m, Subject subject, double gap, double[] gaps, String detail) {
    scored(m, subject, Bands.deficit(gap), Bands.ofDeficit(gaps), detail);
  }

  private void scored(Measure m, Subject subject, double observed, NullBand band, String detail) {
    if (Double.isNaN(observed) || Double.isNaN(band.upper())) {
      return;
    }
    j.add(Evidence.of(m, subject, observed, band, detail));
  }

  private Job job(ProxyTier tier, int[] train, int[] test, String role) {
    return new Job(tier, train, test, random.nextLong(), role);
  }

  /**
   * The planned nanoseconds of training {@code job} (its training and predicted rows). A
   * multi-class model grows one tree per class and round, but small per-class trees cost less each,
   * so classes count a third each. The neural tier's learner plans its own cost.
   */
  static long cost(Design d, ProxyTier tier, int train, int test) {
    if (tier.neural()) {
      return Neural.learner().plannedNanos(train, test, d.width, d.classes());
    }
    return (long)
        (NANOS_PER_UNIT
            * (train + test)
            * Math.max(1, d.width)
            * tier.rounds()
            * tier.relativeCost()
            * Math.max(1, d.classes() / 3.0));
  }

  private static long cost(Design d, Job job) {
    return cost(d, job.tier(), job.train().length, job.test().length);
  }

  /**
   * {@value #SIZES} training sizes spaced evenly in log scale from max(s / 16, {@value #MIN_TRAIN})
   * to s; fewer when s is small, never two alike.
   */
  static int[] sizes(int s) {
    double lo = Math.max(MIN_TRAIN, s / 16.0);
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < SIZES; k++) {
      int size =
          k == SIZES - 1 ? s : (int) Math.round(lo * Math.pow(s / lo, (double) k / (SIZES - 1)));
      if (size >= MIN_TRAIN && size <= s && (out.isEmpty() || out.get(out.size() - 1) < size)) {
        out.add(size);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private int[] permuted(int from, int count) {
    return Shuffle.permutation(from, count, random);
  }

  /**
   * The signed gap of how much the second model's predictions lost of the first's spread; the
   * measure is its positive part (see the measure).
   */
  private static double spreadGap(
      LearningTask task, float[][] reference, float[][] candidate, int classes) {
    double r = Scores.spread(task, reference);
    double c = Scores.spread(task, candidate);
    if (task == LearningTask.CLASSIFICATION) {
      return (r - c) / Math.log(classes);
    }
    if (!(r > 0)) {
      return Double.NaN;
    }
    return Math.log(r / Math.max(c, r / 100));
  }

  private static Learnability.Target skipped(
      String column, LearningTask task, String chosenBy, String why) {
    return new Learnability.Target(
        column,
        task,
        chosenBy,
        why,
        0,
        0,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        List.of());
  }
}
