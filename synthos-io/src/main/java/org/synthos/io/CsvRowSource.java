package org.synthos.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * CSV and TSV records through fastcsv (RFC 4180: double quotes, doubled quotes inside, line breaks
 * inside quotes). The first record is the header; blank lines are skipped and are not rows. Header
 * names are trimmed; a blank one becomes {@code column_<n>}. A record (quoted line breaks included)
 * may hold up to four times the line limit, at most 64 Mi characters; beyond that the quote is
 * taken as unterminated. Parser failures become typed, located errors.
 */
final class CsvRowSource implements RowSource {
  private static final Pattern LINE = Pattern.compile("record starting at line (\\d+)");
  private static final int MAX_BUFFER = 1 << 26;

  private final CsvReader<CsvRecord> csv;
  private final Iterator<CsvRecord> records;
  private final Location file;
  private final Compression compression;
  private final int bufferChars;
  private final List<String> columns;
  private long line;
  private long rows;

  CsvRowSource(
      Reader text, char delimiter, int maxLineLength, Location file, Compression compression) {
    this.file = file;
    this.compression = compression;
    int buffer = (int) Math.min(MAX_BUFFER, Math.max(1 << 16, 4L * maxLineLength));
    this.bufferChars = buffer;
    this.csv =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .allowUnclosedQuote(false)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .detectBomHeader(false)
            .maxBufferSize(buffer)
            .ofCsvRecord(text);
    this.records = csv.iterator();
    CsvRecord header = advance();
    if (header == null) {
      throw new SynthosException(ErrorCode.EMPTY_FILE, "the file has no header row", file);
    }
    InputLimits.checkColumns(header.getFieldCount(), file.withLine(line));
    List<String> names = new ArrayList<>(header.getFieldCount());
    for (int i = 0; i < header.getFieldCount(); i++) {
      String name = header.getField(i).strip();
      names.add(name.isEmpty() ? "column_" + (i + 1) : name);
    }
    this.columns = List.copyOf(names);
  }

  @Override
  public String[] next() {
    CsvRecord r = advance();
    if (r == null) {
      return null;
    }
    rows++;
    int n = r.getFieldCount();
    if (n != columns.size()) {
      throw new SynthosException(
          ErrorCode.RAGGED_ROW,
          "row has " + n + " fields but the header has " + columns.size(),
          file.withLine(line).withRow(rows));
    }
    String[] cells = new String[n];
    for (int i = 0; i < n; i++) {
      cells[i] = r.getField(i);
    }
    return cells;
  }

  private CsvRecord advance() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord r = records.next();
      line = r.getStartingLineNumber();
      return r;
    } catch (CsvParseException e) {
      throw parseFailure(e);
    } catch (UncheckedIOException e) {
      throw InputFiles.readFailure(file.withLine(line), compression, e.getCause());
    }
  }

  private SynthosException parseFailure(CsvParseException e) {
    if (e.getCause() instanceof SynthosException s) {
      return s;
    }
    if (e.getCause() instanceof IOException io) {
      return InputFiles.readFailure(file.withLine(line), compression, io);
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = LINE.matcher(message);
    long at = m.find() ? Long.parseLong(m.group(1)) : line;
    Location where = file.withLine(at);
    if (message.startsWith("Unclosed quoted field")) {
      return new SynthosException(
          ErrorCode.UNTERMINATED_QUOTE,
          "a quoted field opened in this record is still open at the end of the file",
          where,
          e);
    }
    if (message.contains("maximum buffer size")) {
      return new SynthosException(
          ErrorCode.UNTERMINATED_QUOTE,
          "a quoted field opened in this record is not closed within "
              + bufferChars
              + " characters",
          where,
          e);
    }
    if (message.contains("maximum limit of") && message.contains("fields")) {
      return InputLimits.exceeded(
          "a record has more fields than the limit of " + InputLimits.MAX_COLUMNS + " columns",
          where);
    }
    return new SynthosException(
        ErrorCode.MALFORMED_RECORD, "malformed CSV: " + InputFiles.oneLine(e), where, e);
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public boolean declare(String name) {
    return false;
  }

  @Override
  public void freezeColumns() {
    // The header fixes the columns.
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      // Closing a read-only file loses nothing.
    }
  }
}
