package org.synthos.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * Streams the rows of a CSV (RFC 4180 quoting), TSV or JSON Lines file, optionally gzip-compressed,
 * as string cells, and counts the compressed bytes consumed so callers can report progress. This is
 * the service's own minimal reader; the ingestion module replaces it once it is on the build.
 */
final class TextTableReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format {
    CSV,
    TSV,
    JSONL
  }

  private final Path file;
  private final Format format;
  private final CountingStream counted;
  private final BufferedReader reader;
  private final List<String> header;
  private final Map<String, Integer> jsonColumns = new LinkedHashMap<>();
  private long line;
  private long row;

  TextTableReader(Path file, String label) {
    this.file = file;
    this.format = formatOf(label);
    try {
      InputStream raw = Files.newInputStream(file);
      this.counted = new CountingStream(raw);
      InputStream in = label.endsWith(".gz") ? new GZIPInputStream(counted, 1 << 16) : counted;
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      if (format == Format.JSONL) {
        this.header = new ArrayList<>();
      } else {
        List<String> first = nextDelimited();
        if (first == null) {
          throw new SynthosException(
              ErrorCode.EMPTY_FILE, "the file is empty", Location.ofFile(label));
        }
        this.header = first;
      }
    } catch (IOException e) {
      throw LocalStorage.classify(e, label);
    }
  }

  static Format formatOf(String label) {
    String name = label.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return Format.TSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Format.JSONL;
    }
    throw new SynthosException(
        ErrorCode.UNSUPPORTED_FORMAT,
        "this service reads .csv, .tsv and .jsonl files (optionally .gz)",
        Location.ofFile(label));
  }

  /** Column names; for JSON Lines they grow as new keys appear. */
  List<String> header() {
    return header;
  }

  long bytesRead() {
    return counted.count;
  }

  long rowsRead() {
    return row;
  }

  /** The next row's cells aligned with {@link #header()} (null = missing), or null at the end. */
  String[] next() throws IOException {
    if (format == Format.JSONL) {
      return nextJson();
    }
    List<String> cells = nextDelimited();
    if (cells == null) {
      return null;
    }
    row++;
    if (cells.size() != header.size()) {
      throw new SynthosException(
          ErrorCode.RAGGED_ROW,
          "expected " + header.size() + " fields, found " + cells.size(),
          new Location(file.getFileName().toString(), line, row, null));
    }
    return cells.toArray(new String[0]);
  }

  private String[] nextJson() throws IOException {
    String text;
    do {
      text = reader.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    row++;
    List<String> values = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      values.add(null);
    }
    try (JsonParser p = JSON.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("each line must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        Integer index = jsonColumns.get(name);
        if (index == null) {
          index = header.size();
          jsonColumns.put(name, index);
          header.add(name);
          values.add(null);
        }
        if (value.isStructStart()) {
          values.set(index, JSON.readTree(p).toString());
        } else if (value != JsonToken.VALUE_NULL) {
          values.set(index, p.getText());
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw malformed("invalid JSON: " + e.getOriginalMessage());
    }
    return values.toArray(new String[0]);
  }

  private SynthosException malformed(String message) {
    return new SynthosException(
        ErrorCode.MALFORMED_RECORD,
        message,
        new Location(file.getFileName().toString(), line, row, null));
  }

  /** One delimited record; quotes may span lines (CSV only). Null at the end of the input. */
  private List<String> nextDelimited() throws IOException {
    char delimiter = format == Format.TSV ? '\t' : ',';
    boolean quoting = format == Format.CSV;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean inQuotes = false;
    boolean any = false;
    // A line holding only "" is a record with one empty field, not a blank line.
    boolean content = false;
    long startLine = line + 1;
    while (true) {
      int c = reader.read();
      if (c < 0) {
        if (inQuotes) {
          throw new SynthosException(
              ErrorCode.UNTERMINATED_QUOTE,
              "a quoted field is not closed",
              new Location(file.getFileName().toString(), startLine, row + 1, null));
        }
        if (!any) {
          return null;
        }
        cells.add(cell.toString());
        line++;
        return cells;
      }
      any = true;
      if (inQuotes) {
        if (c == '"') {
          reader.mark(1);
          int n = reader.read();
          if (n == '"') {
            cell.append('"');
          } else {
            inQuotes = false;
            if (n >= 0) {
              reader.reset();
            }
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append((char) c);
        }
      } else if (c == '"' && quoting && cell.length() == 0) {
        inQuotes = true;
        content = true;
      } else if (c == delimiter) {
        content = true;
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          reader.mark(1);
          if (reader.read() != '\n') {
            reader.reset();
          }
        }
        line++;
        if (!content && cells.isEmpty() && cell.length() == 0) {
          // A blank line is not a record.
          any = false;
          startLine = line + 1;
          continue;
        }
        cells.add(cell.toString());
        return cells;
      } else {
        cell.append((char) c);
      }
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Counts the bytes read from the file itself, before decompression. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
