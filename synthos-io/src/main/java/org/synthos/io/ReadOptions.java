package org.synthos.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * How to read a file. Start from {@link #defaults()} and change what you need with the withers.
 *
 * @param format forces the format instead of detecting it
 * @param delimiter forces the field delimiter of CSV/TSV instead of sniffing it
 * @param nullTokens cell texts read as null (compared after trimming surrounding spaces); {@code
 *     NaN} is deliberately not one: in a float column it is the value NaN
 * @param batchSize rows per batch
 * @param maxLineLength the longest physical line accepted, in characters; a longer one fails with
 *     {@link ErrorCode#LINE_TOO_LONG}
 * @param inferenceSampleRows how many leading data rows decide the inferred schema
 * @param schemaOverrides column types that replace the inferred ones, by column name
 */
public record ReadOptions(
    Optional<DataFormat> format,
    Optional<Character> delimiter,
    Set<String> nullTokens,
    int batchSize,
    int maxLineLength,
    int inferenceSampleRows,
    Map<String, ColumnType> schemaOverrides) {

  /** The default null tokens: empty, NA, N/A, null, NULL. */
  public static final Set<String> DEFAULT_NULL_TOKENS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(java.util.List.of("", "NA", "N/A", "null", "NULL")));

  public static final int DEFAULT_BATCH_SIZE = 8192;
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
  public static final int DEFAULT_INFERENCE_SAMPLE_ROWS = 10_000;

  public ReadOptions {
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(delimiter, "delimiter is null");
    nullTokens = Collections.unmodifiableSet(new LinkedHashSet<>(nullTokens));
    schemaOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(schemaOverrides));
    requirePositive("batch size", batchSize);
    requirePositive("max line length", maxLineLength);
    requirePositive("inference sample rows", inferenceSampleRows);
    if (delimiter.isPresent()) {
      char d = delimiter.get();
      if (d == '"' || d == '\n' || d == '\r') {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT, "delimiter cannot be a quote or a line break");
      }
    }
  }

  public static ReadOptions defaults() {
    return new ReadOptions(
        Optional.empty(),
        Optional.empty(),
        DEFAULT_NULL_TOKENS,
        DEFAULT_BATCH_SIZE,
        DEFAULT_MAX_LINE_LENGTH,
        DEFAULT_INFERENCE_SAMPLE_ROWS,
        Map.of());
  }

  public ReadOptions withFormat(DataFormat value) {
    return new ReadOptions(
        Optional.of(value),
        delimiter,
        nullTokens,
        batchSize,
        maxLineLength,
        inferenceSampleRows,
        schemaOverrides);
  }

  public ReadOptions withDelimiter(char value) {
    return new ReadOptions(
        format,
        Optional.of(value),
        nullTokens,
        batchSize,
        maxLineLength,
        inferenceSampleRows,
        schemaOverrides);
  }

  public ReadOptions withNullTokens(Set<String> value) {
    return new ReadOptions(
        format, delimiter, value, batchSize, maxLineLength, inferenceSampleRows, schemaOverrides);
  }

  public ReadOptions withBatchSize(int value) {
    return new ReadOptions(
        format, delimiter, nullTokens, value, maxLineLength, inferenceSampleRows, schemaOverrides);
  }

  public ReadOptions withMaxLineLength(int value) {
    return new ReadOptions(
        format, delimiter, nullTokens, batchSize, value, inferenceSampleRows, schemaOverrides);
  }

  public ReadOptions withInferenceSampleRows(int value) {
    return new ReadOptions(
        format, delimiter, nullTokens, batchSize, maxLineLength, value, schemaOverrides);
  }

  public ReadOptions withSchemaOverrides(Map<String, ColumnType> value) {
    return new ReadOptions(
        format, delimiter, nullTokens, batchSize, maxLineLength, inferenceSampleRows, value);
  }

  /** Adds one schema override. */
  public ReadOptions withColumnType(String column, ColumnType type) {
    Map<String, ColumnType> merged = new LinkedHashMap<>(schemaOverrides);
    merged.put(column, type);
    return withSchemaOverrides(merged);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, what + " must be positive, got " + value);
    }
  }
}
