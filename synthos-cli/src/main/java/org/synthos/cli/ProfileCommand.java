package org.synthos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.synthos.core.profile.ColumnSummary;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiler;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.DetectedFormat;
import org.synthos.io.ReadOptions;
import org.synthos.io.ReadStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synthos profile}: the schema and a per-column summary of one file, in one streaming pass.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Show the inferred schema and a per-column summary of a dataset.")
final class ProfileCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "CSV, TSV, JSON Lines or Parquet file (may be .gz or .zst).")
  String file;

  @Mixin InputOptions input = new InputOptions();

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Top values shown per categorical column (default: ${DEFAULT-VALUE}).")
  int top = 5;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--progress",
      description = "Draw the progress bar even when stderr is not a terminal.")
  boolean forceProgress;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path path = InputOptions.path(file);
    ReadOptions readOptions = input.toReadOptions();
    DetectedFormat detected = Datasets.detect(path, readOptions);
    ProfileResult result =
        profile(path, readOptions, threads, forceProgress, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    List<ColumnSummary> summaries = result.profile().summaries(top);
    if (json) {
      out.println(ProfileRenderer.json(file, detected, result, summaries));
    } else {
      out.print(ProfileRenderer.text(file, detected, result, summaries));
    }
    out.flush();
    return SynthosCli.EXIT_OK;
  }

  /** The profile of one file and the reader's counters. */
  record ProfileResult(DatasetProfile profile, ReadStats stats, double seconds) {}

  @SuppressWarnings("try") // the bar is closed, not used, inside the block
  static ProfileResult profile(
      Path path, ReadOptions readOptions, int threads, boolean forceProgress, PrintWriter err) {
    long start = System.nanoTime();
    try (DatasetReader reader = Datasets.open(path, readOptions)) {
      AtomicLong bytes = new AtomicLong();
      long total = reader.stats().totalBytes();
      DatasetProfile profile;
      try (ProgressBar bar =
          ProgressBar.start(
              err, "profiling " + path.getFileName(), bytes::get, total, forceProgress)) {
        profile =
            Profiler.profile(
                reader.schema(),
                Datasets.batches(reader, stats -> bytes.set(stats.bytesRead())),
                ProfileOptions.defaults().withThreads(Math.max(1, threads)));
      }
      return new ProfileResult(profile, reader.stats(), (System.nanoTime() - start) / 1e9);
    }
  }
}
