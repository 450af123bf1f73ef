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
import java.util.function.IntFunction;
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
 * judges pair the compared columns. A pair of a number with a category keeps the counts of each
 * combination of the category's value and the number's bin when the pass was given the number's cut
 * points ({@link #cuts}): quintiles fixed before the pass from both files' leading rows ({@link
 * LeadingCuts}), since the pooled quintiles over every row are known only after it. A bin is named
 * {@code q0}, {@code q1}, ... (the number of cut points at or below the value, as {@link Pool}
 * codes numbers), so that the bins sort in order.
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
  private final Map<String, double[]> cuts;

  private PairBuckets(
      Map<Pair, CoMomentsState[]> moments,
      Map<Pair, SortedMap<ContingencyState.Cell, long[]>> t,
      Map<String, double[]> cuts) {
    this.moments = moments;
    this.tables = t;
    this.cuts = cuts;
  }

  /** The identity: no pairs. */
  public static PairBuckets empty() {
    return new PairBuckets(Map.of(), Map.of(), Map.of());
  }

  /**
   * The cut points (ascending, distinct) that binned numeric column {@code name} in its pairs with
   * categories, or null when it was not binned.
   */
  public double[] cuts(String name) {
    double[] c = cuts.get(name);
    return c == null ? null : c.clone();
  }

  /** The label of bin {@code b} of a binned number: {@code q} and the bin's index. */
  public static String binLabel(int b) {
    return "q" + b;
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
    // Every part of one pass bins with the same cuts; the empty state has none.
    Map<String, double[]> c = new LinkedHashMap<>(cuts);
    c.putAll(o.cuts);
    return new PairBuckets(
        Collections.unmodifiableMap(m),
        Collections.unmodifiableMap(t),
        Collections.unmodifiableMap(c));
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
   * combination's values and counts per bucket; then the binned numbers' names and cut points.
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
    out.writeInt(cuts.size());
    for (Map.Entry<String, double[]> e : cuts.entrySet()) {
      StateCodec.writeString(out, e.getKey());
      out.writeInt(e.getValue().length);
      for (double x : e.getValue()) {
        out.writeDouble(x);
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
    Map<String, double[]> c = new LinkedHashMap<>();
    int binned = in.readInt();
    for (int k = 0; k < binned; k++) {
      String name = StateCodec.readString(in);
      double[] x = new double[in.readInt()];
      for (int i = 0; i < x.length; i++) {
        x[i] = in.readDouble();
      }
      c.put(name, x);
    }
    return new PairBuckets(
        Collections.unmodifiableMap(m),
        Collections.unmodifiableMap(t),
        Collections.unmodifiableMap(c));
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

    /** The cut points of each numeric column binned for its pairs with categories, or null. */
    private final double[][] cutsOf;

    /**
     * Per binned number (in {@link #numeric} order) and categorical column, the counts per bucket
     * of (bin, value); null once past the cap.
     */
    private final List<Combinations> mixed = new ArrayList<>();

    private int[][] coded = new int[0][];

    /**
     * @param columns the kept columns, in schema order
     */
    Accumulator(Schema schema, int[] columns) {
      this(schema, columns, Map.of());
    }

    /**
     * @param columns the kept columns, in schema order
     * @param cuts cut points (ascending, distinct) by column name: the numeric columns named are
     *     binned by them and paired with every categorical one
     */
    Accumulator(Schema schema, int[] columns, Map<String, double[]> cuts) {
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
      this.cutsOf = new double[p][];
      for (int k = 0; k < p; k++) {
        double[] c = q == 0 ? null : cuts.get(name(numeric[k]));
        if (c != null) {
          cutsOf[k] = c.clone();
          for (int j = 0; j < q; j++) {
            mixed.add(new Combinations());
          }
        }
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
          if (map != null && !map.count(coded[a], coded[b], bucket, n)) {
            combinations.set(pair - 1, null);
          }
        }
      }
      int at = 0;
      for (int a = 0; a < numeric.length; a++) {
        if (cutsOf[a] == null) {
          continue;
        }
        int[] bin = bins(x[a], cutsOf[a]);
        for (int c = 0; c < categorical.length; c++) {
          Combinations map = mixed.get(at++);
          if (map != null && !map.count(bin, coded[c], bucket, n)) {
            mixed.set(at - 1, null);
          }
        }
      }
    }

    /** Each value's bin ({@link LeadingCuts#bin}); -1 for a null. */
    private static int[] bins(double[] x, double[] cuts) {
      int[] out = new int[x.length];
      for (int r = 0; r < x.length; r++) {
        out[r] = Double.isNaN(x[r]) ? -1 : LeadingCuts.bin(x[r], cuts);
      }
      return out;
    }

    /** A numeric column's values, NaN for nulls. */
    static double[] values(Column col, int n) {
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
          t.put(key, map == null ? null : map.table(values.get(a)::get, values.get(b)::get, true));
        }
      }
      Map<String, double[]> c = new LinkedHashMap<>();
      int at = 0;
      for (int a = 0; a < numeric.length; a++) {
        if (cutsOf[a] == null) {
          continue;
        }
        String num = name(numeric[a]);
        c.put(num, cutsOf[a].clone());
        for (int k = 0; k < categorical.length; k++) {
          Combinations map = mixed.get(at++);
          // In schema order, as the categorical pairs: the earlier column on the left.
          boolean numberLeft = numeric[a] < categorical[k];
          String cat = name(categorical[k]);
          Pair key = numberLeft ? new Pair(num, cat) : new Pair(cat, num);
          t.put(
              key,
              map == null
                  ? null
                  : map.table(PairBuckets::binLabel, values.get(k)::get, numberLeft));
        }
      }
      return new PairBuckets(
          Collections.unmodifiableMap(m),
          Collections.unmodifiableMap(t),
          Collections.unmodifiableMap(c));
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

    /**
     * Counts the rows where both codes are present (not -1) by their combination and bucket;
     * returns false once past {@value PairBuckets#COMBINATION_CAP} combinations.
     */
    boolean count(int[] a, int[] b, int[] bucket, int n) {
      for (int r = 0; r < n; r++) {
        if (a[r] >= 0 && b[r] >= 0) {
          at(a[r], b[r])[bucket[r]]++;
        }
      }
      return size <= COMBINATION_CAP;
    }

    /**
     * The counts by the codes' values ({@code left} of the first code, {@code right} of the
     * second), the first on the left of each cell when {@code firstLeft}.
     */
    SortedMap<ContingencyState.Cell, long[]> table(
        IntFunction<String> left, IntFunction<String> right, boolean firstLeft) {
      SortedMap<ContingencyState.Cell, long[]> out = new TreeMap<>(ContingencyState.CELL_ORDER);
      for (int x = 0; x < cells.length; x++) {
        long[][] row = cells[x];
        for (int y = 0; row != null && y < row.length; y++) {
          if (row[y] != null) {
            String u = left.apply(x);
            String v = right.apply(y);
            out.put(
                firstLeft ? new ContingencyState.Cell(u, v) : new ContingencyState.Cell(v, u),
                row[y].clone());
          }
        }
      }
      return out;
    }
  }
}
