package org.synthos.core.assess.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.state.StateCodec;

/**
 * One file's rows spread over {@value #COUNT} buckets by a seeded hash of each row's zero-based
 * index in the file, with per bucket the mergeable states the marginal measures need: rows, and per
 * compared numeric, datetime, categorical or boolean column its nulls and either a bottom-k sample
 * of its values ({@link BucketSample}, every value while the bucket holds at most {@value
 * #SAMPLE_SIZE}) or exact category counts. A text column's lengths in characters and in tokens
 * ({@link TextLengths}) are kept as two numeric columns under {@link TextLengths#charactersName}
 * and {@link TextLengths#tokensName}, so its length distributions are judged over every row.
 *
 * <p>The bucket depends on the row's index, not its content, so buckets are random subsets of the
 * rows whatever the data: equal rows (common in narrow categorical tables) would otherwise share a
 * bucket, and a union of buckets would not be a random subset of rows. A union of buckets chosen at
 * random is therefore a random re-split of the rows, which is what the null bands need.
 *
 * <p>Immutable. {@link #merge} adds rows, nulls and counts and merges the samples (keeps the
 * smallest keys of both); {@link #empty} is the identity. Every part is a function of the set of
 * rows added, so the merge is associative and commutative and the states are the same however the
 * rows were partitioned and in whatever order the parts were merged. A column whose categories pass
 * {@value #CATEGORY_CAP} keeps its nulls but drops its counts ({@link Col#overflowed()}).
 *
 * <p>{@link #toBytes} and {@link #fromBytes} carry the states between processes (a cluster's
 * partitions to its driver): the round trip is exact, samples item for item.
 *
 * <p>The pairwise states of the same buckets ride along ({@link #pairs}, {@link PairBuckets}).
 */
public final class Buckets {
  /** Buckets per file. */
  public static final int COUNT = 128;

  /**
   * Values kept per bucket and numeric column: every value up to this many, which files of up to
   * about 240,000 rows stay under (a bucket's share is binomial, about 1,875 values and sd 43).
   */
  public static final int SAMPLE_SIZE = 2048;

  /** Distinct categories per column above which its counts are dropped. */
  public static final int CATEGORY_CAP = 1 << 14;

  private final long[] rows;
  private final Map<String, Col> columns;
  private final PairBuckets pairs;

  /**
   * One column's states per bucket.
   *
   * @param samples numeric columns: a sample per bucket; null for categories
   * @param counts categories: value to count per bucket, in value order; null for numbers or once
   *     overflowed
   */
  public record Col(
      boolean numeric, long[] nulls, BucketSample[] samples, SortedMap<String, long[]> counts) {
    public boolean overflowed() {
      return !numeric && counts == null;
    }

    /** With {@code spares}, the samples are merged by {@link BucketSample#mergeReleasing}. */
    private Col merge(Col o, BucketSample.Spares spares) {
      long[] n = add(nulls, o.nulls);
      if (numeric) {
        BucketSample[] q = new BucketSample[COUNT];
        for (int b = 0; b < COUNT; b++) {
          q[b] =
              spares == null
                  ? samples[b].merge(o.samples[b])
                  : samples[b].mergeReleasing(o.samples[b], spares);
        }
        return new Col(true, n, q, null);
      }
      if (counts == null || o.counts == null) {
        return new Col(false, n, null, null);
      }
      SortedMap<String, long[]> c = new TreeMap<>(counts);
      o.counts.forEach((k, v) -> c.merge(k, v, Buckets::add));
      return new Col(false, n, null, c.size() > CATEGORY_CAP ? null : c);
    }
  }

  private Buckets(long[] rows, Map<String, Col> columns, PairBuckets pairs) {
    this.rows = rows;
    this.columns = columns;
    this.pairs = pairs;
  }

  /** The identity: no rows, no columns. */
  public static Buckets empty() {
    return new Buckets(new long[COUNT], Map.of(), PairBuckets.empty());
  }

