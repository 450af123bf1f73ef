package org.synthos.service;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCategory;
import org.synthos.api.SynthosException;
import org.synthos.io.DataFormat;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;
import org.synthos.report.PolicyFiles;

/**
 * The fuzz targets: the CSV, JSON Lines and Parquet readers, the policy and configuration parsers
 * and the body of {@code POST /v1/validations}. Each may end with a result or with a user or data
 * error; an internal error, a resource error or any other exception is a finding. {@link
 * #fuzzerTestOneInput} serves all of them to one standalone Jazzer process, the first byte choosing
 * the target, so that one bounded run covers every parser.
 */
public final class FuzzTargets {
  private static final Path DIR = workDir();

  /**
   * A short line cap: the CSV reader sizes its buffer at four lines, and a megabyte buffer per
   * input would make each execution cost milliseconds. It also reaches the line-length check.
   */
  private static final ReadOptions OPTIONS =
      ReadOptions.defaults().withMaxLineLength(4096).withBatchSize(64);

  private FuzzTargets() {}

  private static Path workDir() {
    try {
      Path shm = Path.of("/dev/shm");
      Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of("target");
      return Files.createTempDirectory(Files.createDirectories(base), "synthos-fuzz-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Standalone Jazzer entry: byte 0 picks the target, the rest is its input. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    int target = data.consumeInt(0, 5);
    byte[] rest = data.consumeRemainingAsBytes();
    switch (target) {
      case 0 -> csv(rest);
      case 1 -> jsonLines(rest);
      case 2 -> parquet(rest);
      case 3 -> policy(rest);
      case 4 -> config(rest);
      default -> httpBody(rest);
    }
  }

  public static void csv(byte[] input) {
    read(input, "csv", DataFormat.CSV);
  }

  public static void jsonLines(byte[] input) {
    read(input, "jsonl", DataFormat.JSONL);
  }

  public static void parquet(byte[] input) {
    read(input, "parquet", DataFormat.PARQUET);
  }

  public static void policy(byte[] input) {
    expected(() -> PolicyFiles.parse(new String(input, StandardCharsets.UTF_8), "fuzz.yaml"));
  }

  public static void config(byte[] input) {
    Path file = write(input, "yaml");
    expected(() -> ServiceConfig.load(Optional.of(file), Map.of(), Map.of()));
  }

  public static void httpBody(byte[] input) {
    expected(() -> HttpApi.parseSubmit(input));
  }

  /** Reads every batch of the input as a file of the given format. */
  private static void read(byte[] input, String extension, DataFormat format) {
    Path file = write(input, extension);
    expected(
        () -> {
          try (DatasetReader r = Datasets.open(file, OPTIONS.withFormat(format))) {
            long rows = 0;
            for (Iterator<ColumnBatch> it = Datasets.batches(r); it.hasNext(); ) {
              rows += it.next().rowCount();
            }
            return rows;
          }
        });
  }

  private static Path write(byte[] input, String extension) {
    Path file = DIR.resolve("input-" + Thread.currentThread().getId() + "." + extension);
    try {
      Files.write(file, input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Runs a parse; only a user or data error may end it early. */
  private static void expected(java.util.concurrent.Callable<?> parse) {
    try {
      parse.call();
    } catch (SynthosException e) {
      ErrorCategory c = e.code().category();
      if (c != ErrorCategory.USER && c != ErrorCategory.DATA) {
        throw new AssertionError(
            "ended with " + e.code().code() + " " + e.code() + ": " + e.getMessage(), e);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("ended with " + e, e);
    }
  }
}
