package org.synthos.bench.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.Decision;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.signature.PreScreen;
import org.synthos.core.signature.ProfileFeatures;
import org.synthos.core.signature.ScreenPass;
import org.synthos.core.signature.Signature;
import org.synthos.core.signature.SignatureFile;
import org.synthos.core.signature.SignatureIndex;

/**
 * {@code ./bench prescreen [--datasets a,b] [--seeds N] [--defect-seeds M] [--first-seed S]
 * [--threads T] [--k K] [--signatures-out DIR] [--reuse DIR] [--out DIR]}: seeds a signature
 * library from the calibration's runs (clean splits and every family at its moderate severity) and
 * measures the pre-screen against the full verdict of each run, with neighbours from other datasets
 * only (leave one dataset out) and, separately, from the same dataset's other splits (leave one
 * split out). Writes {@code DIR/prescreen.md} (default {@code bench-results/}) and, with {@code
 * --signatures-out}, the library ({@code signatures.jsonl}) that {@code synthos prescreen
 * --library} reads.
 */
public final class PreScreenBench {
  private PreScreenBench() {}

  /** One run: its place in the plan, its signature and the two timings. */
  record Run(
      String dataset,
      String family,
      long seed,
      Signature signature,
      long validateNanos,
      long screenNanos) {
    String scope() {
      return dataset + "#" + seed;
    }
  }

