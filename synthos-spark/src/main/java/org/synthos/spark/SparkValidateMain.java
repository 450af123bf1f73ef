package org.synthos.spark;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Verdict;
import org.synthos.io.FileDigests;
import org.synthos.io.ReadOptions;
import org.synthos.report.Certificates;
import org.synthos.report.FlaggedRowsCsv;
import org.synthos.report.HtmlReport;
import org.synthos.report.JsonReport;
import org.synthos.report.PolicyFiles;
import org.synthos.report.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code synthos-spark validate}: the command line's {@code validate} with the pass run on Spark,
 * for {@code spark-submit} (the master comes from Spark's configuration) or the {@code
 * synthos-spark} launcher ({@code --master}). Exit codes are {@code synthos validate}'s: 0
 * approved, 3 rejected, 2 bad usage or input, 1 internal error.
 */
public final class SparkValidateMain {
  static final int EXIT_OK = 0;
  static final int EXIT_REJECTED = 3;

  /** How a {@code --progress} line starts; the stage key, its index and the stage count follow. */
  public static final String PROGRESS_PREFIX = "synthos-spark: stage ";

  private SparkValidateMain() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    // A Databricks JAR task must end by returning: there System.exit fails the run even with 0.
    if (code != EXIT_OK || System.getenv("DATABRICKS_RUNTIME_VERSION") == null) {
      System.exit(code);
    }
  }

  /** Runs the command and returns the exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Root());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("synthos-spark: " + ex.getMessage());
          err.println("Try 'synthos-spark validate --help' for usage.");
          return ErrorCode.INVALID_ARGUMENT.exitCode();
        });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> report(ex, err));
    return cli.execute(args);
  }

  static int report(Throwable ex, PrintStream err) {
    if ("1".equals(System.getenv("SYNTHOS_DEBUG"))) {
      ex.printStackTrace(err);
    }
    Throwable t = ex instanceof SynthosException ? ex : SparkValidator.unwrap(ex);
    if (t instanceof SynthosException se) {
      err.println(
          "synthos-spark: error "
              + se.code().code()
              + " ("
              + se.code().name()
              + "): "
              + se.getMessage());
      return se.code().exitCode();
    }
    err.println("synthos-spark: internal error: " + ex);
    return ErrorCode.INTERNAL.exitCode();
  }

  @Command(
      name = "synthos-spark",
      mixinStandardHelpOptions = true,
      subcommands = Validate.class,
      description = "Synthos on Spark: validate datasets with the pass run as a Spark job.")
  static final class Root implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Judge whether a dataset is safe to train on, reading it with Spark (CSV, TSV or Parquet,"
            + " from any path Spark reads: local, s3a://, hdfs://).",
        "Exit code 0 when approved, 3 when rejected, 2 for bad input, 1 for internal errors."
      })
  static final class Validate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CANDIDATE", description = "The dataset to judge.")
    String candidate;

    @Option(names = "--reference", paramLabel = "REAL", description = "Real data to compare.")
    String reference;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column to predict.")
    String target;

    @Option(names = "--time", paramLabel = "COLUMN", description = "The column ordering rows.")
    String time;

    @Option(
        names = "--learn-budget",
        paramLabel = "TIME",
        description = "Proxy-model time, e.g. 10s; 0 turns it off (default: ${DEFAULT-VALUE}).")
    String learnBudget = "10s";

    @Option(
        names = "--learn-tiers",
        paramLabel = "TIERS",
        description =
            "Proxy-model tiers, comma-separated from linear, gbt_small, gbt_large, mlp (default:"
                + " auto, as on synthos validate; mlp needs the neural tier on the class path).")
    String learnTiers = "auto";

    @Option(
        names = "--predict-at",
        paramLabel = "ROWS",
        description = "Training size to predict model performance at.")
    long predictAt;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML.")
    Path policy;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
    Path report;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report here.")
    Path html;

    @Option(
        names = "--rows-out",
        paramLabel = "FILE.csv",
        description = "Write the flagged rows (row, cause, group, reason) here as CSV.")
    Path rowsOut;

    @Option(
        names = "--certificate",
        paramLabel = "FILE",
        description = "On approval, write a signed certificate here.")
    Path certificate;

    @Option(
        names = "--key",
        paramLabel = "FILE",
        description =
            "Ed25519 signing key for --certificate (created on first use; default:"
                + " ${DEFAULT-VALUE}).")
    Path key = SigningKey.defaultFile();

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(
        names = "--max-rows",
        paramLabel = "N",
        description = "Rows analysed per dataset (default: ${DEFAULT-VALUE}).")
    int maxRows = ValidationOptions.defaults().maxRows();

    @Option(
        names = "--master",
        paramLabel = "URL",
        description =
            "Spark master, e.g. local[2] or yarn (default: Spark's configuration, else local[*]).")
    String master;

    @Option(
        names = "--conf",
        paramLabel = "KEY=VALUE",
        description =
            "A Spark setting for this run, as spark-submit's --conf (repeatable), e.g."
                + " spark.hadoop.fs.s3a.endpoint=http://host:9000.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(
        names = "--progress",
        description =
            "Print a line on standard error as each stage starts: '"
                + PROGRESS_PREFIX
                + "STAGE INDEX TOTAL' (for a caller that follows the job).")
    boolean progress;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Policy chosen = policy == null ? Policy.defaults() : PolicyFiles.load(policy);
      ValidationOptions options =
          ValidationOptions.of(
              chosen, seed, target, time, maxRows, learnBudget, predictAt, learnTiers);
      // Before Spark starts, so that a mistyped path costs no session.
      if (rowsOut != null
          && !rowsOut.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new SynthosException(
            ErrorCode.UNSUPPORTED_FORMAT,
            "synthos-spark writes flagged rows as CSV; name the --rows-out file .csv");
      }
      SparkInput.requireLocalExists(candidate);
      if (reference != null) {
        SparkInput.requireLocalExists(reference);
      }
      // A certificate names the file by its SHA-256, read here from every byte of a local file.
      Optional<String> sha256 = Optional.empty();
      if (certificate != null) {
        Path local = SparkInput.localFile(candidate);
        if (local == null) {
          throw new SynthosException(
              ErrorCode.INVALID_ARGUMENT,
              "--certificate needs the candidate as one local file, whose SHA-256 it names");
        }
        sha256 = Optional.of(FileDigests.sha256(local));
      }
      SparkSession spark = session(master, conf);
      ValidationResult result;
      try {
        ReadOptions read = ReadOptions.defaults();
        SparkInput cand = SparkInput.read(spark, candidate, read);
        Optional<SparkInput> ref =
            Optional.ofNullable(reference).map(r -> SparkInput.read(spark, r, read));
        spec.commandLine()
            .getErr()
            .println(
                "synthos-spark: candidate partitions: " + cand.rows().javaRDD().getNumPartitions());
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener listener =
            progress
                ? (stage, index, total) ->
                    err.println(PROGRESS_PREFIX + stage.key() + " " + index + " " + total)
                : ProgressListener.NONE;
        result = SparkValidator.validate(cand, ref, options, listener, Clock.systemUTC(), sha256);
      } finally {
        spark.stop();
      }
      if (report != null) {
        JsonReport.write(result, report);
      }
      if (html != null) {
        HtmlReport.write(result, html);
      }
      if (rowsOut != null) {
        FlaggedRowsCsv.write(result.flaggedRows(), rowsOut);
      }
      if (certificate != null) {
        if (result.approved()) {
          Certificates.write(
              Certificates.issue(result, SigningKey.loadOrCreate(key), Instant.now()), certificate);
        } else {
          spec.commandLine()
              .getErr()
              .println("synthos-spark: no certificate written: the dataset was rejected");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(summary(result));
      out.flush();
      return result.approved() ? EXIT_OK : EXIT_REJECTED;
    }
  }

  /**
   * A session for this run: the given master, else Spark's ({@code spark-submit}), else local; with
   * the given settings on top (they win over the local defaults below).
   */
  static SparkSession session(String master, Map<String, String> conf) {
    SparkSession.Builder builder = SparkSession.builder().appName("synthos validate");
    String chosen = master;
    if (chosen == null && !new SparkConf().contains("spark.master")) {
      chosen = "local[*]";
    }
    if (chosen != null) {
      builder = builder.master(chosen);
    }
    if (chosen != null && chosen.startsWith("local")) {
      // One machine: stay on the loopback interface, and no web UI to start.
      builder =
          builder
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.ui.enabled", "false");
    }
    for (Map.Entry<String, String> e : conf.entrySet()) {
      builder = builder.config(e.getKey(), e.getValue());
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  static String summary(ValidationResult r) {
    Verdict v = r.verdict();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s  risk %.1f (%s)  %,d candidate rows%n",
            v.decision(),
            v.riskScore(),
            v.riskLevel(),
            r.candidate().rows()));
    for (DimensionResult d : r.dimensions()) {
      String line =
          d instanceof DimensionResult.Scored s
              ? String.format(Locale.ROOT, "%5.1f  %s", s.score(), s.status())
              : "  n/a  " + ((DimensionResult.NotApplicable) d).reason();
      sb.append(String.format(Locale.ROOT, "  %-36s %s%n", d.dimension().title(), line));
    }
    for (String reason : v.reasons()) {
      sb.append("  - ").append(reason).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
