package org.synthos.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.FlaggedRow;
import org.synthos.io.DataFormat;
import org.synthos.io.DatasetWriter;
import org.synthos.io.DatasetWriters;

/**
 * Writes flagged rows as a table users can join or filter on: {@code row} (one-based data row of
 * the candidate file), {@code cause}, {@code group} (rows sharing a group belong together, e.g.
 * copies of one another) and {@code reason}.
 */
final class FlaggedRowsExport {
  static final Schema SCHEMA =
      Schema.of(
          new Field("row", ColumnType.INTEGER),
          new Field("cause", ColumnType.CATEGORICAL),
          new Field("group", ColumnType.INTEGER),
          new Field("reason", ColumnType.TEXT));

  private FlaggedRowsExport() {}

  static void write(List<FlaggedRow> rows, Path file) {
    int n = rows.size();
    long[] row = new long[n];
    String[] cause = new String[n];
    long[] group = new long[n];
    String[] reason = new String[n];
    for (int i = 0; i < n; i++) {
      FlaggedRow f = rows.get(i);
      row[i] = f.row();
      cause[i] = f.cause().name().toLowerCase(Locale.ROOT);
      group[i] = f.group();
      reason[i] = f.reason();
    }
    Mask none = Mask.none(n);
    ColumnBatch batch =
        new ColumnBatch(
            SCHEMA,
            List.of(
                new Column.Longs(row, n, none, none),
                new Column.Strings(cause, n, none, none),
                new Column.Longs(group, n, none, none),
                new Column.Strings(reason, n, none, none)),
            0,
            n);
    try (DatasetWriter writer = DatasetWriters.of(formatOf(file), file, SCHEMA)) {
      writer.write(batch);
    }
  }

  static DataFormat formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return DataFormat.PARQUET;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return DataFormat.JSONL;
    }
    if (name.endsWith(".tsv")) {
      return DataFormat.TSV;
    }
    if (name.endsWith(".csv")) {
      return DataFormat.CSV;
    }
    throw new SynthosException(
        ErrorCode.UNSUPPORTED_FORMAT,
        "cannot tell the output format of '" + file + "'; name it .csv, .tsv, .jsonl or .parquet");
  }
}
