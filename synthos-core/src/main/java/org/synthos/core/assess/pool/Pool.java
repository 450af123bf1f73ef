package org.synthos.core.assess.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.assess.SchemaDifference;

/**
 * Candidate and reference rows pooled into one set of analysis variables: candidate rows first
 * ({@code 0..nC-1}), then reference rows. Categories share one sorted dictionary per column, so a
 * code means the same in both datasets. Every measure is a function of this pool and a labelling
 * (which rows are "candidate"); null bands come from re-labelling at random.
 */
public final class Pool {
  /** Relative tolerance (in pooled standard deviations) within which two numbers count as near. */
  public static final double NEAR_TOLERANCE = 1e-3;

  /**
   * Relative difference |a - b| / max(|a|, |b|) within which two numbers also count as near: a copy
   * with one cell nudged by under 1% is a near copy whatever the column's spread. Applied with a
   * reference, whose halves give the share of real rows that agree that closely (the band of {@code
   * near_duplicate_share}), and without one only in tables of at least {@value
   * #NEAR_RELATIVE_COLUMNS} compared columns: the policy's fixed tolerance cannot allow for the
   * many real rows of a narrow table that agree within 1% (two normal draws in the same category).
   */
  public static final double NEAR_RELATIVE = 0.01;

  public static final int NEAR_RELATIVE_COLUMNS = 4;

  private static final int NEAR_WINDOW_CAP = 256;

  /** One comparable column. */
  public static final class Var {
    public final String name;
    public final ColumnType type;
    public final boolean numeric;
    public final boolean text;
    public final double[] values;
    public final int[] codes;
    public final String[] dictionary;
    public final int[] sorted;

    /**
     * {@code values[sorted[k]]} for each k: the present values in order, read sequentially by the
     * measures that walk the sorted rows; null for categories.
     */
    public final double[] sortedValues;

    public final double sd;

    public Var(
        String name,
        ColumnType type,
        boolean numeric,
        boolean text,
        double[] values,
        int[] codes,
        String[] dictionary,
        int[] sorted,
        double sd) {
      this.name = name;
      this.type = type;
      this.numeric = numeric;
      this.text = text;
      this.values = values;
      this.codes = codes;
      this.dictionary = dictionary;
      this.sorted = sorted;
      if (sorted == null || values == null) {
        this.sortedValues = null;
      } else {
        this.sortedValues = new double[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
          sortedValues[k] = values[sorted[k]];
        }
      }
      this.sd = sd;
    }

    public int categories() {
      return dictionary.length;
    }

    /** What {@link #derived} computed from this column, by the type derived. */
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    /**
     * The value {@code make} derives from this column alone (a text column's tokens and near
     * duplicates, say), computed on first use and kept with the column, so that every judge and
     * explainer reading the same pool shares one copy. {@code make} must read nothing but the
     * column: the value is the same whoever asks first.
     */
    public <T> T derived(Class<T> type, Function<Var, T> make) {
      return type.cast(derived.computeIfAbsent(type, k -> make.apply(this)));
    }
  }

  public final int nC;
  public final int nR;
  public final int n;
  public final List<Var> vars;

  /**
   * Identifier columns (keys), coded over one sorted dictionary like categories: never compared as
   * categories or numbers, only checked for repeats, keys shared with the reference and format.
   */
  public final List<Var> identifiers;

  public final long[] rowNumbers;
  public final int[] exactGroup;
  public final int[] nearGroup;
  public final List<SchemaDifference> differences;

  private Pool(
      int nC,
      int nR,
      List<Var> vars,
      List<Var> identifiers,
      long[] rowNumbers,
      int[] exactGroup,
      int[] nearGroup,
      List<SchemaDifference> differences) {
    this.nC = nC;
    this.nR = nR;
    this.n = nC + nR;
    this.vars = vars;
    this.identifiers = identifiers;
    this.rowNumbers = rowNumbers;
    this.exactGroup = exactGroup;
    this.nearGroup = nearGroup;
    this.differences = differences;
  }

