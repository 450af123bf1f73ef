package org.synthos.core.assess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/**
 * Loads the committed example datasets with a deliberately small parser (test scope only: core must
 * not depend on the readers) and splits them into random halves.
 */
final class ExampleData {
  static final Path EXAMPLES = locateExamples();
  static final List<String> NAMES =
      List.of("seattle-weather.csv", "penguins.csv", "credit-g.csv", "cars.jsonl");

  private ExampleData() {}

  private static Path locateExamples() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("examples");
  }

  /** Columns as strings (null for empty) plus a header. */
  record Text(List<String> header, List<String[]> rows) {}

  static Text readText(String name) {
    try {
      List<String> lines = Files.readAllLines(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
      return name.endsWith(".jsonl") ? jsonl(lines) : csv(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Text csv(List<String> lines) {
    List<String> header = Arrays.asList(splitCsv(lines.get(0)));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty()) {
        rows.add(splitCsv(line));
      }
    }
    return new Text(header, rows);
  }

  private static String[] splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.length() == 0 ? null : cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.length() == 0 ? null : cur.toString());
    return out.toArray(String[]::new);
  }

  private static final Pattern PAIR =
      Pattern.compile(
          "\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|null|[-0-9.eE+]+|true|false)");

  private static Text jsonl(List<String> lines) {
    List<Map<String, String>> objects = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> m = new LinkedHashMap<>();
      Matcher mt = PAIR.matcher(line);
      while (mt.find()) {
        String v = mt.group(2);
        m.put(
            mt.group(1),
            v.equals("null") ? null : v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        if (!header.contains(mt.group(1))) {
          header.add(mt.group(1));
        }
      }
      objects.add(m);
    }
    List<String[]> rows = new ArrayList<>();
    for (Map<String, String> m : objects) {
      String[] r = new String[header.size()];
      for (int c = 0; c < r.length; c++) {
        r[c] = m.get(header.get(c));
      }
      rows.add(r);
    }
    return new Text(header, rows);
  }

  static ColumnType infer(List<String[]> rows, int c) {
    boolean integer = true;
    boolean number = true;
    boolean date = true;
    java.util.Set<String> distinct = new java.util.HashSet<>();
    int present = 0;
    for (String[] r : rows) {
      String v = c < r.length ? r[c] : null;
      if (v == null) {
        continue;
      }
      present++;
      distinct.add(v);
      if (!v.matches("-?\\d+")) {
        integer = false;
      }
      if (!v.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
        number = false;
      }
      if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        date = false;
      }
    }
    if (present == 0) {
      return ColumnType.CATEGORICAL;
    }
    if (date) {
      return ColumnType.DATETIME;
    }
    if (integer) {
      return ColumnType.INTEGER;
    }
    if (number) {
      return ColumnType.FLOAT;
    }
    return distinct.size() > Math.max(50, present / 4) ? ColumnType.TEXT : ColumnType.CATEGORICAL;
  }

  static Schema schemaOf(Text t) {
    List<Field> fields = new ArrayList<>();
    for (int c = 0; c < t.header().size(); c++) {
      fields.add(new Field(t.header().get(c), infer(t.rows(), c)));
    }
    return new Schema(fields);
  }

  static ColumnBatch batch(Schema schema, List<String[]> rows, long firstRow) {
    int n = rows.size();
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < schema.size(); c++) {
      boolean[] nulls = new boolean[n];
      ColumnType type = schema.field(c).type();
      switch (type.physical()) {
        case LONG -> {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            String s = cell(rows.get(i), c);
            if (s == null) {
              nulls[i] = true;
            } else if (type == ColumnType.DATETIME) {
              v[i] = LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
            } else {
              v[i] = Long.parseLong(s);
            }
          }
          cols.add(new Column.Longs(v, n, Mask.of(nulls), Mask.none(n)));
        }
        case DOUBLE -> {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            String s = cell(rows.get(i), c);
            if (s == null) {
              nulls[i] = true;
            } else {
              v[i] = Double.parseDouble(s);
            }
          }
          cols.add(new Column.Doubles(v, n, Mask.of(nulls), Mask.none(n)));
        }
        case BOOLEAN -> {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) {
            String s = cell(rows.get(i), c);
            nulls[i] = s == null;
            v[i] = "true".equals(s);
          }
          cols.add(new Column.Booleans(v, n, Mask.of(nulls), Mask.none(n)));
        }
        case STRING -> {
          String[] v = new String[n];
          for (int i = 0; i < n; i++) {
            v[i] = cell(rows.get(i), c);
            nulls[i] = v[i] == null;
          }
          cols.add(new Column.Strings(v, n, Mask.of(nulls), Mask.none(n)));
        }
      }
    }
    return new ColumnBatch(schema, cols, firstRow, n);
  }

  private static String cell(String[] row, int c) {
    return c < row.length ? row[c] : null;
  }

  /** The whole example as one batch. */
  static ColumnBatch load(String name) {
    Text t = readText(name);
    return batch(schemaOf(t), t.rows(), 0);
  }

  /** Two random halves (each keeping file order), as in-memory batches. */
  static ColumnBatch[] halves(String name, long seed) {
    Text t = readText(name);
    Schema schema = schemaOf(t);
    List<String[]> a = new ArrayList<>();
    List<String[]> b = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    int n = t.rows().size();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = idx[i];
      idx[i] = idx[j];
      idx[j] = tmp;
    }
    boolean[] inA = new boolean[n];
    for (int i = 0; i < n / 2; i++) {
      inA[idx[i]] = true;
    }
    for (int i = 0; i < n; i++) {
      (inA[i] ? a : b).add(t.rows().get(i));
    }
    return new ColumnBatch[] {batch(schema, a, 0), batch(schema, b, 0)};
  }

  static DatasetSource source(String uri, ColumnBatch batch) {
    return DatasetSource.ofBatches(uri, batch.schema(), List.of(batch));
  }
}
