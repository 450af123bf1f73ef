package org.synthos.core.assess.pool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Schema;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.StateCodec;

/**
 * The pairwise states of one file per bucket of {@link Buckets} (the same hash of the row index),
 * for the pairwise measures judged over every row: per pair of numeric columns their co-moments
 * over the rows where both are present ({@link CoMomentsState}), and per pair of categorical or
 * boolean columns the counts of each combination of values over the rows where both are present.
 *
 * <p>Which pairs: the numeric pairs among the first {@value #MAX_COLUMNS} kept columns, and the
 * categorical pairs among the first {@value #MAX_COLUMNS} categorical or boolean ones, as the
 * judges pair the compared columns. A pair of a number with a category gets no state: its
 * association codes the number by the pooled quintiles, known only after the pass.
 *
 * <p>Immutable. {@link #merge} merges co-moments by Chan, Golub and LeVeque's (1979) update
 * (associative and commutative up to rounding, about 1e-12 relative) and adds counts (exact); a
 * pair whose combinations pass {@value #COMBINATION_CAP} drops its counts ({@link #table}{@code
 * ==null}), whatever the order of the merges, since a union passes the cap when any part does.
 * {@link #empty} is the identity. The rows go into a bucket's co-moments one at a time by the same
 * update with a single row, so a bucket's state depends on where a file was cut into parts only
 * through rounding.
 */
public final class PairBuckets {
  /** Columns of each kind paired, the first kept ones in schema order. */
  public static final int MAX_COLUMNS = 40;

  /** Combinations of two columns' values above which the pair's counts are dropped. */
  public static final int COMBINATION_CAP = 1024;

  /** Two column names, in schema order. */
  public record Pair(String a, String b) {}

  private final Map<Pair, CoMomentsState[]> moments;
  private final Map<Pair, SortedMap<ContingencyState.Cell, long[]>> tables;

  private PairBuckets(
      Map<Pair, CoMomentsState[]> moments, Map<Pair, SortedMap<ContingencyState.Cell, long[]>> t) {
    this.moments = moments;
    this.tables = t;
  }

  /** The identity: no pairs. */
  public static PairBuckets empty() {
    return new PairBuckets(Map.of(), Map.of());
  }

  /** The co-moments per bucket of numeric columns {@code a} and {@code b}, or null if not kept. */
  public CoMomentsState[] moments(String a, String b) {
    CoMomentsState[] m = moments.get(new Pair(a, b));
    return m != null ? m : moments.get(new Pair(b, a));
  }

  /** Whether the categorical pair was kept (its counts may have been dropped). */
  public boolean hasTable(String a, String b) {
    return tables.containsKey(new Pair(a, b)) || tables.containsKey(new Pair(b, a));
  }

  /**
   * The counts per bucket of each combination (left value of {@code a}, right of {@code b}) over
   * the rows where both are present, in {@link ContingencyState#CELL_ORDER}; null when not kept or
   * past {@value #COMBINATION_CAP} combinations.
   */
  public SortedMap<ContingencyState.Cell, long[]> table(String a, String b) {
    SortedMap<ContingencyState.Cell, long[]> t = tables.get(new Pair(a, b));
    if (t != null || tables.containsKey(new Pair(a, b))) {
      return t;
    }
    SortedMap<ContingencyState.Cell, long[]> swapped = tables.get(new Pair(b, a));
    if (swapped == null) {
      return null;
    }
    SortedMap<ContingencyState.Cell, long[]> out = new TreeMap<>(ContingencyState.CELL_ORDER);
    swapped.forEach((c, v) -> out.put(new ContingencyState.Cell(c.right(), c.left()), v));
    return out;
  }

  public PairBuckets merge(PairBuckets o) {
    Map<Pair, CoMomentsState[]> m = new LinkedHashMap<>(moments);
    o.moments.forEach(
        (k, v) ->
            m.merge(
                k,
                v,
                (x, y) -> {
                  CoMomentsState[] s = new CoMomentsState[x.length];
                  for (int b = 0; b < s.length; b++) {
                    s[b] = x[b].merge(y[b]);
                  }
                  return s;
                }));
    Map<Pair, SortedMap<ContingencyState.Cell, long[]>> t = new LinkedHashMap<>(tables);
    o.tables.forEach((k, v) -> t.put(k, t.containsKey(k) ? add(t.get(k), v) : v));
    return new PairBuckets(Collections.unmodifiableMap(m), Collections.unmodifiableMap(t));
  }

  private static SortedMap<ContingencyState.Cell, long[]> add(
      SortedMap<ContingencyState.Cell, long[]> x, SortedMap<ContingencyState.Cell, long[]> y) {
    if (x == null || y == null) {
      return null;
    }
    SortedMap<ContingencyState.Cell, long[]> out = new TreeMap<>(x);
    y.forEach(
        (c, v) ->
            out.merge(
                c,
                v,
                (p, q) -> {
                  long[] s = p.clone();
                  for (int b = 0; b < s.length; b++) {
                    s[b] += q[b];
                  }
                  return s;
                }));
    return out.size() > COMBINATION_CAP ? null : out;
  }