  public boolean hasReference() {
    return nR > 0;
  }

  /** The natural labelling: true for candidate rows. */
  public boolean[] observedLabels() {
    boolean[] l = new boolean[n];
    Arrays.fill(l, 0, nC, true);
    return l;
  }

  public List<Var> distributionVars() {
    return vars.stream().filter(v -> !v.text).toList();
  }

  public static Pool pool(RawTable cand, RawTable ref) {
    List<SchemaDifference> diffs = new ArrayList<>();
    List<int[]> pairs = comparedColumns(cand.schema, ref == null ? null : ref.schema, diffs);
    int nC = cand.size;
    int nR = ref == null ? 0 : ref.size;
    int n = nC + nR;
    // Columns in parallel (sorting and coding each is independent), each in its own slot.
    Var[] built = new Var[pairs.size()];
    IntStream.range(0, built.length)
        .parallel()
        .forEach(c -> built[c] = pooledVar(cand, ref, pairs.get(c)));
    List<Var> vars = List.of(built);
    long[] rows = new long[n];
    System.arraycopy(cand.rowNumbers, 0, rows, 0, nC);
    if (ref != null) {
      System.arraycopy(ref.rowNumbers, 0, rows, nC, nR);
    }
    int[] exact = exactGroups(vars, n);
    int cells =
        nR > 0
            ? FewCellCopies.allowedCells(vars, nC, n, exact)
            : FewCellCopies.allowedCells(vars.size());
    int[] near = nearGroups(vars, n, exact, nR > 0 || vars.size() >= NEAR_RELATIVE_COLUMNS, cells);
    List<Var> ids = new ArrayList<>();
    for (int[] p : identifierColumns(cand.schema, ref == null ? null : ref.schema)) {
      ids.add(pooledVar(cand, ref, p));
    }
    return new Pool(
        nC, nR, List.copyOf(vars), List.copyOf(ids), rows, exact, near, List.copyOf(diffs));
  }

  /**
   * A numeric variable derived from the pooled rows (a text's length, say), measured like a column:
   * NaN is missing.
   */
  public static Var numeric(String name, double[] values) {
    return numericVar(name, ColumnType.FLOAT, values);
  }

  /**
   * A categorical variable derived from the pooled rows (an identifier's shape): null is missing.
   */
  public static Var categorical(String name, String[] values) {
    return categoricalVar(name, ColumnType.CATEGORICAL, values);
  }

  /**
   * The identifier columns as {candidate index, reference index (-1 without a reference)}: an
   * identifier in the candidate, and of the same name and type in the reference when there is one.
   */
  static List<int[]> identifierColumns(Schema cand, Schema ref) {
    List<int[]> pairs = new ArrayList<>();
    for (int c = 0; c < cand.size(); c++) {
      Field f = cand.field(c);
      if (f.type() != ColumnType.IDENTIFIER) {
        continue;
      }
      if (ref == null) {
        pairs.add(new int[] {c, -1});
        continue;
      }
      var r = ref.indexOf(f.name());
      if (r.isPresent() && ref.field(r.get()).type() == ColumnType.IDENTIFIER) {
        pairs.add(new int[] {c, r.get()});
      }
    }
    return pairs;
  }

  private static Var pooledVar(RawTable cand, RawTable ref, int[] p) {
    int nC = cand.size;
    int nR = ref == null ? 0 : ref.size;
    int n = nC + nR;
    ColumnType ct = cand.type(p[0]);
    ColumnType type = p[1] < 0 ? ct : widen(ct, ref.type(p[1]));
    String name = cand.schema.field(p[0]).name();
    if (cand.isNumeric(p[0])) {
      double[] v = new double[n];
      System.arraycopy(cand.numbers[p[0]], 0, v, 0, nC);
      if (ref != null) {
        System.arraycopy(ref.numbers[p[1]], 0, v, nC, nR);
      }
      return numericVar(name, type, v);
    }
    String[] s = new String[n];
    System.arraycopy(cand.strings[p[0]], 0, s, 0, nC);
    if (ref != null) {
      System.arraycopy(ref.strings[p[1]], 0, s, nC, nR);
    }
    return categoricalVar(name, type, s);
  }

