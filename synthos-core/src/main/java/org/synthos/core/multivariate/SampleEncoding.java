package org.synthos.core.multivariate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.SynthosException;
import org.synthos.core.rows.RowSampleState;

/**
 * Turns row samples into standardised numeric matrices, fitted on the REFERENCE sample only, so
 * that the reference and every candidate live in the same space.
 *
 * <ul>
 *   <li>integer, float, datetime and boolean columns (booleans as 0/1): {@code (x - mean) / sd}
 *       with the reference sample's mean and sample standard deviation ({@code n - 1}); a constant
 *       or single-valued column is only centred (sd taken as 1);
 *   <li>categorical columns: one 0/1 feature per category among the reference's {@code
 *       topCategories} most frequent (ties by name), plus one "other" feature for any other value;
 *   <li>every encoded column also gets a 0/1 null indicator; a null, NaN or infinite cell sets it
 *       and leaves the value features at 0 (the reference mean, or no category);
 *   <li>text and identifier columns are left out: their values are unique per row and carry no
 *       distance; they are listed in {@link #skippedColumns()}.
 * </ul>
 *
 * The Euclidean distance between two encoded rows therefore weighs every numeric column in
 * reference standard deviations and every categorical mismatch as {@code sqrt(2)}.
 *
 * @param columns one entry per encoded column, in schema order
 * @param skippedColumns names of the columns left out
 */
public record SampleEncoding(List<ColumnEncoding> columns, List<String> skippedColumns) {
  public SampleEncoding {
    columns = List.copyOf(columns);
    skippedColumns = List.copyOf(skippedColumns);
  }

  /** How one column becomes features. */
  public enum Kind {
    STANDARDISED,
    ONE_HOT
  }

  /**
   * @param name the column name
   * @param kind how it is encoded
   * @param mean the reference mean (standardised columns)
   * @param scale the divisor (standardised columns)
   * @param categories the one-hot categories, most frequent first (one-hot columns)
   */
  public record ColumnEncoding(
      String name, Kind kind, double mean, double scale, List<String> categories) {
    public ColumnEncoding {
      categories = List.copyOf(categories);
    }

    int width() {
      return kind == Kind.STANDARDISED ? 2 : categories.size() + 2;
    }
  }

  /** Fits the encoding on the reference sample. */
  public static SampleEncoding fit(RowSampleState reference, int topCategories) {
    if (topCategories < 1) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "topCategories must be >= 1, got " + topCategories);
    }
    List<ColumnEncoding> encodings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int c = 0; c < reference.schema().size(); c++) {
      Field field = reference.schema().field(c);
      Column column = reference.columns().get(c);
      switch (field.type()) {
        case INTEGER, FLOAT, DATETIME, BOOLEAN -> encodings.add(standardised(field, column));
        case CATEGORICAL -> encodings.add(oneHot(field, column, topCategories));
        case TEXT, IDENTIFIER -> skipped.add(field.name());
      }
    }
    return new SampleEncoding(encodings, skipped);
  }

  private static ColumnEncoding standardised(Field field, Column column) {
    // Welford's one-pass mean and variance.
    long n = 0;
    double mean = 0;
    double m2 = 0;
    for (int i = 0; i < column.size(); i++) {
      double v = numeric(column, i);
      if (Double.isFinite(v)) {
        n++;
        double delta = v - mean;
        mean += delta / n;
        m2 += delta * (v - mean);
      }
    }
    double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    return new ColumnEncoding(field.name(), Kind.STANDARDISED, mean, sd > 0 ? sd : 1, List.of());
  }

  private static ColumnEncoding oneHot(Field field, Column column, int top) {
    String[] values = ((Column.Strings) column).values();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < column.size(); i++) {
      if (!column.isNull(i) && values[i] != null) {
        counts.merge(values[i], 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < Math.min(top, entries.size()); i++) {
      categories.add(entries.get(i).getKey());
    }
    return new ColumnEncoding(field.name(), Kind.ONE_HOT, 0, 1, categories);
  }

  /** A cell as a double: NaN for null; booleans as 0/1. */
  private static double numeric(Column column, int i) {
    if (column.isNull(i)) {
      return Double.NaN;
    }
    if (column instanceof Column.Longs c) {
      return c.values()[i];
    } else if (column instanceof Column.Doubles c) {
      return c.values()[i];
    } else if (column instanceof Column.Booleans c) {
      return c.values()[i] ? 1 : 0;
    }
    throw new IllegalStateException("not a numeric column: " + column.getClass().getSimpleName());
  }

  /** Feature names in matrix order. */
  public List<String> features() {
    List<String> names = new ArrayList<>();
    for (ColumnEncoding e : columns) {
      if (e.kind() == Kind.STANDARDISED) {
        names.add(e.name());
      } else {
        for (String category : e.categories()) {
          names.add(e.name() + "=" + category);
        }
        names.add(e.name() + ":other");
      }
      names.add(e.name() + ":null");
    }
    return names;
  }

  /** Encodes a sample whose schema has every encoded column (by name, same physical type). */
  public EncodedSample encode(RowSampleState sample) {
    int dims = 0;
    for (ColumnEncoding e : columns) {
      dims += e.width();
    }
    int rows = sample.size();
    double[] values = new double[rows * dims];
    int offset = 0;
    for (ColumnEncoding e : columns) {
      int c =
          sample
              .schema()
              .indexOf(e.name())
              .orElseThrow(
                  () ->
                      new SynthosException(
                          ErrorCode.SCHEMA_MISMATCH,
                          "the sample has no column '" + e.name() + "' to encode"));
      Column column = sample.columns().get(c);
      ColumnType type = sample.schema().field(c).type();
      boolean numericColumn = type.isNumeric() || type == ColumnType.BOOLEAN;
      if ((e.kind() == Kind.STANDARDISED) != numericColumn
          || (e.kind() == Kind.ONE_HOT && !(column instanceof Column.Strings))) {
        throw new SynthosException(
            ErrorCode.SCHEMA_MISMATCH,
            "column '" + e.name() + "' has type " + type.label() + ", unlike the reference's");
      }
      if (e.kind() == Kind.STANDARDISED) {
        for (int r = 0; r < rows; r++) {
          double v = numeric(column, r);
          if (Double.isFinite(v)) {
            values[r * dims + offset] = (v - e.mean()) / e.scale();
          } else {
            values[r * dims + offset + 1] = 1;
          }
        }
      } else {
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < e.categories().size(); k++) {
          position.put(e.categories().get(k), k);
        }
        int other = e.categories().size();
        String[] cells = ((Column.Strings) column).values();
        for (int r = 0; r < rows; r++) {
          if (column.isNull(r) || cells[r] == null) {
            values[r * dims + offset + other + 1] = 1;
          } else {
            values[r * dims + offset + position.getOrDefault(cells[r], other)] = 1;
          }
        }
      }
      offset += e.width();
    }
    return new EncodedSample(rows, dims, values, features(), sample.rows().clone());
  }
}