  /**
   * Writes the pairs: the numeric pairs' names and per bucket their co-moments ({@link
   * StateCodec#write}); then the categorical pairs' names, a dropped flag and, unless dropped, each
   * combination's values and counts per bucket.
   */
  void write(DataOutputStream out) throws IOException {
    out.writeInt(moments.size());
    for (Map.Entry<Pair, CoMomentsState[]> e : moments.entrySet()) {
      StateCodec.writeString(out, e.getKey().a());
      StateCodec.writeString(out, e.getKey().b());
      for (CoMomentsState s : e.getValue()) {
        StateCodec.write(out, s);
      }
    }
    out.writeInt(tables.size());
    for (Map.Entry<Pair, SortedMap<ContingencyState.Cell, long[]>> e : tables.entrySet()) {
      StateCodec.writeString(out, e.getKey().a());
      StateCodec.writeString(out, e.getKey().b());
      out.writeBoolean(e.getValue() == null);
      if (e.getValue() != null) {
        out.writeInt(e.getValue().size());
        for (Map.Entry<ContingencyState.Cell, long[]> c : e.getValue().entrySet()) {
          StateCodec.writeString(out, c.getKey().left());
          StateCodec.writeString(out, c.getKey().right());
          for (long x : c.getValue()) {
            out.writeLong(x);
          }
        }
      }
    }
  }

  /** Reads pairs written by {@link #write}, {@code count} buckets each. */
  static PairBuckets read(DataInputStream in, int count) throws IOException {
    Map<Pair, CoMomentsState[]> m = new LinkedHashMap<>();
    int pairs = in.readInt();
    for (int p = 0; p < pairs; p++) {
      Pair key = new Pair(StateCodec.readString(in), StateCodec.readString(in));
      CoMomentsState[] s = new CoMomentsState[count];
      for (int b = 0; b < count; b++) {
        if (!(StateCodec.read(in) instanceof CoMomentsState state)) {
          throw new IOException("pair " + key + " holds a state other than co-moments");
        }
        s[b] = state;
      }
      m.put(key, s);
    }
    Map<Pair, SortedMap<ContingencyState.Cell, long[]>> t = new LinkedHashMap<>();
    int tableCount = in.readInt();
    for (int p = 0; p < tableCount; p++) {
      Pair key = new Pair(StateCodec.readString(in), StateCodec.readString(in));
      if (in.readBoolean()) {
        t.put(key, null);
        continue;
      }
      int cells = in.readInt();
      SortedMap<ContingencyState.Cell, long[]> table = new TreeMap<>(ContingencyState.CELL_ORDER);
      for (int c = 0; c < cells; c++) {
        ContingencyState.Cell cell =
            new ContingencyState.Cell(StateCodec.readString(in), StateCodec.readString(in));
        long[] v = new long[count];
        for (int b = 0; b < count; b++) {
          v[b] = in.readLong();
        }
        table.put(cell, v);
      }
      t.put(key, table);
    }
    return new PairBuckets(Collections.unmodifiableMap(m), Collections.unmodifiableMap(t));
  }

  /** The mutable fold of one partition's batches, fed the bucket of each row by {@link Buckets}. */
  static final class Accumulator {
    private final Schema schema;
    private final int[] numeric;
    private final int[] categorical;

    /** Per numeric pair and bucket: count, mean x, mean y, M2 x, M2 y, C xy. */
    private final double[][][] co;

    private final List<Map<String, Integer>> codes = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();

    /** Per categorical pair its combinations' counts per bucket; null once past the cap. */
    private final List<Combinations> combinations = new ArrayList<>();

    private int[][] coded = new int[0][];

    /**
     * @param columns the kept columns, in schema order
     */
    Accumulator(Schema schema, int[] columns) {
      this.schema = schema;
      List<Integer> num = new ArrayList<>();
      List<Integer> cat = new ArrayList<>();
      for (int c : columns) {
        ColumnType t = schema.field(c).type();
        if (t.isNumeric()) {
          if (num.size() + cat.size() < MAX_COLUMNS) {
            num.add(c);
          }
        } else if (cat.size() < MAX_COLUMNS) {
          cat.add(c);
        }
      }
      this.numeric = num.stream().mapToInt(Integer::intValue).toArray();
      this.categorical = cat.stream().mapToInt(Integer::intValue).toArray();
      int p = numeric.length;
      this.co = new double[p * (p - 1) / 2][Buckets.COUNT][6];
      int q = categorical.length;
      for (int k = 0; k < q; k++) {
        codes.add(new HashMap<>());
        values.add(new ArrayList<>());
      }
      for (int k = 0; k < q * (q - 1) / 2; k++) {
        combinations.add(new Combinations());
      }
    }

