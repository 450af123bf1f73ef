package org.synthos.bench.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.synthos.api.ColumnBatch;
import org.synthos.core.assess.CollapseType;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Learnability;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.Status;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;

/**
 * Runs a {@link CalibrationPlan}: for each dataset, seed, family and severity it splits the real
 * rows into disjoint random halves (reference and candidate), applies the family to the candidate
 * half, and validates in process with the default policy, also scoring the baseline.
 */
public final class Calibration {
  /**
   * The options of every validation (seeded per run); the threshold sweep re-decides under them.
   */
  static final ValidationOptions OPTIONS = ValidationOptions.defaults().withAblations(0);

  private Calibration() {}

  /**
   * Everything a run produced.
   *
   * @param plan what was run
   * @param outcomes one per validation, in plan order
   * @param skipped one message per dataset that was not found
   * @param datasetRows rows used per dataset (after the cap)
   * @param wallSeconds the run's wall time
   */
  public record Result(
      CalibrationPlan plan,
      List<Outcome> outcomes,
      List<String> skipped,
      Map<String, Integer> datasetRows,
      double wallSeconds) {
    public Result {
      outcomes = List.copyOf(outcomes);
      skipped = List.copyOf(skipped);
      datasetRows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasetRows));
    }
  }

  /** Runs the plan on data under {@code root}; {@code log} receives progress lines. */
  public static Result run(CalibrationPlan plan, Path root, Consumer<String> log) {
    long start = System.nanoTime();
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> rows = new LinkedHashMap<>();
    List<Trial> trials = trials(plan, root, log, skipped, rows);
    List<Outcome> outcomes = execute(trials, plan.threads(), log);
    return new Result(plan, outcomes, skipped, rows, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The plan's validations in plan order, on the datasets found under {@code root}; adds a message
   * per missing dataset to {@code skipped} and the rows of each loaded one to {@code rows}.
   */
  static List<Trial> trials(
      CalibrationPlan plan,
      Path root,
      Consumer<String> log,
      List<String> skipped,
      Map<String, Integer> rows) {
    List<Trial> trials = new ArrayList<>();
    for (BenchDataset d : plan.selected()) {
      Optional<ColumnBatch> data = d.load(root);
      if (data.isEmpty()) {
        String msg =
            d.name()
                + ": "
                + d.relativePath()
                + " not found, skipped (make it with tools/data/prepare.sh derived)";
        skipped.add(msg);
        log.accept(msg);
        continue;
      }
      rows.put(d.name(), data.get().rowCount());
      trials.addAll(trialsFor(plan, d.name(), data.get()));
    }
    log.accept(
        trials.size()
            + " validations on "
            + rows.size()
            + " datasets, "
            + plan.threads()
            + " threads");
    return trials;
  }

  /** One validation of the plan: a dataset, a family at a severity, a seed. */
  record Trial(
      String dataset, ColumnBatch data, Family family, double severity, long seed, int maxRows) {}

  private static List<Trial> trialsFor(CalibrationPlan plan, String name, ColumnBatch data) {
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < plan.cleanSeeds(); i++) {
      out.add(new Trial(name, data, Family.CLEAN, 0, plan.firstSeed() + i, plan.maxRows()));
    }
    for (Family f : Family.defective()) {
      if (!plan.families().isEmpty() && !plan.families().contains(f.key())) {
        continue;
      }
      for (double s : f.severities()) {
        if (plan.moderateOnly() && !f.isModerate(s)) {
          continue;
        }
        for (int i = 0; i < plan.defectSeeds(); i++) {
          out.add(new Trial(name, data, f, s, plan.firstSeed() + i, plan.maxRows()));
        }
      }
    }
    return out;
  }

  private static List<Outcome> execute(List<Trial> trials, int threads, Consumer<String> log) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Trial t : trials) {
        futures.add(pool.submit(() -> validate(t)));
      }
      List<Outcome> out = new ArrayList<>();
      int step = Math.max(1, trials.size() / 20);
      for (Future<Outcome> f : futures) {
        out.add(f.get());
        if (out.size() % step == 0) {
          log.accept(out.size() + "/" + trials.size() + " validations done");
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("calibration interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a calibration task failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome validate(Trial t) {
    long start = System.nanoTime();
    Family f = t.family();
    String expected = f.expected() == null ? "none" : f.expected().key();
    try {
      ColumnBatch[] halves = Rows.halves(t.data(), t.seed());
      ColumnBatch reference = halves[0];
      Family.Candidate injected = f.apply(halves[1], reference, t.severity(), t.seed() + 1);
      ColumnBatch candidate = injected.batch();
      ValidationResult r =
          Validator.validate(
              ValidationInput.of(source("candidate", candidate), source("reference", reference)),
              options(t),
              ProgressListener.NONE);
      double baseline = QualityBaseline.score(reference, candidate).orElse(Double.NaN);
      Map<String, Double> scores = new LinkedHashMap<>();
      List<String> weakest = new ArrayList<>();
      for (DimensionResult d : r.dimensions()) {
        if (d instanceof DimensionResult.Scored s) {
          // Unrounded: rounding could lift a score just below a threshold onto it, and the
          // threshold sweep must reproduce every decision from these scores.
          scores.put(d.dimension().key(), s.score());
          if (s.status() == Status.FAIL && !s.evidence().isEmpty()) {
            weakest.add(d.dimension().key() + ": " + describe(s.evidence().get(0)));
          }
        }
      }
      List<String> failedChecks =
          r.checks().stream()
              .filter(c -> c.status() == Status.FAIL)
              .map(
                  c ->
                      c.column() == null ? c.kind().key() : c.kind().key() + "(" + c.column() + ")")
              .toList();
      CollapseType primary = r.verdict().primaryType();
      return new Outcome(
          t.dataset(),
          f.key(),
          t.severity(),
          f.isModerate(t.severity()),
          t.seed(),
          injected.changedRows(),
          !r.approved(),
          round(r.verdict().riskScore()),
          primary == null ? "none" : primary.key(),
          expected,
          baseline,
          scores,
          failedChecks,
          weakest,
          curveChecks(r),
          (System.nanoTime() - start) / 1_000_000,
          null);
    } catch (RuntimeException e) {
      return new Outcome(
          t.dataset(),
          f.key(),
          t.severity(),
          f.isModerate(t.severity()),
          t.seed(),
          0,
          false,
          Double.NaN,
          "none",
          expected,
          Double.NaN,
          Map.of(),
          List.of(),
          List.of(),
          List.of(),
          (System.nanoTime() - start) / 1_000_000,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The held-out check of every curve the learnability cascade fitted. */
  private static List<Outcome.CurveCheck> curveChecks(ValidationResult r) {
    List<Outcome.CurveCheck> out = new ArrayList<>();
    for (Learnability.Target t : r.learnability().targets()) {
      for (Learnability.Curve c : t.curves()) {
        Learnability.CurveFit f = c.fit();
        if (f == null || f.family() == null || !Double.isFinite(f.heldOutPredicted())) {
          continue;
        }
        double error = Math.abs(f.heldOutPredicted() - f.heldOutObserved());
        out.add(
            new Outcome.CurveCheck(
                t.column(), c.tier(), f.heldOutWithin(), error, error / f.heldOutObserved()));
      }
    }
    return out;
  }

  private static String describe(Evidence e) {
    return String.format(
        java.util.Locale.ROOT,
        "%s(%s)=%.4g vs band upper %.4g, score %.1f",
        e.measure().key(),
        e.column() == null ? "-" : e.column(),
        e.value(),
        e.nullBand().upper(),
        e.score());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The calibration's options with the trial's seed and rows analysed. */
  private static ValidationOptions options(Trial t) {
    ValidationOptions o = OPTIONS.withSeed(t.seed());
    return new ValidationOptions(
        o.policy(),
        o.seed(),
        o.targetColumn(),
        o.timeColumn(),
        t.maxRows(),
        o.multivariateRows(),
        o.replicates(),
        o.ablations(),
        o.learning());
  }

  static DatasetSource source(String name, ColumnBatch batch) {
    return DatasetSource.ofBatches(name, batch.schema(), List.of(batch));
  }
}
