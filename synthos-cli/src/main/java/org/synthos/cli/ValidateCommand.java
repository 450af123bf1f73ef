package org.synthos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.Policy;
import org.synthos.core.assess.ValidationInput;
import org.synthos.core.assess.ValidationOptions;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Validator;
import org.synthos.core.signature.ScreenPass;
import org.synthos.core.signature.Signature;
import org.synthos.core.signature.SignatureFile;
import org.synthos.io.ReadOptions;
import org.synthos.report.Certificates;
import org.synthos.report.HtmlReport;
import org.synthos.report.JsonReport;
import org.synthos.report.PolicyFiles;
import org.synthos.report.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synthos validate}: is this dataset safe to train on? */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Judge whether a dataset is safe to train on, against a real reference when one is given.",
      "Exit code 0 when approved, 3 when rejected, 2 for bad input, 1 for internal errors."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "CANDIDATE",
      description = "The dataset to judge (usually synthetic).")
  String candidate;

  @Option(
      names = "--reference",
      paramLabel = "REAL",
      description = "Real data the candidate should resemble.")
  String reference;

  @Option(
      names = "--target",
      paramLabel = "COLUMN",
      description =
          "The column a model will predict (default: up to three chosen from the reference by how"
              + " strongly the other columns relate to them).")
  String target;

  @Option(
      names = "--learn-budget",
      paramLabel = "TIME",
      description =
          "Time the proxy-model cascade may take, e.g. 60s, 2m, 500ms; 0 turns it off (default:"
              + " ${DEFAULT-VALUE}).")
  String learnBudget = "10s";

  @Option(
      names = "--learn-tiers",
      paramLabel = "TIERS",
      description =
          "Proxy-model tiers to train, comma-separated from linear, gbt_small, gbt_large, mlp"
              + " (gbt_small always trains: it decides). Default: auto, the three XGBoost tiers,"
              + " plus mlp when the neural tier is installed and --learn-budget is at least 60s.")
  String learnTiers = "auto";

  @Option(
      names = "--predict-at",
      paramLabel = "ROWS",
      description = "Training size to predict model performance at (default: 10x the candidate).")
  long predictAt;

  @Option(
      names = "--time",
      paramLabel = "COLUMN",
      description =
          "The column that orders rows in time (default: the first datetime column, else row order).")
  String time;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy YAML with thresholds per dimension.")
  Path policy;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
  Path report;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write the self-contained HTML report here.")
  Path html;

  @Option(
      names = "--rows-out",
      paramLabel = "FILE",
      description =
          "Write the flagged rows (row, cause, group, reason) here: .csv, .jsonl or .parquet.")
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
          "Ed25519 signing key for --certificate (created on first use; default: ${DEFAULT-VALUE}).")
  Path key = defaultKey();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description =
          "Rows analysed per dataset; larger files are reduced to a seeded uniform sample (default: ${DEFAULT-VALUE}).")
  int maxRows = ValidationOptions.defaults().maxRows();

  @Option(
      names = "--library",
      paramLabel = "DIR",
      description =
          "Add this validation's signature to the signature library in DIR, for synthos"
              + " prescreen (one more pass over the candidate).")
  Path library;

  @Mixin InputOptions input = new InputOptions();

  @Option(
      names = "--progress",
      description = "Draw the progress bar even when stderr is not a terminal.")
  boolean forceProgress;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ReadOptions readOptions = input.toReadOptions();
    Policy chosen = policy == null ? Policy.defaults() : PolicyFiles.load(policy);
    if (policy != null) {
      // The policy's column types, under any --type given for the same column.
      Map<String, ColumnType> types = new LinkedHashMap<>(PolicyFiles.columnTypes(policy));
      types.putAll(readOptions.schemaOverrides());
      readOptions = readOptions.withSchemaOverrides(types);
    }
    ValidationOptions options =
        ValidationOptions.of(
            chosen, seed, target, time, maxRows, learnBudget, predictAt, learnTiers);
    DatasetSource[] sources = InputOptions.sources(candidate, reference, readOptions);
    DatasetSource cand = sources[0];
    DatasetSource ref = sources[1];
    PrintWriter err = spec.commandLine().getErr();
    ValidationResult result;
    StageProgress progress = new StageProgress(err, forceProgress);
    try {
      result = Validator.validate(new ValidationInput(cand, ref), options, progress);
    } finally {
      progress.close();
    }
    if (library != null) {
      SignatureFile.append(
          library,
          Signature.of(
              ScreenPass.features(cand, Runtime.getRuntime().availableProcessors()), result));
      err.println("synthos: signature added to the library in " + library);
    }
    if (report != null) {
      JsonReport.write(result, report);
    }
    if (html != null) {
      HtmlReport.write(result, html);
    }
    if (rowsOut != null) {
      FlaggedRowsExport.write(result.flaggedRows(), rowsOut);
    }
    Path certified = null;
    if (certificate != null) {
      if (result.approved()) {
        certified = certificate;
        Certificates.write(
            Certificates.issue(result, SigningKey.loadOrCreate(key), Instant.now()), certificate);
      } else {
        err.println("synthos: no certificate written: the dataset was rejected");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(VerdictRenderer.text(result, Arrays.asList(report, html, rowsOut, certified)));
    out.flush();
    return result.approved() ? SynthosCli.EXIT_OK : SynthosCli.EXIT_REJECTED;
  }

  static Path defaultKey() {
    return SigningKey.defaultFile();
  }
}