    void update(ColumnBatch batch, int[] bucket, int n) {
      double[][] x = new double[numeric.length][];
      for (int k = 0; k < numeric.length; k++) {
        x[k] = values(batch.column(numeric[k]), n);
      }
      int pair = 0;
      for (int a = 0; a < numeric.length; a++) {
        for (int b = a + 1; b < numeric.length; b++) {
          double[][] s = co[pair++];
          double[] xa = x[a];
          double[] xb = x[b];
          for (int r = 0; r < n; r++) {
            if (!Double.isNaN(xa[r]) && !Double.isNaN(xb[r])) {
              CoMomentsState.add(s[bucket[r]], xa[r], xb[r]);
            }
          }
        }
      }
      if (coded.length < categorical.length) {
        coded = new int[categorical.length][];
      }
      for (int k = 0; k < categorical.length; k++) {
        coded[k] = code(k, batch.column(categorical[k]), n);
      }
      pair = 0;
      for (int a = 0; a < categorical.length; a++) {
        for (int b = a + 1; b < categorical.length; b++) {
          Combinations map = combinations.get(pair++);
          if (map == null) {
            continue;
          }
          int[] ca = coded[a];
          int[] cb = coded[b];
          for (int r = 0; r < n; r++) {
            if (ca[r] >= 0 && cb[r] >= 0) {
              map.at(ca[r], cb[r])[bucket[r]]++;
            }
          }
          if (map.size > COMBINATION_CAP) {
            combinations.set(pair - 1, null);
          }
        }
      }
    }

    /** A numeric column's values, NaN for nulls. */
    private static double[] values(Column col, int n) {
      double[] out = new double[n];
      long[] longs = col instanceof Column.Longs l ? l.values() : null;
      double[] doubles = col instanceof Column.Doubles d ? d.values() : null;
      for (int r = 0; r < n; r++) {
        out[r] = col.isNull(r) ? Double.NaN : longs != null ? longs[r] : doubles[r];
      }
      return out;
    }

    /** Codes of a categorical column's values in order of first appearance, -1 for nulls. */
    private int[] code(int k, Column col, int n) {
      Map<String, Integer> dictionary = codes.get(k);
      List<String> seen = values.get(k);
      int[] out = new int[n];
      for (int r = 0; r < n; r++) {
        if (col.isNull(r)) {
          out[r] = -1;
          continue;
        }
        String v =
            col instanceof Column.Booleans bools
                ? (bools.values()[r] ? "true" : "false")
                : ((Column.Strings) col).values()[r];
        Integer c = dictionary.get(v);
        if (c == null) {
          c = seen.size();
          dictionary.put(v, c);
          seen.add(v);
        }
        out[r] = c;
      }
      return out;
    }

    PairBuckets snapshot() {
      Map<Pair, CoMomentsState[]> m = new LinkedHashMap<>();
      int pair = 0;
      for (int a = 0; a < numeric.length; a++) {
        for (int b = a + 1; b < numeric.length; b++) {
          double[][] s = co[pair++];
          CoMomentsState[] out = new CoMomentsState[Buckets.COUNT];
          for (int j = 0; j < out.length; j++) {
            out[j] = CoMomentsState.of(s[j]);
          }
          m.put(new Pair(name(numeric[a]), name(numeric[b])), out);
        }
      }
      Map<Pair, SortedMap<ContingencyState.Cell, long[]>> t = new LinkedHashMap<>();
      pair = 0;
      for (int a = 0; a < categorical.length; a++) {
        for (int b = a + 1; b < categorical.length; b++) {
          Combinations map = combinations.get(pair++);
          Pair key = new Pair(name(categorical[a]), name(categorical[b]));
          if (map == null) {
            t.put(key, null);
            continue;
          }
          SortedMap<ContingencyState.Cell, long[]> table =
              new TreeMap<>(ContingencyState.CELL_ORDER);
          List<String> va = values.get(a);
          List<String> vb = values.get(b);
          for (int x = 0; x < map.cells.length; x++) {
            long[][] row = map.cells[x];
            for (int y = 0; row != null && y < row.length; y++) {
              if (row[y] != null) {
                table.put(new ContingencyState.Cell(va.get(x), vb.get(y)), row[y].clone());
              }
            }
          }
          t.put(key, table);
        }
      }
      return new PairBuckets(Collections.unmodifiableMap(m), Collections.unmodifiableMap(t));
    }

    private String name(int column) {
      return schema.field(column).name();
    }
  }

  /**
   * One pair's counts per bucket by the two columns' codes, grown as codes appear: a lookup per row
   * without boxing or hashing. Codes stay below the cap plus one before the pair is dropped (each
   * new code of a present pair makes a new combination), so the arrays stay small.
   */
  private static final class Combinations {
    long[][][] cells = new long[0][][];
    int size;

    long[] at(int a, int b) {
      if (a >= cells.length) {
        cells = Arrays.copyOf(cells, Math.max(a + 1, 2 * cells.length));
      }
      long[][] row = cells[a];
      if (row == null || b >= row.length) {
        row =
            cells[a] =
                Arrays.copyOf(
                    row == null ? new long[0][] : row,
                    Math.max(b + 1, row == null ? 8 : 2 * row.length));
      }
      long[] c = row[b];
      if (c == null) {
        c = row[b] = new long[Buckets.COUNT];
        size++;
      }
      return c;
    }
  }
}
