package org.synthos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.assess.SideTask;
import org.synthos.io.DataFormat;
import org.synthos.io.DatasetFile;
import org.synthos.io.ReadOptions;
import picocli.CommandLine.Option;

/** Reader options shared by every command that reads a dataset. */
final class InputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Input format: csv, tsv, jsonl or parquet (default: detected from content and name).")
  String format;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description =
          "Field delimiter for CSV (default: detected among , ; TAB |). Use \\t for a tab.")
  String delimiter;

  @Option(
      names = "--null",
      paramLabel = "TOKEN",
      description =
          "A cell text that means missing (repeatable; default: empty, NA, N/A, null, NULL).")
  List<String> nullTokens = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "COLUMN=TYPE",
      description =
          "Force a column's type (repeatable): integer, float, boolean, categorical, datetime, text,"
              + " identifier; or the roles id, category, numeric. Reports say 'override' for it.")
  Map<String, String> types = new LinkedHashMap<>();

  ReadOptions toReadOptions() {
    ReadOptions options = ReadOptions.defaults();
    if (format != null) {
      options = options.withFormat(parseFormat(format));
    }
    if (delimiter != null) {
      String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
      if (d.length() != 1) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "--delimiter takes one character, got '" + delimiter + "'");
      }
      options = options.withDelimiter(d.charAt(0));
    }
    if (!nullTokens.isEmpty()) {
      options = options.withNullTokens(Set.copyOf(nullTokens));
    }
    Map<String, ColumnType> overrides = new LinkedHashMap<>();
    types.forEach((column, type) -> overrides.put(column, ColumnType.fromLabel(type)));
    if (!overrides.isEmpty()) {
      options = options.withSchemaOverrides(overrides);
    }
    return options;
  }

  static DataFormat parseFormat(String text) {
    try {
      return DataFormat.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SynthosException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "unsupported format '" + text + "'; expected csv, tsv, jsonl or parquet");
    }
  }

  static Path path(String file) {
    return Path.of(file);
  }

  /**
   * The candidate and the reference (null when none is named) as sources, opened at once: each open
   * infers a schema and hashes the whole file, which for large files is seconds of reading before
   * the validation starts. A failure is the one opening them in turn would report: the candidate's
   * first.
   */
  static DatasetSource[] sources(String candidate, String reference, ReadOptions options) {
    if (reference == null) {
      return new DatasetSource[] {source(candidate, options), null};
    }
    SideTask<DatasetSource> ref =
        SideTask.start(() -> source(reference, options), "synthos-open-reference");
    DatasetSource cand;
    try {
      cand = source(candidate, options);
    } catch (RuntimeException | Error e) {
      ref.joinQuietly();
      throw e;
    }
    return new DatasetSource[] {cand, ref.join()};
  }

  /**
   * A dataset file as the assessment's source, named as the user gave it: {@link DatasetFile} opens
   * it for several passes with its schema pinned and hashes it (synthos-io); this only hands it to
   * the engine.
   */
  static DatasetSource source(String file, ReadOptions options) {
    DatasetFile data = DatasetFile.open(path(file), options);
    return new DatasetSource(
        data.path().toString(),
        data.schema(),
        () -> data.batches(),
        data.sha256(),
        data.sizeBytes());
  }
}
