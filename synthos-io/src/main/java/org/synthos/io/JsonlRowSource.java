package org.synthos.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;

/**
 * JSON Lines through jackson-core's streaming parser. Each top-level value must be an object.
 * Nested objects are flattened to dotted names ({@code {"a":{"b":1}}} gives column {@code a.b});
 * arrays are kept as their JSON text; {@code null} and a missing key are null cells. Scalars become
 * their JSON text ({@code true}, {@code 12.5}, the string's content), so the same type inference
 * and cell parsers serve CSV and JSON Lines. {@code NaN} and {@code Infinity} are accepted as
 * numbers. A key first seen after the inference sample is a {@link ErrorCode#SCHEMA_MISMATCH} that
 * names the line: ignoring it would drop data silently. Declaring the key in the schema overrides,
 * or a larger sample, fixes it. A {@code null} under an unseen key carries no data and is skipped,
 * as is {@code null} for a key already flattened into dotted children.
 */
final class JsonlRowSource implements RowSource {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNameLength(InputLimits.MAX_KEY_CHARS)
                  .maxNestingDepth(InputLimits.MAX_NESTING)
                  .build())
          .build();

  private final JsonParser parser;
  private final Location file;
  private final Compression compression;
  private final List<String> columns = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private String[] cells = new String[16];
  private boolean frozen;
  private long line;

  JsonlRowSource(Reader text, Location file, Compression compression) {
    this.file = file;
    this.compression = compression;
    try {
      this.parser = FACTORY.createParser(text);
    } catch (IOException e) {
      throw InputFiles.readFailure(file, compression, e);
    }
  }

  @Override
  public String[] next() {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return null;
      }
      line = parser.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw new SynthosException(
            ErrorCode.MALFORMED_RECORD,
            "expected a JSON object, found " + describe(t),
            file.withLine(line));
      }
      Arrays.fill(cells, null);
      readObject("");
      return Arrays.copyOf(cells, columns.size());
    } catch (StreamConstraintsException e) {
      throw InputLimits.exceeded(constraint(e), file.withLine(line));
    } catch (StreamReadException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new SynthosException(
          ErrorCode.MALFORMED_RECORD,
          "invalid JSON: " + InputFiles.oneLine(e).replaceAll(" at \\[Source.*$", ""),
          file.withLine(at),
          e);
    } catch (IOException e) {
      throw InputFiles.readFailure(file.withLine(line), compression, e);
    }
  }

  private void readObject(String prefix) throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = prefix + parser.currentName();
      JsonToken v = parser.nextToken();
      if (v == JsonToken.START_OBJECT) {
        readObject(name + ".");
        continue;
      }
      if (v == JsonToken.VALUE_NULL) {
        if (!index.containsKey(name) && !frozen && !hasChildren(name)) {
          columnIndex(name);
        }
        continue;
      }
      // The index first: it may grow (reallocate) the cell array.
      int column = columnIndex(name);
      cells[column] = v == JsonToken.START_ARRAY ? arrayText() : parser.getText();
    }
    if (t != JsonToken.END_OBJECT) {
      throw new SynthosException(
          ErrorCode.MALFORMED_RECORD, "unexpected " + describe(t), file.withLine(line));
    }
  }

  /** Whether {@code name} is a flattened object already, so its null means null children. */
  private boolean hasChildren(String name) {
    String prefix = name + ".";
    for (String c : columns) {
      if (c.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private String arrayText() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.copyCurrentStructure(parser);
    }
    return out.toString();
  }

  private int columnIndex(String name) {
    Integer i = index.get(name);
    if (i != null) {
      return i;
    }
    if (frozen) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "key first appears after the rows used to infer the schema; declare it with a schema"
              + " override or enlarge the inference sample",
          file.withLine(line).withColumn(name));
    }
    int added = columns.size();
    InputLimits.checkColumns(added + 1, file.withLine(line));
    columns.add(name);
    index.put(name, added);
    if (added >= cells.length) {
      cells = Arrays.copyOf(cells, cells.length * 2);
    }
    return added;
  }

  /** Which cap a record broke, in the reader's words rather than the parser's. */
  private static String constraint(StreamConstraintsException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Name length")) {
      return "a key is longer than the limit of " + InputLimits.MAX_KEY_CHARS + " characters";
    }
    if (m.contains("nesting depth")) {
      return "objects and arrays nest deeper than the limit of " + InputLimits.MAX_NESTING;
    }
    return "a value exceeds a size limit: " + m.replaceAll(" \\(from `.*$", "");
  }

  private static String describe(JsonToken t) {
    return t == null
        ? "the end of the input"
        : t.asString() == null ? t.name() : "'" + t.asString() + "'";
  }

  @Override
  public List<String> columns() {
    return List.copyOf(columns);
  }

  @Override
  public boolean declare(String name) {
    columnIndex(name);
    return true;
  }

  @Override
  public void freezeColumns() {
    frozen = true;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Closing a read-only file loses nothing.
    }
  }
}
