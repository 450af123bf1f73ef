package org.synthos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.signature.PreScreen;
import org.synthos.core.signature.PreScreenJson;
import org.synthos.core.signature.ProfileFeatures;
import org.synthos.core.signature.ScreenPass;
import org.synthos.core.signature.SignatureFile;
import org.synthos.core.signature.SignatureIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthos prescreen}: a dataset's pre-risk from the nearest signatures of a local library,
 * in one cheap pass and without a reference.
 */
@Command(
    name = "prescreen",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate a dataset's risk from the nearest validations recorded in a signature library"
          + " (synthos validate --library), in one pass and without a reference.",
      "Not applicable, with the reason, when the library is empty or holds nothing similar."
    })
final class PreScreenCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "CSV, TSV, JSON Lines or Parquet file (may be .gz or .zst).")
  String file;

  @Option(
      names = "--library",
      paramLabel = "DIR",
      description = "The signature library's directory (default: ${DEFAULT-VALUE}).")
  Path library = defaultLibrary();

  @Option(
      names = "--k",
      paramLabel = "N",
      description = "Nearest signatures to consider (default: ${DEFAULT-VALUE}).")
  int k = PreScreen.DEFAULT_K;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads for the pass (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin InputOptions input = new InputOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (k < 1 || k > 1000) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, "--k must be 1 to 1000, got " + k);
    }
    DatasetSource source = InputOptions.source(file, input.toReadOptions());
    long start = System.nanoTime();
    SignatureIndex index = SignatureFile.load(library);
    ProfileFeatures features = ScreenPass.features(source, Math.max(1, threads));
    PreScreen.Result result = PreScreen.screen(index, features, source.sha256(), k, e -> true);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(PreScreenJson.toJson(result, features, source.sha256())));
    } else {
      out.print(text(file, library, result, seconds));
    }
    out.flush();
    return SynthosCli.EXIT_OK;
  }

  static String text(String file, Path library, PreScreen.Result result, double seconds) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "Pre-screen of %s (%.2f s) against %d signatures in %s%n",
            file,
            seconds,
            result.librarySize(),
            library));
    if (result instanceof PreScreen.NotApplicable na) {
      s.append("Not applicable: ").append(na.reason()).append('\n');
    } else if (result instanceof PreScreen.Estimate e) {
      s.append(
          String.format(
              Locale.ROOT,
              "Pre-risk %.1f (90%% interval %.1f-%.1f) from %d neighbours (%.1f effective)%n",
              e.risk(),
              e.riskLow(),
              e.riskHigh(),
              e.used(),
              e.effectiveNeighbours()));
      s.append(
          String.format(
              Locale.ROOT,
              "P(reject) %.2f (90%% credible interval %.2f-%.2f): %s%n",
              e.rejectProbability(),
              e.rejectLow(),
              e.rejectHigh(),
              e.confident()
                  .map(d -> "confident " + d.key())
                  .orElse("not confident; run synthos validate")));
    }
    if (!result.neighbours().isEmpty()) {
      s.append("Nearest signatures:\n");
      s.append("  similarity  risk   decision  validation\n");
      for (SignatureIndex.Neighbour n : result.neighbours()) {
        s.append(
            String.format(
                Locale.ROOT,
                "  %-10.3f  %-5.1f  %-8s  %s%s%n",
                n.similarity(),
                n.risk(),
                n.decision().key(),
                n.validationId(),
                n.sameDataset() ? " (this very dataset)" : ""));
      }
    }
    return s.toString();
  }

  /** {@code $SYNTHOS_HOME/signatures}, else {@code ~/.synthos/signatures}. */
  static Path defaultLibrary() {
    return ValidateCommand.defaultKey().resolveSibling("signatures");
  }
}