  /**
   * The compared columns as {candidate index, reference index (-1 without a reference)}: shared by
   * name with compatible types and no identifier on either side. Differences go to {@code diffs}.
   */
  public static List<int[]> comparedColumns(Schema cand, Schema ref, List<SchemaDifference> diffs) {
    List<int[]> pairs = new ArrayList<>();
    for (int c = 0; c < cand.size(); c++) {
      Field f = cand.field(c);
      if (ref == null) {
        if (f.type() != ColumnType.IDENTIFIER) {
          pairs.add(new int[] {c, -1});
        }
        continue;
      }
      var r = ref.indexOf(f.name());
      if (r.isEmpty()) {
        diffs.add(
            new SchemaDifference(
                f.name(), SchemaDifference.Kind.EXTRA_IN_CANDIDATE, null, f.type()));
        continue;
      }
      ColumnType rt = ref.field(r.get()).type();
      if (!compatible(f.type(), rt)) {
        diffs.add(new SchemaDifference(f.name(), SchemaDifference.Kind.RETYPED, rt, f.type()));
        continue;
      }
      if (f.type() != ColumnType.IDENTIFIER && rt != ColumnType.IDENTIFIER) {
        pairs.add(new int[] {c, r.get()});
      }
    }
    if (ref != null) {
      for (Field f : ref.fields()) {
        if (cand.indexOf(f.name()).isEmpty()) {
          diffs.add(
              new SchemaDifference(
                  f.name(), SchemaDifference.Kind.MISSING_IN_CANDIDATE, f.type(), null));
        }
      }
    }
    return pairs;
  }

  private static boolean compatible(ColumnType a, ColumnType b) {
    if (a == b) {
      return true;
    }
    boolean aNum = a == ColumnType.INTEGER || a == ColumnType.FLOAT;
    boolean bNum = b == ColumnType.INTEGER || b == ColumnType.FLOAT;
    boolean aStr = a == ColumnType.CATEGORICAL || a == ColumnType.TEXT;
    boolean bStr = b == ColumnType.CATEGORICAL || b == ColumnType.TEXT;
    return (aNum && bNum) || (aStr && bStr);
  }

  private static ColumnType widen(ColumnType a, ColumnType b) {
    if (a == b) {
      return a;
    }
    if (a == ColumnType.TEXT || b == ColumnType.TEXT) {
      return ColumnType.TEXT;
    }
    return ColumnType.FLOAT;
  }

