package org.synthos.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>fastcsv hands each field to {@link Fields} as a range of its buffer, which copies the record's
 * characters into one buffer of its own: rows for type inference become strings ({@link #next}),
 * the rest go to a {@link RowBlock} as ranges ({@link #fill}), so a cell costs no string until a
 * string column keeps it.
 */
final class CsvRowSource implements RowSource {
  private static final Pattern LINE = Pattern.compile("record starting at line (\\d+)");
  private static final int MAX_BUFFER = 1 << 26;

  /** The most fields a record may have, as fastcsv's own record handler allows. */
  static final int MAX_FIELDS = 16_384;

  /** The most characters of fields a record may have, as fastcsv's own record handler allows. */
  static final int MAX_RECORD_CHARS = 1 << 26;

  private final CsvReader<Fields> csv;
  private final Iterator<Fields> records;
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
            .build(new Fields(MAX_RECORD_CHARS), text);
    this.records = csv.iterator();
    Fields header = advance();
    if (header == null) {
      throw new SynthosException(ErrorCode.EMPTY_FILE, "the file has no header row", file);
    }
    InputLimits.checkColumns(header.count, file.withLine(line));
    List<String> names = new ArrayList<>(header.count);
    for (int i = 0; i < header.count; i++) {
      String name = header.field(i).strip();
      names.add(name.isEmpty() ? "column_" + (i + 1) : name);
    }
    this.columns = List.copyOf(names);
  }

  @Override
  public String[] next() {
    Fields r = record();
    if (r == null) {
      return null;
    }
    String[] cells = new String[r.count];
    for (int i = 0; i < r.count; i++) {
      cells[i] = r.field(i);
    }
    return cells;
  }

  @Override
  public boolean fill(RowBlock block) {
    block.clear();
    int n = columns.size();
    Fields r;
    while (!block.full() && (r = record()) != null) {
      // The record's fields lie one after another in its buffer: one copy, then their offsets.
      int base = block.append(r.text, 0, r.used);
      int first = block.rows * n;
      for (int i = 0; i < n; i++) {
        block.start[first + i] = base + r.start[i];
        block.length[first + i] = r.length[i];
      }
      block.rows++;
    }
    return block.rows > 0;
  }

  /** The next data record, checked to have one field per column; null at the end. */
  private Fields record() {
    Fields r = advance();
    if (r == null) {
      return null;
    }
    rows++;
    if (r.count != columns.size()) {
      throw new SynthosException(
          ErrorCode.RAGGED_ROW,
          "row has " + r.count + " fields but the header has " + columns.size(),
          file.withLine(line).withRow(rows));
    }
    return r;
  }

  private Fields advance() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      Fields r = records.next();
      line = r.startingLine();
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
    if (e.getCause() instanceof TooManyFields) {
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

  /** Raised by {@link Fields} past {@link #MAX_FIELDS} fields; fastcsv wraps it. */
  private static final class TooManyFields extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyFields() {
      super("too many fields", null, false, false);
    }
  }

  /**
   * The fields of the record fastcsv is reading, copied out of its buffer (valid only while the
   * field is handed over) into one buffer of their own, valid until the next record. Records are at
   * most {@code maxChars} characters of fields, as fastcsv's own handler allows.
   */
  static final class Fields extends AbstractBaseCsvCallbackHandler<Fields> {
    private final int maxChars;
    char[] text = new char[1 << 12];
    int[] start = new int[64];
    int[] length = new int[64];
    int count;

    /** Characters of the record's fields, which lie one after another from the start of text. */
    int used;

    Fields(int maxChars) {
      this.maxChars = maxChars;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      count = 0;
      used = 0;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
      if (count == MAX_FIELDS) {
        throw new TooManyFields();
      }
      if (used + len > maxChars) {
        throw new CsvParseException(
            "Record starting at line "
                + getStartingLineNumber()
                + " has surpassed the maximum limit of "
                + maxChars
                + " characters");
      }
      if (count == start.length) {
        start = Arrays.copyOf(start, 2 * count);
        length = Arrays.copyOf(length, 2 * count);
      }
      if (used + len > text.length) {
        text = Arrays.copyOf(text, Math.max(used + len, 2 * text.length));
      }
      System.arraycopy(buf, offset, text, used, len);
      start[count] = used;
      length[count] = len;
      count++;
      used += len;
    }

    @Override
    protected Fields buildRecord() {
      return this;
    }

    long startingLine() {
      return getStartingLineNumber();
    }

    String field(int i) {
      return new String(text, start[i], length[i]);
    }
  }
}