  /**
   * The bucket of zero-based row {@code row} among {@code count} buckets (a power of two): the top
   * bits of {@link #hash}.
   */
  public static int of(long row, long seed, int count) {
    return (int) (hash(row, seed) >>> (64 - Integer.numberOfTrailingZeros(count)));
  }

  /**
   * SplitMix64 of the row and the seed: a bijection of the row, so distinct rows never share it.
   * Its top bits pick the row's bucket ({@link #of}); the whole value is the row's sample key,
   * which within a bucket orders rows by the remaining bits, independent of the bucket.
   */
  public static long hash(long row, long seed) {
    long z = row * 0x9E3779B97F4A7C15L + seed;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Rows per bucket. */
  public long[] rows() {
    return rows.clone();
  }

  /** Every kept column's states, by name. */
  Map<String, Col> columns() {
    return columns;
  }

  /** The named column's states, or null when not kept. */
  public Col column(String name) {
    return columns.get(name);
  }

  /** The pairwise states of the same buckets. */
  public PairBuckets pairs() {
    return pairs;
  }

  /** Whether a column of this type gets states. */
  public static boolean kept(ColumnType type) {
    return type.isNumeric() || type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN;
  }

  /** Rows added first, then {@code o}'s; columns are matched by name. */
  public Buckets merge(Buckets o) {
    return merge(o, null);
  }

  /**
   * {@link #merge} for the pass that made both states and uses neither again: the samples of the
   * columns both hold are merged into and out of {@code bounds}' spare arrays ({@link
   * BucketSample#mergeReleasing}). The same states as {@link #merge}.
   */
  Buckets mergeReleasing(Buckets o, SampleBounds bounds) {
    return merge(o, bounds.spares);
  }

  private Buckets merge(Buckets o, BucketSample.Spares spares) {
    Map<String, Col> c = new LinkedHashMap<>(columns);
    o.columns.forEach((k, v) -> c.merge(k, v, (x, y) -> x.merge(y, spares)));
    return new Buckets(add(rows, o.rows), Collections.unmodifiableMap(c), pairs.merge(o.pairs));
  }

  /**
   * The states as bytes: the bucket count, rows per bucket, then per column in order its name,
   * kind, nulls per bucket and either a sample per bucket (capacity, count, then key and value per
   * kept item in order) or, unless overflowed, each category's counts per bucket in value order;
   * then the pairwise states ({@link PairBuckets#write}).
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(COUNT);
      writeLongs(out, rows);
      out.writeInt(columns.size());
      for (Map.Entry<String, Col> e : columns.entrySet()) {
        Col col = e.getValue();
        StateCodec.writeString(out, e.getKey());
        out.writeByte(col.numeric() ? 0 : col.overflowed() ? 2 : 1);
        writeLongs(out, col.nulls());
        if (col.numeric()) {
          for (BucketSample q : col.samples()) {
            q.write(out);
          }
        } else if (!col.overflowed()) {
          out.writeInt(col.counts().size());
          for (Map.Entry<String, long[]> c : col.counts().entrySet()) {
            StateCodec.writeString(out, c.getKey());
            writeLongs(out, c.getValue());
          }
        }
      }
      pairs.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads states written by {@link #toBytes}.
   *
   * @throws SynthosException ({@link ErrorCode#CORRUPT_FILE}) when the bytes are not such states
   */
  public static Buckets fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int count = in.readInt();
      if (count != COUNT) {
        throw corrupt("bucket states of " + count + " buckets, not " + COUNT);
      }
      long[] rows = readLongs(in);
      int n = in.readInt();
      Map<String, Col> columns = new LinkedHashMap<>();
      for (int k = 0; k < n; k++) {
        String name = StateCodec.readString(in);
        int kind = in.readUnsignedByte();
        long[] nulls = readLongs(in);
        Col col;
        if (kind == 0) {
          BucketSample[] q = new BucketSample[COUNT];
          for (int b = 0; b < COUNT; b++) {
            q[b] = BucketSample.read(in);
            if (q[b] == null || q[b].count() > rows[b] - nulls[b]) {
              throw corrupt("column " + name + " holds a malformed sample in bucket " + b);
            }
          }
          col = new Col(true, nulls, q, null);
        } else if (kind == 1) {
          int m = in.readInt();
          SortedMap<String, long[]> counts = new TreeMap<>();
          for (int i = 0; i < m; i++) {
            String value = StateCodec.readString(in);
            counts.put(value, readLongs(in));
          }
          col = new Col(false, nulls, null, counts);
        } else if (kind == 2) {
          col = new Col(false, nulls, null, null);
        } else {
          throw corrupt("column " + name + " has unknown kind " + kind);
        }
        columns.put(name, col);
      }
      PairBuckets pairs = PairBuckets.read(in, COUNT);
      if (in.read() != -1) {
        throw corrupt("bytes after the last pair");
      }
      return new Buckets(rows, Collections.unmodifiableMap(columns), pairs);
    } catch (IOException e) {
      throw corrupt("truncated bucket states: " + e);
    }
  }

  private static SynthosException corrupt(String message) {
    return new SynthosException(ErrorCode.CORRUPT_FILE, "bad bucket states: " + message);
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    long[] out = new long[COUNT];
    for (int b = 0; b < COUNT; b++) {
      out[b] = in.readLong();
    }
    return out;
  }

  private static long[] add(long[] a, long[] b) {
    long[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += b[i];
    }
    return out;
  }

  /** The mutable fold of one partition's batches. */
  public static final class Accumulator {
    private final Schema schema;
    private final int[] columns;
    private final long seed;
    private final long[] rows = new long[COUNT];
    private final long[][] nulls;
    private final BucketSample.Accumulator[][] samples;
    private final List<Map<String, long[]>> counts;
    private final boolean[] overflowed;
    private int[] bucket = new int[0];
    private long[] key = new long[0];
    private final PairBuckets.Accumulator pairs;

    /** Text columns, whose lengths in characters and tokens are kept as two numeric columns. */
    private final int[] texts;

    private final long[][] textNulls;
    private final BucketSample.Accumulator[][] characters;
    private final BucketSample.Accumulator[][] tokens;

    /**
     * The bucket samples that read shared bounds, numeric columns then text lengths, and beside
     * each the bounds it reads; both empty without shared bounds.
     */
    private final List<BucketSample.Accumulator[]> bounded = new ArrayList<>();

    private final List<AtomicLongArray> bounds = new ArrayList<>();

    /**
     * @param columns the columns to keep states of (others of {@code schema} are skipped)
     * @param seed the file's bucket seed
     */
    public Accumulator(Schema schema, int[] columns, long seed) {
      this(schema, columns, seed, SAMPLE_SIZE);
    }

    /**
     * As above, keeping at most {@code sampleSize} values per bucket: a small size lets the laws be
     * checked on sampled buckets with few rows.
     */
    public Accumulator(Schema schema, int[] columns, long seed, int sampleSize) {
      this(schema, columns, seed, sampleSize, null);
    }

    /**
     * As {@link #Accumulator(Schema, int[], long)}, skipping values that cannot pass the {@code
     * bounds} shared with the pass's other partitions (null for none).
     */
    public Accumulator(Schema schema, int[] columns, long seed, SampleBounds bounds) {
      this(schema, columns, seed, SAMPLE_SIZE, bounds);
    }

    /** As above, keeping at most {@code sampleSize} values per bucket. */
    public Accumulator(
        Schema schema, int[] columns, long seed, int sampleSize, SampleBounds sampleBounds) {
      this(schema, columns, seed, sampleSize, sampleBounds, Map.of());
    }

    /**
     * As above, binning the numeric columns named in {@code cuts} by their cut points for their
     * pairs with categories ({@link PairBuckets}).
     */
    public Accumulator(
        Schema schema,
        int[] columns,
        long seed,
        int sampleSize,
        SampleBounds sampleBounds,
        Map<String, double[]> cuts) {
      this.schema = schema;
      this.columns = Arrays.stream(columns).filter(c -> kept(schema.field(c).type())).toArray();
      this.seed = seed;
      int f = this.columns.length;
      this.nulls = new long[f][COUNT];
      this.samples = new BucketSample.Accumulator[f][];
      this.counts = new ArrayList<>();
      this.overflowed = new boolean[f];
      this.pairs = new PairBuckets.Accumulator(schema, this.columns, cuts);
      this.texts = Arrays.stream(columns).filter(c -> lengthsKept(schema, c)).toArray();
      this.textNulls = new long[texts.length][COUNT];
      this.characters = new BucketSample.Accumulator[texts.length][COUNT];
      this.tokens = new BucketSample.Accumulator[texts.length][COUNT];
      BucketSample.Spares spares = sampleBounds == null ? null : sampleBounds.spares;
      for (int t = 0; t < texts.length; t++) {
        for (int b = 0; b < COUNT; b++) {
          characters[t][b] = new BucketSample.Accumulator(sampleSize, spares);
          tokens[t][b] = new BucketSample.Accumulator(sampleSize, spares);
        }
      }
      for (int k = 0; k < f; k++) {
        counts.add(null);
        if (schema.field(this.columns[k]).type().isNumeric()) {
          samples[k] = new BucketSample.Accumulator[COUNT];
          for (int b = 0; b < COUNT; b++) {
            samples[k][b] = new BucketSample.Accumulator(sampleSize, spares);
          }
        } else {
          counts.set(k, new HashMap<>());
        }
      }
      if (sampleBounds != null) {
        for (int k = 0; k < f; k++) {
          if (samples[k] != null) {
            bounded.add(samples[k]);
            bounds.add(sampleBounds.of(schema.field(this.columns[k]).name()));
          }
        }
        for (int t = 0; t < texts.length; t++) {
          String name = schema.field(texts[t]).name();
          bounded.add(characters[t]);
          bounds.add(sampleBounds.of(TextLengths.charactersName(name)));
          bounded.add(tokens[t]);
          bounds.add(sampleBounds.of(TextLengths.tokensName(name)));
        }
      }
    }

    public void update(ColumnBatch batch) {
      for (int i = 0; i < bounded.size(); i++) {
        BucketSample.Accumulator[] perBucket = bounded.get(i);
        AtomicLongArray shared = bounds.get(i);
        for (int b = 0; b < COUNT; b++) {
          perBucket[b].tighten(shared.get(b));
        }
      }
      int n = batch.rowCount();
      if (bucket.length < n) {
        bucket = new int[n];
        key = new long[n];
      }
      long first = batch.firstRow();
      int shift = 64 - Integer.numberOfTrailingZeros(COUNT);
      for (int r = 0; r < n; r++) {
        key[r] = hash(first + r, seed);
        bucket[r] = (int) (key[r] >>> shift);
        rows[bucket[r]]++;
      }
      for (int k = 0; k < columns.length; k++) {
        Column col = batch.column(columns[k]);
        if (samples[k] != null) {
          numbers(k, col, n);
        } else if (!overflowed[k]) {
          categories(k, col, n);
        } else {
          for (int r = 0; r < n; r++) {
            nulls[k][bucket[r]] += col.isNull(r) ? 1 : 0;
          }
        }
      }
      for (int t = 0; t < texts.length; t++) {
        lengths(t, (Column.Strings) batch.column(texts[t]), n);
      }
      pairs.update(batch, bucket, n);
    }

    private void lengths(int t, Column.Strings col, int n) {
      String[] values = col.values();
      for (int r = 0; r < n; r++) {
        int b = bucket[r];
        if (col.isNull(r)) {
          textNulls[t][b]++;
        } else {
          // A value past the bound is only counted: its length is not worth computing.
          BucketSample.Accumulator ch = characters[t][b];
          BucketSample.Accumulator to = tokens[t][b];
          ch.add(key[r], ch.skips(key[r]) ? 0 : TextLengths.characters(values[r]));
          to.add(key[r], to.skips(key[r]) ? 0 : TextLengths.tokens(values[r]));
        }
      }
    }

    private void numbers(int k, Column col, int n) {
      // The column's kind is fixed for the batch: read its array once, not per cell.
      long[] longs = col instanceof Column.Longs l ? l.values() : null;
      double[] doubles = col instanceof Column.Doubles d ? d.values() : null;
      BucketSample.Accumulator[] s = samples[k];
      for (int r = 0; r < n; r++) {
        double x = col.isNull(r) ? Double.NaN : longs != null ? longs[r] : doubles[r];
        if (Double.isNaN(x)) {
          nulls[k][bucket[r]]++;
        } else {
          s[bucket[r]].add(key[r], clampInfinite(x));
        }
      }
    }

    private void categories(int k, Column col, int n) {
      Map<String, long[]> map = counts.get(k);
      for (int r = 0; r < n; r++) {
        int b = bucket[r];
        if (col.isNull(r)) {
          nulls[k][b]++;
          continue;
        }
        String value =
            col instanceof Column.Booleans bools
                ? (bools.values()[r] ? "true" : "false")
                : ((Column.Strings) col).values()[r];
        map.computeIfAbsent(value, v -> new long[COUNT])[b]++;
      }
      if (map.size() > CATEGORY_CAP) {
        overflowed[k] = true;
        counts.set(k, null);
      }
    }

    /** The states of everything added. */
    public Buckets snapshot() {
      Map<String, Col> out = new LinkedHashMap<>();
      for (int k = 0; k < columns.length; k++) {
        Field field = schema.field(columns[k]);
        long[] nk = nulls[k].clone();
        if (samples[k] != null) {
          out.put(field.name(), new Col(true, nk, snapshot(samples[k]), null));
        } else {
          out.put(
              field.name(), new Col(false, nk, null, overflowed[k] ? null : copy(counts.get(k))));
        }
      }
      for (int t = 0; t < texts.length; t++) {
        String name = schema.field(texts[t]).name();
        out.put(
            TextLengths.charactersName(name),
            new Col(true, textNulls[t].clone(), snapshot(characters[t]), null));
        out.put(
            TextLengths.tokensName(name),
            new Col(true, textNulls[t].clone(), snapshot(tokens[t]), null));
      }
      return new Buckets(rows.clone(), Collections.unmodifiableMap(out), pairs.snapshot());
    }

    /**
     * Releases the bucket samples' arrays to the pass's spares, after the last {@link #snapshot}:
     * the accumulator must not be used afterwards.
     */
    public void release() {
      for (BucketSample.Accumulator[] perBucket : samples) {
        if (perBucket != null) {
          for (BucketSample.Accumulator a : perBucket) {
            a.release();
          }
        }
      }
      for (int t = 0; t < texts.length; t++) {
        for (int b = 0; b < COUNT; b++) {
          characters[t][b].release();
          tokens[t][b].release();
        }
      }
    }

    private static BucketSample[] snapshot(BucketSample.Accumulator[] perBucket) {
      BucketSample[] q = new BucketSample[COUNT];
      for (int b = 0; b < COUNT; b++) {
        q[b] = perBucket[b].snapshot();
      }
      return q;
    }
  }

  /**
   * Whether column {@code c} is text whose lengths get states: unless a column of the schema
   * already bears one of the names they are kept under.
   */
  private static boolean lengthsKept(Schema schema, int c) {
    Field f = schema.field(c);
    return f.type() == ColumnType.TEXT
        && schema.indexOf(TextLengths.charactersName(f.name())).isEmpty()
        && schema.indexOf(TextLengths.tokensName(f.name())).isEmpty();
  }

  private static SortedMap<String, long[]> copy(Map<String, long[]> counts) {
    SortedMap<String, long[]> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }

  /** Infinite values take the largest finite value of their sign, so cells can hold them. */
  public static double clampInfinite(double x) {
    return x == Double.POSITIVE_INFINITY
        ? Double.MAX_VALUE
        : x == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : x;
  }
}