  private static Var numericVar(String name, ColumnType type, double[] v) {
    int n = v.length;
    int count = 0;
    double sum = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        count++;
        sum += x;
      }
    }
    int[] sorted = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(v[i])) {
        sorted[k++] = i;
      }
    }
    IndexSort.byValue(sorted, v);
    double mean = count == 0 ? 0 : sum / count;
    double ss = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        ss += (x - mean) * (x - mean);
      }
    }
    double sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
    // Quantile bins of the pooled values, for associations with categorical columns.
    int[] codes = new int[n];
    Arrays.fill(codes, -1);
    List<String> labels = new ArrayList<>();
    if (count > 0) {
      double[] cuts = LeadingCuts.cuts(count, rank -> v[sorted[rank]]);
      for (int c = 0; c <= cuts.length; c++) {
        labels.add(PairBuckets.binLabel(c));
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(v[i])) {
          codes[i] = LeadingCuts.bin(v[i], cuts);
        }
      }
    }
    return new Var(name, type, true, false, v, codes, labels.toArray(String[]::new), sorted, sd);
  }

  private static Var categoricalVar(String name, ColumnType type, String[] s) {
    TreeSet<String> distinct = new TreeSet<>();
    for (String x : s) {
      if (x != null) {
        distinct.add(x);
      }
    }
    String[] dict = distinct.toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dict.length; i++) {
      index.put(dict[i], i);
    }
    int[] codes = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      codes[i] = s[i] == null ? -1 : index.get(s[i]);
    }
    return new Var(name, type, false, type == ColumnType.TEXT, null, codes, dict, null, 0);
  }

  static long mix(long h, long x) {
    long z = h ^ (x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static long cellBits(Var v, int i) {
    if (v.numeric) {
      double x = v.values[i];
      return Double.isNaN(x) ? 0x7ff8000000000001L : Double.doubleToLongBits(x == 0 ? 0.0 : x);
    }
    return v.codes[i];
  }

  private static int[] exactGroups(List<Var> vars, int n) {
    int[] group = new int[n];
    if (vars.isEmpty()) {
      // Nothing to compare: no row can be called a copy of another.
      for (int i = 0; i < n; i++) {
        group[i] = i;
      }
      return group;
    }
    long[] hash = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 17;
      for (Var v : vars) {
        h = mix(h, cellBits(v, i));
      }
      hash[i] = h;
    }
    return IndexSort.firstSeenIds(hash);
  }

  /**
   * Near copies: rows equal on every categorical column and, on every numeric one, within {@link
   * #NEAR_TOLERANCE} pooled standard deviations or {@link #NEAR_RELATIVE} of the larger magnitude.
   * Rows are blocked by their categorical values and swept along the numeric column with the most
   * distinct values; each row is compared with at most {@value #NEAR_WINDOW_CAP} successors, which
   * bounds the cost on heavily tied data. In tables of at least {@value
   * FewCellCopies#ONE_CELL_COLUMNS} columns, rows that differ in one cell alone are near copies
   * too, from {@value FewCellCopies#TWO_CELL_COLUMNS} in two ({@link FewCellCopies}).
   */
  private static int[] nearGroups(
      List<Var> vars, int n, int[] exact, boolean relative, int fewCells) {
    List<Var> nums = vars.stream().filter(v -> v.numeric).toList();
    int[] parent = UnionFind.singletons(n);
    // Exact duplicates are near copies too.
    int[] firstOfGroup = new int[n];
    Arrays.fill(firstOfGroup, -1);
    for (int i = 0; i < n; i++) {
      if (firstOfGroup[exact[i]] < 0) {
        firstOfGroup[exact[i]] = i;
      } else {
        UnionFind.union(parent, firstOfGroup[exact[i]], i);
      }
    }
    if (!nums.isEmpty()) {
      Var sweep = nums.get(0);
      int best = -1;
      for (Var v : nums) {
        int d = distinctCount(v);
        if (d > best) {
          best = d;
          sweep = v;
        }
      }
      // Blocks: rows with the same categorical cells (by a hash of them), each in row order.
      long[] blockOf = new long[n];
      for (int i = 0; i < n; i++) {
        long h = 31;
        for (Var v : vars) {
          if (!v.numeric) {
            h = mix(h, v.codes[i]);
          }
        }
        blockOf[i] = h;
      }
      int[] byBlock = IntStream.range(0, n).toArray();
      IndexSort.byKey(byBlock, blockOf);
      final Var key = sweep;
      double[] sortKeys = new double[n];
      for (int i = 0; i < n; i++) {
        sortKeys[i] = sortKey(key.values[i]);
      }
      List<int[]> blocks = new ArrayList<>();
      for (int start = 0, end; start < n; start = end) {
        end = start + 1;
        while (end < n && blockOf[byBlock[end]] == blockOf[byBlock[start]]) {
          end++;
        }
        if (end - start >= 2) {
          blocks.add(Arrays.copyOfRange(byBlock, start, end));
        }
      }
      // Blocks share no row, so each is searched on its own core into its own union-find over its
      // positions; joining every position to its block root then gives the same components (the
      // window never reads the global union-find).
      int[][] roots = new int[blocks.size()][];
      IntStream.range(0, blocks.size())
          .parallel()
          .forEach(g -> roots[g] = nearInBlock(blocks.get(g), nums, key, sortKeys, relative));
      for (int g = 0; g < roots.length; g++) {
        int[] order = blocks.get(g);
        for (int t = 0; t < order.length; t++) {
          int r = UnionFind.find(roots[g], t);
          if (r != t) {
            UnionFind.union(parent, order[t], order[r]);
          }
        }
      }
    }
    FewCellCopies.join(vars, n, exact, parent, fewCells);
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = UnionFind.find(parent, i);
    }
    return group;
  }

  /**
   * Sorts a block's rows ({@code order}) by the sweep column, stably (the rows come in row order),
   * and joins each with the next ones within {@value #NEAR_WINDOW_CAP} positions that are near on
   * every number: the union-find over the block's positions.
   */
  private static int[] nearInBlock(
      int[] order, List<Var> nums, Var key, double[] sortKeys, boolean relative) {
    IndexSort.byValue(order, sortKeys);
    // The block's numbers gathered in sweep order, so that the window reads neighbouring cells
    // instead of rows spread over the whole pool.
    double[][] local = new double[nums.size()][order.length];
    double[] sds = new double[nums.size()];
    for (int c = 0; c < local.length; c++) {
      double[] values = nums.get(c).values;
      for (int t = 0; t < order.length; t++) {
        local[c][t] = values[order[t]];
      }
      sds[c] = nums.get(c).sd;
    }
    int sweep = nums.indexOf(key);
    double[] swept = local[sweep];
    int[] parent = UnionFind.singletons(order.length);
    for (int a = 0; a < order.length; a++) {
      for (int b = a + 1; b < order.length && b - a <= NEAR_WINDOW_CAP; b++) {
        double vi = swept[a];
        double vj = swept[b];
        if (Double.isNaN(vi) != Double.isNaN(vj)) {
          break;
        }
        // vj >= vi in sort order, and vj - vi grows faster than either bound: a valid stop.
        if (!Double.isNaN(vi) && !nearValues(vi, vj, key.sd, relative)) {
          break;
        }
        // The sweep column is near (or missing in both rows) once here: near() skips it.
        if (near(local, sds, sweep, a, b, relative)) {
          UnionFind.union(parent, a, b);
        }
      }
    }
    return parent;
  }

  private static double sortKey(double x) {
    return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
  }

  /**
   * Whether positions i and j of a block are near on every number ({@code columns[c][position]}).
   */
  /** Whether rows i and j are near on every column but {@code skipped}. */
  private static boolean near(
      double[][] columns, double[] sds, int skipped, int i, int j, boolean relative) {
    for (int c = 0; c < columns.length; c++) {
      if (c == skipped) {
        continue;
      }
      double a = columns[c][i];
      double b = columns[c][j];
      if (Double.isNaN(a) || Double.isNaN(b)) {
        if (Double.isNaN(a) != Double.isNaN(b)) {
          return false;
        }
        continue;
      }
      if (!nearValues(a, b, sds[c], relative)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Within {@link #NEAR_TOLERANCE} standard deviations, or {@link #NEAR_RELATIVE} relatively when
   * {@code relative}.
   */
  static boolean nearValues(double a, double b, double sd, boolean relative) {
    double d = Math.abs(a - b);
    return d <= NEAR_TOLERANCE * sd
        || (relative && d <= NEAR_RELATIVE * Math.max(Math.abs(a), Math.abs(b)));
  }

  private static int distinctCount(Var v) {
    int d = 0;
    double prev = Double.NaN;
    for (int idx : v.sorted) {
      if (d == 0 || v.values[idx] != prev) {
        d++;
        prev = v.values[idx];
      }
    }
    return d;
  }
}
