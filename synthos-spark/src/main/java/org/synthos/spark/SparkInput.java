package org.synthos.spark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.api.TypeReason;
import org.synthos.io.DatasetReader;
import org.synthos.io.Datasets;
import org.synthos.io.ReadOptions;
import org.synthos.io.TextCells;

/**
 * One dataset for {@link SparkValidator}: its rows as a Spark {@link Dataset}, in file order
 * (partition by partition, as a file scan yields them), and the engine schema they are read under.
 *
 * @param uri the path as the user named it (reports, error locations)
 * @param rows the rows; with {@code textCells} every column is a string holding the cell as the CSV
 *     parser split it, otherwise typed columns matching the schema's physical types
 * @param schema the engine's schema: for a local file the one the command line infers; otherwise
 *     the same rules applied to the leading rows Spark reads
 * @param textCells whether cells are text that the engine's parsers turn into values
 * @param readOptions null tokens, batch size and the inference sample size
 * @param sizeBytes the file size, or -1 when unknown
 */
public record SparkInput(
    String uri,
    Dataset<Row> rows,
    Schema schema,
    boolean textCells,
    ReadOptions readOptions,
    long sizeBytes) {
  public SparkInput {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(readOptions, "readOptions");
    if (rows.schema().size() != schema.size()) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "the rows have " + rows.schema().size() + " columns, the schema " + schema.size(),
          Location.ofFile(uri));
    }
  }

  /**
   * Reads a CSV, TSV or Parquet file (or a directory of Parquet parts) from any path Spark reads:
   * by content and name for a local file, as the command line does, by name otherwise ({@code
   * .parquet}, {@code .tsv}, else CSV).
   */
  public static SparkInput read(SparkSession spark, String path, ReadOptions options) {
    requireLocalExists(path);
    try {
      return detect(spark, path, options);
    } catch (SynthosException e) {
      throw e;
    } catch (Exception e) {
      // Spark reads the header and leading rows here; its failures get the engine's error codes.
      throw SparkValidator.unwrap(e);
    }
  }

  private static SparkInput detect(SparkSession spark, String path, ReadOptions options) {
    Path local = localFile(path);
    if (local != null) {
      var detected = Datasets.detect(local, options);
      return switch (detected.format()) {
        case PARQUET -> parquet(spark, path, options);
        case CSV, TSV -> readCsv(spark, path, detected.delimiter().orElse(','), options);
        case JSONL ->
            throw new SynthosException(
                ErrorCode.UNSUPPORTED_FORMAT,
                "the Spark job reads CSV, TSV and Parquet; convert JSON Lines first",
                Location.ofFile(path));
      };
    }
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet") || name.endsWith("/") || !name.contains(".")) {
      return parquet(spark, path, options);
    }
    boolean tsv = name.endsWith(".tsv") || name.contains(".tsv.");
    return readCsv(spark, path, tsv ? '\t' : ',', options);
  }

  /**
   * A CSV or TSV file, each cell a string as the CSV parser split it (RFC 4180 quotes, the header
   * as the first record); the engine parses the cells. Records must not span lines, so that Spark
   * can split the file.
   */
  public static SparkInput csv(
      SparkSession spark, String path, char delimiter, ReadOptions options) {
    try {
      return readCsv(spark, path, delimiter, options);
    } catch (SynthosException e) {
      throw e;
    } catch (Exception e) {
      throw SparkValidator.unwrap(e);
    }
  }

  private static SparkInput readCsv(
      SparkSession spark, String path, char delimiter, ReadOptions options) {
    List<String> header = header(spark, path, delimiter);
    // Named as the header says when the names are usable, so Spark's header check agrees; the
    // engine schema, not these names, decides what the columns are called in the report.
    boolean usable =
        header.stream().noneMatch(String::isBlank)
            && header.stream().distinct().count() == header.size();
    StructType strings = new StructType();
    for (int c = 0; c < header.size(); c++) {
      strings = strings.add(usable ? header.get(c) : "_c" + c, DataTypes.StringType, true);
    }
    Dataset<Row> rows =
        csvReader(spark, delimiter)
            .schema(strings)
            .option("header", "true")
            .option("enforceSchema", "true")
            .csv(path);
    Path local = localFile(path);
    Schema schema;
    if (local != null) {
      schema = engineSchema(local, options);
    } else {
      List<String[]> lead = new ArrayList<>();
      for (Row r : rows.takeAsList(options.inferenceSampleRows())) {
        String[] cells = new String[r.length()];
        for (int c = 0; c < cells.length; c++) {
          cells[c] = r.isNullAt(c) ? null : r.getString(c);
        }
        lead.add(cells);
      }
      schema = TextCells.inferSchema(TextCells.headerNames(header), lead, options);
    }
    return new SparkInput(path, rows, schema, true, options, size(local));
  }

  /** A Parquet file or directory, typed columns as Spark reads them. */
  public static SparkInput parquet(SparkSession spark, String path, ReadOptions options) {
    Dataset<Row> rows = spark.read().parquet(path);
    Path local = localFile(path);
    Schema schema = local != null ? engineSchema(local, options) : typedSchema(rows, options);
    return new SparkInput(path, rows, schema, false, options, size(local));
  }

  /**
   * Typed rows from any source (a table, a query): numbers, booleans, dates and timestamps map to
   * the engine's types as the Parquet reader maps them; string columns are classified from their
   * leading values.
   */
  public static SparkInput of(String uri, Dataset<Row> rows, ReadOptions options) {
    return new SparkInput(uri, rows, typedSchema(rows, options), false, options, -1);
  }

  private static Schema typedSchema(Dataset<Row> rows, ReadOptions options) {
    StructField[] fields = rows.schema().fields();
    ColumnType[] types = new ColumnType[fields.length];
    TypeReason[] reasons = new TypeReason[fields.length];
    List<Integer> strings = new ArrayList<>();
    for (int c = 0; c < fields.length; c++) {
      ColumnType override = options.schemaOverrides().get(fields[c].name());
      types[c] = override != null ? override : natural(fields[c]);
      reasons[c] = override != null ? TypeReason.OVERRIDE : TypeReason.DECLARED;
      if (types[c] == null) {
        strings.add(c);
      }
    }
    if (!strings.isEmpty()) {
      List<Row> lead = rows.takeAsList(options.inferenceSampleRows());
      for (int c : strings) {
        List<String> values = new ArrayList<>();
        for (Row r : lead) {
          if (!r.isNullAt(c)) {
            values.add(r.get(c).toString());
          }
        }
        Field decided = TextCells.decideStrings(fields[c].name(), values);
        types[c] = decided.type();
        reasons[c] = decided.reason();
      }
    }
    List<Field> out = new ArrayList<>();
    for (int c = 0; c < fields.length; c++) {
      out.add(new Field(fields[c].name(), types[c], reasons[c]));
    }
    return new Schema(out);
  }

  /** The engine type of a typed Spark column; null for strings, which are classified. */
  private static ColumnType natural(StructField f) {
    DataType t = f.dataType();
    if (t instanceof LongType
        || t instanceof IntegerType
        || t instanceof ShortType
        || t instanceof ByteType) {
      return ColumnType.INTEGER;
    }
    if (t instanceof DoubleType || t instanceof FloatType || t instanceof DecimalType) {
      return ColumnType.FLOAT;
    }
    if (t instanceof BooleanType) {
      return ColumnType.BOOLEAN;
    }
    if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType) {
      return ColumnType.DATETIME;
    }
    if (t instanceof StringType) {
      return null;
    }
    throw new SynthosException(
        ErrorCode.UNSUPPORTED_FORMAT,
        "column '" + f.name() + "' has the Spark type " + t.simpleString() + ", which is not read");
  }

  private static DataFrameReader csvReader(SparkSession spark, char delimiter) {
    // RFC 4180 as the engine's reader: doubled quotes inside quotes, no backslash escapes, and a
    // record with the wrong number of fields is an error, not a padded row.
    return spark
        .read()
        .option("sep", String.valueOf(delimiter))
        .option("quote", "\"")
        .option("escape", "\"")
        .option("multiLine", "false")
        .option("mode", "FAILFAST");
  }

  private static List<String> header(SparkSession spark, String path, char delimiter) {
    List<Row> first = csvReader(spark, delimiter).option("header", "false").csv(path).takeAsList(1);
    if (first.isEmpty()) {
      throw new SynthosException(
          ErrorCode.EMPTY_FILE, "the file has no header row", Location.ofFile(path));
    }
    Row h = first.get(0);
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < h.length(); c++) {
      String cell = h.isNullAt(c) ? "" : h.getString(c);
      // The command line's reader drops a byte-order mark; Spark may leave it on the first name.
      cells.add(c == 0 && cell.startsWith("\uFEFF") ? cell.substring(1) : cell);
    }
    return cells;
  }

  private static Schema engineSchema(Path file, ReadOptions options) {
    try (DatasetReader reader = Datasets.open(file, options)) {
      return reader.schema();
    }
  }

  /** Fails with the command line's error when a local path (no URI scheme) does not exist. */
  static void requireLocalExists(String path) {
    if (!path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !Files.exists(Path.of(path))) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND, "no such file or directory", Location.ofFile(path));
    }
  }

  /** The local file a path names, or null for a directory or a remote URI. */
  static Path localFile(String path) {
    Path p;
    if (path.startsWith("file:")) {
      p = Path.of(URI.create(path));
    } else if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      return null;
    } else {
      p = Path.of(path);
    }
    return Files.isRegularFile(p) ? p : null;
  }

  private static long size(Path local) {
    try {
      return local == null ? -1 : Files.size(local);
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