  public static void main(String[] args) throws IOException {
    CalibrationPlan plan = CalibrationPlan.full().moderate().withSeeds(10, 1);
    Path out = Path.of("bench-results");
    Path library = null;
    int k = PreScreen.DEFAULT_K;
    Path reuse = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--datasets" ->
            plan =
                plan.withDatasets(new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(","))));
        case "--seeds" ->
            plan = plan.withSeeds(Integer.parseInt(value(args, ++i)), plan.defectSeeds());
        case "--defect-seeds" ->
            plan = plan.withSeeds(plan.cleanSeeds(), Integer.parseInt(value(args, ++i)));
        case "--first-seed" -> plan = plan.withFirstSeed(Long.parseLong(value(args, ++i)));
        case "--threads" -> plan = plan.withThreads(Integer.parseInt(value(args, ++i)));
        case "--k" -> k = Integer.parseInt(value(args, ++i));
        case "--signatures-out" -> library = Path.of(value(args, ++i));
        case "--reuse" -> reuse = Path.of(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--help", "-h" -> {
          System.out.println(
              "usage: ./bench prescreen [--datasets a,b] [--seeds N] [--defect-seeds M]"
                  + " [--first-seed S] [--threads T] [--k K] [--signatures-out DIR] [--reuse DIR]"
                  + " [--out DIR]");
          return;
        }
        default -> {
          System.err.println("unknown option '" + args[i] + "' (--help lists them)");
          System.exit(2);
        }
      }
    }
    long start = System.nanoTime();
    List<Calibration.Trial> trials =
        Calibration.trials(
            plan, Path.of(""), System.err::println, new ArrayList<>(), new LinkedHashMap<>());
    List<Run> runs = reuse == null ? execute(trials, plan.threads()) : reuse(trials, reuse);
    double wall = (System.nanoTime() - start) / 1e9;
    if (library != null) {
      Files.deleteIfExists(SignatureFile.file(library));
      SignatureFile.appendAll(library, runs.stream().map(Run::signature).toList());
    }
    String command = ("./bench prescreen " + String.join(" ", args)).trim();
    String md = markdown(runs, k, wall, plan.threads(), command);
    Files.createDirectories(out);
    Files.writeString(out.resolve("prescreen.md"), md);
    System.out.print(md);
  }

  /**
   * The runs of an earlier run of the same plan from the library it wrote ({@code
   * --signatures-out}), in plan order, without validating again; their timings were not kept, so
   * the cost line of a reused run says so.
   */
  private static List<Run> reuse(List<Calibration.Trial> trials, Path library) {
    List<Signature> signatures = SignatureFile.read(library);
    if (signatures.size() != trials.size()) {
      throw new IllegalStateException(
          library
              + " holds "
              + signatures.size()
              + " signatures for a plan of "
              + trials.size()
              + " runs: not the same plan");
    }
    List<Run> out = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      Calibration.Trial t = trials.get(i);
      out.add(new Run(t.dataset(), t.family().key(), t.seed(), signatures.get(i), -1, -1));
    }
    return out;
  }

  private static List<Run> execute(List<Calibration.Trial> trials, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Run>> futures = new ArrayList<>();
      for (Calibration.Trial t : trials) {
        futures.add(pool.submit(() -> run(t)));
      }
      List<Run> out = new ArrayList<>();
      int step = Math.max(1, trials.size() / 20);
      for (Future<Run> f : futures) {
        out.add(f.get());
        if (out.size() % step == 0) {
          System.err.println(out.size() + "/" + trials.size() + " validations done");
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Validates one trial as the calibration does, and screens its candidate. */
  private static Run run(Calibration.Trial t) {
    org.synthos.api.ColumnBatch[] halves = Rows.halves(t.data(), t.seed());
    org.synthos.api.ColumnBatch candidate =
        t.family().apply(halves[1], halves[0], t.severity(), t.seed() + 1).batch();
    DatasetSource cand = Calibration.source("candidate", candidate);
    long v0 = System.nanoTime();
    ValidationResult result =
        Validator.validate(
            ValidationInput.of(cand, Calibration.source("reference", halves[0])),
            Calibration.OPTIONS.withSeed(t.seed()),
            ProgressListener.NONE);
    long v1 = System.nanoTime();
    ProfileFeatures features = ScreenPass.features(cand, 1);
    long s1 = System.nanoTime();
    return new Run(
        t.dataset(), t.family().key(), t.seed(), Signature.of(features, result), v1 - v0, s1 - v1);
  }

  /** The pre-screen of every run against the others that {@code visible} admits. */
  record Screened(Run run, PreScreen.Result result, long searchNanos) {}

  static List<Screened> screenAll(List<Run> runs, int k, double h, BiPredicate<Run, Run> visible) {
    SignatureIndex index = new SignatureIndex();
    Map<String, Run> byScope = new LinkedHashMap<>();
    for (Run r : runs) {
      index.add(r.signature(), r.scope());
      byScope.put(r.scope(), r);
    }
    List<Screened> out = new ArrayList<>();
    for (Run r : runs) {
      Predicate<SignatureIndex.Entry> admit = e -> visible.test(r, byScope.get(e.scope()));
      long t0 = System.nanoTime();
      PreScreen.Result res =
          PreScreen.estimate(
              index.nearest(r.signature().features(), null, k, admit, h), index.count(admit));
      out.add(new Screened(r, res, System.nanoTime() - t0));
    }
    return out;
  }

  static String markdown(List<Run> runs, int k, double wall, int threads, String command) {
    StringBuilder md = new StringBuilder();
    long rejected = runs.stream().filter(r -> r.signature().rejected()).count();
    md.append("# Pre-screen against the full verdict\n\n")
        .append("Command: `")
        .append(command)
        .append("`: ")
        .append(runs.size())
        .append(" validations (")
        .append(rejected)
        .append(" rejected by the full verdict) on ")
        .append(runs.stream().map(Run::dataset).distinct().count())
        .append(" datasets, k = ")
        .append(k)
        .append(", ")
        .append(String.format(Locale.ROOT, "%.0f s wall on %d threads.%n%n", wall, threads));
    md.append(
            "| Neighbours from | applicable | AUC of pre-risk (reject vs approve) | AUC of P(reject) |"
                + " confident | confident and wrong | error rate when confident (95% CI) |\n")
        .append("|---|---|---|---|---|---|---|\n");
    double h = SignatureIndex.BANDWIDTH;
    BiPredicate<Run, Run> otherDatasets = (q, e) -> !e.dataset().equals(q.dataset());
    BiPredicate<Run, Run> otherSplits =
        (q, e) -> e.dataset().equals(q.dataset()) && e.seed() != q.seed();
    row(md, "other datasets only (leave one dataset out)", screenAll(runs, k, h, otherDatasets));
    row(
        md,
        "the same dataset's other splits (leave one split out)",
        screenAll(runs, k, h, otherSplits));
    md.append(
        String.format(
            Locale.ROOT,
            "%nThe same runs under other kernel bandwidths h (the answers use h = %.2f, fixed"
                + " before any run; this sweep is exploratory, measured on the runs it"
                + " describes):%n%n",
            h));
    md.append(
            "| h, neighbours from | applicable | AUC of pre-risk (reject vs approve) |"
                + " AUC of P(reject) | confident | confident and wrong | error rate when"
                + " confident (95% CI) |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (double other : new double[] {0.005, 0.01, 0.02, 0.1, 0.2}) {
      String hs = String.format(Locale.ROOT, "%.3f", other);
      row(md, hs + ", other datasets only", screenAll(runs, k, other, otherDatasets));
      row(md, hs + ", same dataset's other splits", screenAll(runs, k, other, otherSplits));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nBase rate: a constant that always answers 'reject' would be right on %d of %d.%n",
            rejected,
            runs.size()));
    double[] validate = runs.stream().mapToDouble(r -> r.validateNanos() / 1e6).sorted().toArray();
    double[] screen = runs.stream().mapToDouble(r -> r.screenNanos() / 1e6).sorted().toArray();
    if (runs.stream().anyMatch(r -> r.validateNanos() < 0)) {
      md.append("\nCost: not measured (runs reused from a library with --reuse).\n");
      return md.toString();
    }
    double mv = median(validate);
    double ms = median(screen);
    md.append(
        String.format(
            Locale.ROOT,
            "%nCost: median full validation %.0f ms, median pre-screen pass %.1f ms (%.1f%% of a"
                + " validation; the search over this library adds well under a millisecond).%n",
            mv,
            ms,
            100 * ms / mv));
    return md.toString();
  }

  private static void row(StringBuilder md, String label, List<Screened> all) {
    List<Double> riskReject = new ArrayList<>();
    List<Double> riskApprove = new ArrayList<>();
    List<Double> pReject = new ArrayList<>();
    List<Double> pApprove = new ArrayList<>();
    int confident = 0;
    int wrong = 0;
    for (Screened s : all) {
      if (!(s.result() instanceof PreScreen.Estimate e)) {
        continue;
      }
      boolean rej = s.run().signature().rejected();
      (rej ? riskReject : riskApprove).add(e.risk());
      (rej ? pReject : pApprove).add(e.rejectProbability());
      if (e.confident().isPresent()) {
        confident++;
        if (e.confident().get() != (rej ? Decision.REJECT : Decision.APPROVE)) {
          wrong++;
        }
      }
    }
    int applicable = riskReject.size() + riskApprove.size();
    int n = all.size();
    String ci = confident == 0 ? "-" : fmtCi(Stats.clopperPearson(wrong, confident, 0.95));
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d/%d = %.1f%% | %s | %s | %d/%d = %.1f%% | %d | %s |%n",
            label,
            applicable,
            n,
            100.0 * applicable / n,
            fmt(Stats.auc(array(riskApprove), array(riskReject))),
            fmt(Stats.auc(array(pApprove), array(pReject))),
            confident,
            n,
            100.0 * confident / n,
            wrong,
            ci));
  }

  private static String fmtCi(Stats.Proportion p) {
    return String.format(
        Locale.ROOT, "%.1f%% (%.1f-%.1f%%)", 100 * p.rate(), 100 * p.lower(), 100 * p.upper());
  }

  private static String fmt(double auc) {
    return Double.isNaN(auc) ? "n/a (one class only)" : String.format(Locale.ROOT, "%.3f", auc);
  }

  private static double[] array(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("option " + args[i - 1] + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
