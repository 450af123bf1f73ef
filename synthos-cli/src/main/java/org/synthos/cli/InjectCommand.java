package org.synthos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.inject.Defect;
import org.synthos.core.assess.inject.DefectInjector;
import org.synthos.core.assess.inject.Injection;
import org.synthos.io.DatasetWriter;
import org.synthos.io.DatasetWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthos inject}: split a real dataset into two disjoint random halves, a reference and a
 * candidate, and give the candidate a known defect. With {@code --defect clean} the candidate is
 * left as it is, which is what a perfect generator would produce.
 */
@Command(
    name = "inject",
    mixinStandardHelpOptions = true,
    description = {
      "Make a candidate with a known defect from real data, for calibration and demonstrations.",
      "The real rows are split at random into two disjoint halves: the reference half and the candidate half;",
      "the defect is applied to the candidate half (memorised copies are drawn from the reference half)."
    })
final class InjectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REAL", description = "The real dataset.")
  String real;

  @Option(
      names = "--defect",
      required = true,
      paramLabel = "NAME",
      description = "clean, or one of: ${COMPLETION-CANDIDATES}",
      completionCandidates = DefectNames.class)
  String defect;

  @Option(
      names = "--severity",
      paramLabel = "S",
      description =
          "Strength in [0, 1] (standard deviations for mean_shift and drift; default: the moderate level).")
  Double severity;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the split and the defect (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The candidate (.csv, .jsonl, .parquet).")
  Path out;

  @Option(names = "--reference-out", paramLabel = "FILE", description = "The reference half.")
  Path referenceOut;

  @Mixin InputOptions input = new InputOptions();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DatasetSource source = InputOptions.source(real, input.toReadOptions());
    ColumnBatch all = DefectInjector.materialise(source.schema(), source.batches().get());
    if (all.rowCount() < 4) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS,
          "need at least 4 rows to split into reference and candidate, found " + all.rowCount());
    }
    int[] order = shuffled(all.rowCount(), new SplittableRandom(seed));
    int half = all.rowCount() / 2;
    ColumnBatch reference = all.select(Arrays.copyOfRange(order, 0, half));
    ColumnBatch candidate = all.select(Arrays.copyOfRange(order, half, all.rowCount()));
    String description;
    if (defect.equalsIgnoreCase("clean")) {
      description = "no defect: a disjoint random half of the real data";
    } else {
      Defect d = Defect.fromKey(defect);
      if (d == null) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "unknown defect '" + defect + "'; see synthos inject --help");
      }
      Injection injection =
          DefectInjector.inject(
              candidate,
              reference,
              d,
              severity == null ? d.moderateSeverity() : severity,
              seed + 1);
      candidate = injection.batch();
      description = injection.description();
    }
    write(candidate, out);
    if (referenceOut != null) {
      write(reference, referenceOut);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "candidate %s: %,d rows (%s)%n", out, candidate.rowCount(), description);
    if (referenceOut != null) {
      w.printf(Locale.ROOT, "reference %s: %,d rows%n", referenceOut, reference.rowCount());
    }
    w.flush();
    return SynthosCli.EXIT_OK;
  }

  private static void write(ColumnBatch batch, Path file) {
    try (DatasetWriter writer =
        DatasetWriters.of(FlaggedRowsExport.formatOf(file), file, batch.schema())) {
      writer.write(batch);
    }
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Arrays.sort(order, 0, n / 2);
    Arrays.sort(order, n / 2, n);
    return order;
  }

  /** Lists the defect names for the help text. */
  static final class DefectNames extends ArrayList<String> {
    DefectNames() {
      for (Defect d : Defect.values()) {
        add(d.key());
      }
    }
  }
}
