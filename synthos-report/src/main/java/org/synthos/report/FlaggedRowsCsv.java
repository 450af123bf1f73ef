package org.synthos.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.FlaggedRow;

/**
 * Flagged rows as RFC 4180 CSV with the header {@code row,cause,group,reason}, one line per flagged
 * row and cause, so users can filter the candidate file by row number.
 */
public final class FlaggedRowsCsv {
  private FlaggedRowsCsv() {}

  public static void write(List<FlaggedRow> rows, Path out) {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      write(rows, w);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot write flagged rows: " + e.getMessage(),
          Location.ofFile(out.toString()),
          e);
    }
  }

  public static void write(List<FlaggedRow> rows, Writer w) throws IOException {
    w.write("row,cause,group,reason\n");
    for (FlaggedRow r : rows) {
      w.write(Long.toString(r.row()));
      w.write(',');
      w.write(r.cause().key());
      w.write(',');
      if (r.group() >= 0) {
        w.write(Long.toString(r.group()));
      }
      w.write(',');
      w.write(quote(r.reason()));
      w.write('\n');
    }
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
