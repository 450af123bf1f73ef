package org.synthos.core.assess;

import java.util.ArrayList;
import java.util.List;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

/** Builds small batches by hand: null entries become null cells. */
final class Batches {
  private final List<Field> fields = new ArrayList<>();
  private final List<Column> columns = new ArrayList<>();
  private int rows = -1;

  Batches doubles(String name, Double... values) {
    double[] v = new double[values.length];
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null;
      v[i] = nulls[i] ? 0 : values[i];
    }
    return add(
        new Field(name, ColumnType.FLOAT),
        new Column.Doubles(v, v.length, Mask.of(nulls), Mask.none(v.length)));
  }

  Batches strings(String name, String... values) {
    return strings(name, ColumnType.CATEGORICAL, values);
  }

  /** A string column of the given type (categorical, text or identifier). */
  Batches strings(String name, ColumnType type, String... values) {
    boolean[] nulls = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      nulls[i] = values[i] == null;
    }
    return add(
        new Field(name, type),
        new Column.Strings(
            values.clone(), values.length, Mask.of(nulls), Mask.none(values.length)));
  }

  private Batches add(Field f, Column c) {
    if (rows >= 0 && rows != c.size()) {
      throw new IllegalArgumentException("column " + f.name() + " has " + c.size() + " rows");
    }
    rows = c.size();
    fields.add(f);
    columns.add(c);
    return this;
  }

  ColumnBatch build() {
    return new ColumnBatch(new Schema(fields), columns, 0, rows);
  }

  DatasetSource source(String uri) {
    return ExampleData.source(uri, build());
  }

  /** n draws of a seeded normal sample. */
  static Double[] normal(int n, double mean, double sd, long seed) {
    java.util.Random r = new java.util.Random(seed);
    Double[] out = new Double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + sd * r.nextGaussian();
    }
    return out;
  }

  /** n seeded draws from the given labels with the given weights. */
  static String[] categories(int n, String[] labels, double[] weights, long seed) {
    java.util.Random r = new java.util.Random(seed);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      int k = 0;
      while (k < weights.length - 1 && u > weights[k]) {
        u -= weights[k];
        k++;
      }
      out[i] = labels[k];
    }
    return out;
  }
}
