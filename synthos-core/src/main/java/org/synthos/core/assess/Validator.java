package org.synthos.core.assess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.explain.ChartBuilder;
import org.synthos.core.assess.explain.Localiser;
import org.synthos.core.assess.explain.Recommender;
import org.synthos.core.assess.judge.Findings;
import org.synthos.core.assess.judge.Judge;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.ExactRows;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.assess.pool.LeadingCuts;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;
import org.synthos.core.assess.pool.RowHashes;

/**
 * The {@code validate} pipeline: profile, intrinsic checks, fidelity, multivariate analysis,
 * collapse assessment, localisation, recommendations with ablation, decision.
 */
public final class Validator {
  /** The engine version recorded in reports and certificates. */
  public static final String ENGINE_VERSION = engineVersion();

  private Validator() {}

  /** Validates with the system UTC clock. */
  public static ValidationResult validate(
      ValidationInput input, ValidationOptions options, ProgressListener progress) {
    return validate(input, options, progress, Clock.systemUTC());
  }

  /** Validates; {@code clock} stamps {@code createdAt}/{@code completedAt} only. */
  public static ValidationResult validate(
      ValidationInput input, ValidationOptions options, ProgressListener progress, Clock clock) {
    return validate(input, options, progress, clock, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Validates with the passes read by {@code reader} (e.g. a cluster job over partitions) instead
   * of this machine's threads; everything after the passes runs here, as for local files.
   */
  public static ValidationResult validate(
      ValidationInput input,
      ValidationOptions options,
      ProgressListener progress,
      Clock clock,
      PassReader reader) {
    return validate(input, options, progress, clock, 1, reader);
  }

  /** Validates reading each file on {@code threads} threads; the result does not depend on them. */
  static ValidationResult validate(
      ValidationInput input,
      ValidationOptions options,
      ProgressListener progress,
      Clock clock,
      int threads) {
    return validate(input, options, progress, clock, threads, null);
  }

  /**
   * Reads the passes of both inputs somewhere other than this machine's threads.
   *
   * <p>The contract is the local pass's: the candidate's sample is seeded with {@code
   * options.seed()} and the reference's with {@code options.seed() + 1}, both keyed on zero-based
   * file row indexes and holding at most {@code options.maxRows()} rows; row hashes use {@link
   * FullPass#HASH_SEED} over the given columns; exact rows list at most {@link
   * Localiser#LISTED_ROWS} rows per cause. The bucketed states of every row ({@link
   * FullPass#buckets}, keyed on the same file row indexes) give the local answer; without them the
   * column and pair measures are judged on the held rows, whose bands (row re-splits for the pair
   * measures) differ from the states'.
   */
  public interface PassReader {
    /**
     * @param candHashed the candidate columns whose values make a row's hash, in hashing order
     *     (empty for none, and then no exact rows)
     * @param ref null without a reference
     * @param refHashed the reference columns paired with {@code candHashed}
     */
    Passes read(
        DatasetSource cand,
        int[] candHashed,
        DatasetSource ref,
        int[] refHashed,
        ValidationOptions options);
  }

  /**
   * The passes of the candidate and the reference (null without one), and the exact rows over every
   * row of both (null when no column is hashed); the passes need not hold their row hashes.
   */
  public record Passes(FullPass cand, FullPass ref, ExactRows exact) {}

  private static ValidationResult validate(
      ValidationInput input,
      ValidationOptions options,
      ProgressListener progress,
      Clock clock,
      int threads,
      PassReader reader) {
    Instant created = clock.instant();
    Stage[] stages = Stage.values();
    List<StageTiming> timings = new ArrayList<>();
    Timer timer = new Timer(progress, timings, stages.length);

    DatasetSource candSource = input.candidate();
    DatasetSource refSource = input.reference();
    Held held =
        timer.time(
            Stage.PROFILE,
            () -> {
              // The compared columns are known from the schemas, so one pass per file can hash
              // every row over them for exact duplicates and copies.
              List<int[]> compared =
                  Pool.comparedColumns(
                      candSource.schema(),
                      refSource == null ? null : refSource.schema(),
                      new ArrayList<>());
              int[] candHashed = compared.stream().mapToInt(p -> p[0]).toArray();
              int[] refHashed = compared.stream().mapToInt(p -> p[1]).toArray();
              Read cand;
              Read ref;
              ExactRows exact;
              if (reader == null) {
                Map<String, double[]> cuts =
                    refSource == null
                        ? Map.of()
                        : LeadingCuts.of(
                            candSource, candHashed, refSource, refHashed, options.maxRows());
                Reads both =
                    readBoth(candSource, candHashed, refSource, refHashed, options, threads, cuts);
                cand = both.cand();
                ref = both.ref();
                exact =
                    cand.hashes == null
                        ? null
                        : ExactRows.of(
                            cand.hashes, ref == null ? null : ref.hashes, Localiser.LISTED_ROWS);
              } else {
                Passes passes = reader.read(candSource, candHashed, refSource, refHashed, options);
                cand =
                    new Read(RawTable.of(candSource, passes.cand()), null, passes.cand().buckets);
                ref =
                    refSource == null
                        ? null
                        : new Read(
                            RawTable.of(refSource, passes.ref()), null, passes.ref().buckets);
                exact = passes.exact();
              }
              requireColumn(options.targetColumn(), cand.table, "target");
              requireColumn(options.timeColumn(), cand.table, "time");
              requireOrderable(options.timeColumn(), cand.table);
              RawTable refTable = ref == null ? null : ref.table;
              return new Held(
                  cand.table,
                  refTable,
                  exact,
                  new Judge(
                      cand.table,
                      refTable,
                      options,
                      exact,
                      cand.buckets,
                      ref == null ? null : ref.buckets));
            });
    Judge judge = held.judge();
    try {
      // With more than one thread the whole-row measures, drift and the proxy-model cascade run
      // beside the intrinsic and fidelity phases; the multivariate and learnability stages' times
      // are then the waits for them, and fidelity's includes the wait for drift.
      timer.run(
          Stage.INTRINSIC,
          () -> {
            if (threads > 1) {
              judge.startNeighbours();
              judge.startDrifts();
              judge.startLearnability(progress);
            }
            judge.intrinsic();
          });
      timer.run(Stage.FIDELITY, judge::fidelity);
      timer.run(Stage.MULTIVARIATE, judge::neighbours);
    } catch (RuntimeException | Error e) {
      judge.abandon();
      throw e;
    }
    timer.run(Stage.LEARNABILITY, () -> judge.learnability(progress));
    Findings findings = timer.time(Stage.COLLAPSE, judge::findings);
    Pool pool = judge.pool();
    Map<Cause, List<FlaggedRow>> flagged =
        timer.time(Stage.LOCALISATION, () -> new Localiser(findings, pool, held.exact()).flag());
    List<Recommendation> recommendations =
        timer.time(
            Stage.RECOMMENDATIONS,
            () ->
                new Recommender(findings, pool, held.cand(), held.ref(), flagged, options)
                    .recommend());
    Charts charts = timer.time(Stage.DECISION, () -> ChartBuilder.build(pool));

    SourceInfo candInfo = info(candSource, held.cand());
    SourceInfo refInfo = refSource == null ? null : info(refSource, held.ref());
    List<FlaggedRow> rows = new ArrayList<>();
    flagged.values().forEach(rows::addAll);
    return new ValidationResult(
        validationId(candInfo, refInfo, options),
        "ds-" + candInfo.fingerprint().substring(0, 16),
        created,
        clock.instant(),
        ENGINE_VERSION,
        candInfo,
        refInfo,
        options,
        findings.timeColumn(),
        pool.differences,
        findings.dimensions(),
        findings.checks(),
        findings.verdict(),
        Localiser.summarise(flagged, held.cand().size, held.exact()),
        rows,
        recommendations,
        timings,
        charts,
        findings.learnability());
  }

  /** The passes of the candidate and the reference (null without one). */
  private record Reads(Read cand, Read ref) {}

  /** The held rows of both files, exact rows over every row, and the judge over them. */
  private record Held(RawTable cand, RawTable ref, ExactRows exact, Judge judge) {}

  /**
   * What the assessment keeps of one file's pass: the held table, the row hashes and the bucketed
   * states of every row. The pass's sample and profile are dropped here, before the next file is
   * read.
   */
  private record Read(RawTable table, RowHashes hashes, Buckets buckets) {
    static Read of(
        DatasetSource source,
        int[] hashed,
        long seed,
        ValidationOptions options,
        int threads,
        Map<String, double[]> cuts) {
      FullPass pass =
          FullPass.read(source, hashed, options.maxRows(), seed, threads, Long.MAX_VALUE, cuts);
      return new Read(RawTable.of(source, pass), pass.hashes, pass.buckets);
    }
  }

  /**
   * Files below this size are read at the same time: one small file's pass cannot keep every core
   * busy (its parse, sample and hashing are short and partly serial). Larger files are read one
   * after the other, since each pass alone uses every core and two at once would double the batches
   * queued in memory.
   */
  static final long CONCURRENT_READ_BYTES = 64L << 20;

  /**
   * Reads the candidate and the reference (or null); a pass's result does not depend on its thread
   * count or timing, so reading at once changes nothing but time. The candidate's error wins when
   * both fail, as when reading one after the other.
   */
  private static Reads readBoth(
      DatasetSource candSource,
      int[] candHashed,
      DatasetSource refSource,
      int[] refHashed,
      ValidationOptions options,
      int threads,
      Map<String, double[]> cuts) {
    if (refSource == null) {
      return new Reads(
          Read.of(candSource, candHashed, options.seed(), options, threads, cuts), null);
    }
    boolean small =
        candSource.sizeBytes() >= 0
            && refSource.sizeBytes() >= 0
            && candSource.sizeBytes() < CONCURRENT_READ_BYTES
            && refSource.sizeBytes() < CONCURRENT_READ_BYTES;
    if (!small || threads < 2) {
      Read cand = Read.of(candSource, candHashed, options.seed(), options, threads, cuts);
      return new Reads(
          cand, Read.of(refSource, refHashed, options.seed() + 1, options, threads, cuts));
    }
    int half = Math.max(1, threads / 2);
    SideTask<Read> ref =
        SideTask.start(
            () -> Read.of(refSource, refHashed, options.seed() + 1, options, threads - half, cuts),
            "synthos-read-reference");
    Read cand;
    try {
      cand = Read.of(candSource, candHashed, options.seed(), options, half, cuts);
    } catch (RuntimeException | Error e) {
      // Joined so that no pass outlives the validation that started it.
      ref.joinQuietly();
      throw e;
    }
    return new Reads(cand, ref.join());
  }

  private static void requireColumn(String name, RawTable cand, String role) {
    if (name != null && cand.schema.indexOf(name).isEmpty()) {
      throw new SynthosException(
          ErrorCode.UNKNOWN_COLUMN,
          "the "
              + role
              + " column '"
              + name
              + "' is not in the candidate; columns are "
              + cand.schema.names(),
          Location.ofFile(cand.uri).withColumn(name));
    }
  }

  private static void requireOrderable(String name, RawTable cand) {
    if (name != null
        && !cand.schema.field(cand.schema.indexOf(name).orElseThrow()).type().isNumeric()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the time column '" + name + "' must hold datetimes or numbers",
          Location.ofFile(cand.uri).withColumn(name));
    }
  }

  private static SourceInfo info(DatasetSource src, RawTable t) {
    return new SourceInfo(
        src.uri(),
        src.sha256(),
        t.contentSha256,
        src.sizeBytes(),
        t.totalRows,
        t.size,
        src.schema().fields());
  }

  private static String validationId(SourceInfo cand, SourceInfo ref, ValidationOptions o) {
    MessageDigest md = RawTable.sha256();
    String key =
        String.join(
            "|",
            cand.fingerprint(),
            ref == null ? "-" : ref.fingerprint(),
            String.valueOf(o),
            ENGINE_VERSION);
    byte[] h = md.digest(key.getBytes(StandardCharsets.UTF_8));
    String hex = HexFormat.of().formatHex(h);
    return "val-" + hex.substring(0, 24);
  }

  private static String engineVersion() {
    String v = Validator.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }

  /** Times stages and reports their start. */
  private static final class Timer {
    private final ProgressListener progress;
    private final List<StageTiming> timings;
    private final int total;

    Timer(ProgressListener progress, List<StageTiming> timings, int total) {
      this.progress = progress;
      this.timings = timings;
      this.total = total;
    }

    <T> T time(Stage stage, Supplier<T> work) {
      progress.stageStarted(stage, stage.ordinal(), total);
      long start = System.nanoTime();
      T result = work.get();
      timings.add(new StageTiming(stage, (System.nanoTime() - start) / 1_000_000));
      return result;
    }

    void run(Stage stage, Runnable work) {
      time(
          stage,
          () -> {
            work.run();
            return null;
          });
    }
  }
}
