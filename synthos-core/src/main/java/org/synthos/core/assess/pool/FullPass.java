package org.synthos.core.assess.pool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Location;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.DatasetSource;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.PartitionRider;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiled;
import org.synthos.core.profile.Profiler;
import org.synthos.core.rows.RowAccumulator;
import org.synthos.core.rows.RowHasher;
import org.synthos.core.rows.RowSampleState;

/**
 * One parallel pass over a dataset that yields everything the assessment reads from it: the profile
 * (row, null and invalid counts), a seeded bottom-k sample of at most {@code maxRows} rows (the
 * {@link RawTable} the measures work on), the 64-bit hash of every row over the compared columns in
 * file order (for exact duplicates and copies over all rows) and a content digest.
 *
 * <p>Everything rides {@link Profiler}'s partitioned pass and is merged in partition order, so the
 * result is a function of the rows and the batch boundaries, the same for every thread count. The
 * content digest is SHA-256 over the cells when the file fits one partition, else SHA-256 over the
 * partitions' digests in order (so, like the profile, it depends on the partition boundaries).
 */
public final class FullPass {
  /**
   * Row hashes are kept in chunks of this many rows: 256 KB, under half of the smallest G1 region,
   * so no chunk is a humongous object and none is copied to grow.
   */
  static final int HASH_CHUNK = 1 << 15;

  /** Seed of the row hashes; candidate and reference must share it so their hashes compare. */
  public static final long HASH_SEED = 0x636f706965730001L;

  public final DatasetProfile profile;
  public final RowSampleState sample;
  public final RowHashes hashes;
  public final String contentSha256;

  /**
   * The bucketed states of the hashed columns over every row ({@link Buckets}, seeded with the
   * sample's seed), or null when they were not kept.
   */
  public final Buckets buckets;

  private FullPass(
      DatasetProfile profile,
      RowSampleState sample,
      RowHashes hashes,
      String contentSha256,
      Buckets buckets) {
    this.profile = profile;
    this.sample = sample;
    this.hashes = hashes;
    this.contentSha256 = contentSha256;
    this.buckets = buckets;
  }

  /**
   * A pass made elsewhere from the same states (e.g. merged from a cluster's partitions): the
   * counts-only profile of every row, the seeded sample keyed on global row indexes, and the row
   * hashes, or null when they were counted elsewhere too.
   */
  public static FullPass of(
      DatasetProfile profile, RowSampleState sample, RowHashes hashes, String contentSha256) {
    return new FullPass(profile, sample, hashes, contentSha256, null);
  }

  /** As above, with the bucketed states of every row merged elsewhere too (or null). */
  public static FullPass of(
      DatasetProfile profile,
      RowSampleState sample,
      RowHashes hashes,
      String contentSha256,
      Buckets buckets) {
    return new FullPass(profile, sample, hashes, contentSha256, buckets);
  }

  /**
   * Reads {@code source} once.
   *
   * @param hashed the columns whose values make a row's hash, in the order they are hashed; empty
   *     for no hashes
   * @param threads worker threads (1 reads and folds on the calling thread)
   */
  public static FullPass read(
      DatasetSource source, int[] hashed, int maxRows, long seed, int threads) {
    return read(source, hashed, maxRows, seed, threads, Long.MAX_VALUE);
  }

  /**
   * Reads a part of a dataset (e.g. one cluster partition, its batches numbered with global row
   * indexes), skipping rows whose sample priority exceeds {@code sampleBound}: the bound of the
   * whole dataset's sample ({@link RowSampleState#boundOf}) keeps only rows of the final sample,
   * and the merged result is the same as with no bound.
   */
  public static FullPass read(
      DatasetSource source, int[] hashed, int maxRows, long seed, int threads, long sampleBound) {
    return read(source, hashed, maxRows, seed, threads, sampleBound, Map.of());
  }

  /**
   * As above, binning the numeric columns named in {@code cuts} by their cut points for their pairs
   * with categories ({@link PairBuckets}); candidate and reference must be given the same.
   */
  public static FullPass read(
      DatasetSource source,
      int[] hashed,
      int maxRows,
      long seed,
      int threads,
      long sampleBound,
      Map<String, double[]> cuts) {
    Schema schema = source.schema();
    // The assessment reads only counts from the profile; the sketches would cost a third of the
    // pass.
    ProfileOptions options = ProfileOptions.defaults().withThreads(threads).withCountsOnly();
    Profiled<Part> done =
        Profiler.profile(
            schema,
            checked(source, source.batches().get()),
            options,
            new Rider(schema, hashed, maxRows, seed, sampleBound, cuts));
    Part part = done.ridden();
    RowSampleState sample = Rider.compact(part.samples);
    if (done.profile().rows() == 0) {
      throw new SynthosException(
          ErrorCode.NO_DATA_ROWS, "the dataset has no data rows", Location.ofFile(source.uri()));
    }
    String digest;
    if (part.digests.size() == 1) {
      digest = HexFormat.of().formatHex(part.digests.get(0));
    } else {
      // The digest of the partitions' digests in order: a two-level hash tree over the cells.
      MessageDigest top = RawTable.sha256();
      part.digests.forEach(top::update);
      digest = HexFormat.of().formatHex(top.digest());
    }
    RowHashes hashes = hashed.length == 0 ? null : new RowHashes(part.hashFirstRows, part.hashes);
    return new FullPass(
        done.profile(), sample, hashes, digest, hashed.length == 0 ? null : part.buckets);
  }

  /** Batches with the schema checked, so a mismatch names the file and row. */
  private static Iterator<ColumnBatch> checked(DatasetSource source, Iterator<ColumnBatch> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public ColumnBatch next() {
        ColumnBatch batch = it.next();
        if (!batch.schema().equals(source.schema())) {
          throw new SynthosException(
              ErrorCode.SCHEMA_MISMATCH,
              "a batch's columns differ from the dataset's schema",
              Location.ofFile(source.uri()).withRow(batch.firstRow() + 1));
        }
        return batch;
      }
    };
  }

  /**
   * The merged result of consecutive partitions. Their samples are kept apart until they hold more
   * than twice the capacity, then merged at once (bottom-k merges are exact and order-free). Once
   * they hold more than the capacity, the bound their merge would have (the capacity-th smallest
   * priority) is worked out from the priorities alone and lets workers skip most rows; so a
   * full-size sample, whose copies would outlive young collections and die in the old generation,
   * is rebuilt only after a capacity's worth of partition rows, a few times per dataset.
   */
  private record Part(
      List<RowSampleState> samples,
      List<Long> hashFirstRows,
      List<long[]> hashes,
      List<byte[]> digests,
      Buckets buckets) {}

  /** The accumulators of one partition. */
  private static final class Accumulator {
    final RowAccumulator<RowSampleState> sample;
    final MessageDigest digest = RawTable.sha256();
    final ByteBuffer buffer = ByteBuffer.allocate(1 << 14);
    final Buckets.Accumulator buckets;
    final List<Long> hashFirstRows = new ArrayList<>();
    final List<long[]> hashes = new ArrayList<>();
    long[] high = new long[0];
    long[] low = new long[0];

    /** Rows in the last hash chunk; a full chunk's count while a new chunk is due. */
    int filled = HASH_CHUNK;

    Accumulator(RowAccumulator<RowSampleState> sample, Buckets.Accumulator buckets) {
      this.sample = sample;
      this.buckets = buckets;
    }
  }

  private static final class Rider implements PartitionRider<Accumulator, Part> {
    private final Schema schema;
    private final int[] hashed;
    private final Schema hashedSchema;
    private final int maxRows;
    private final long seed;

    /**
     * The bound of the latest full merged sample: rows above it cannot enter the final sample, so
     * workers skip them. Only work depends on when it is seen, never the result.
     */
    private final AtomicLong bound;

    /** The bounds of the merged bucket samples, read by later partitions alike. */
    private final SampleBounds sampleBounds = new SampleBounds();

    /** Cut points of the numbers binned for their pairs with categories, by column name. */
    private final Map<String, double[]> cuts;

    Rider(
        Schema schema,
        int[] hashed,
        int maxRows,
        long seed,
        long initialBound,
        Map<String, double[]> cuts) {
      this.bound = new AtomicLong(initialBound);
      this.cuts = Map.copyOf(cuts);
      this.schema = schema;
      this.hashed = hashed.clone();
      List<Field> fields = new ArrayList<>();
      for (int c : hashed) {
        fields.add(schema.field(c));
      }
      this.hashedSchema = new Schema(fields);
      this.maxRows = maxRows;
      this.seed = seed;
    }

    @Override
    public Accumulator open(long partition) {
      return new Accumulator(
          RowSampleState.newAccumulator(schema, seed, maxRows, bound::get),
          hashed.length == 0
              ? null
              : new Buckets.Accumulator(
                  schema, hashed, seed, Buckets.SAMPLE_SIZE, sampleBounds, cuts));
    }

    @Override
    public void update(Accumulator acc, ColumnBatch batch) {
      acc.sample.update(batch);
      digest(acc, batch);
      if (hashed.length > 0) {
        hash(acc, batch);
        acc.buckets.update(batch);
      }
    }

    private void hash(Accumulator acc, ColumnBatch batch) {
      int n = batch.rowCount();
      List<Column> cols = new ArrayList<>(hashed.length);
      for (int c : hashed) {
        cols.add(batch.column(c));
      }
      if (acc.high.length < n) {
        acc.high = new long[n];
        acc.low = new long[n];
      }
      long[] high = acc.high;
      long[] low = acc.low;
      RowHasher.hashBatch(
          new ColumnBatch(hashedSchema, cols, batch.firstRow(), n), HASH_SEED, high, low);
      // The high word alone: two distinct rows of n collide with probability about n^2 / 2^65.
      for (int done = 0; done < n; ) {
        if (acc.filled == HASH_CHUNK) {
          acc.hashes.add(new long[HASH_CHUNK]);
          acc.hashFirstRows.add(batch.firstRow() + done);
          acc.filled = 0;
        }
        int m = Math.min(n - done, HASH_CHUNK - acc.filled);
        System.arraycopy(high, done, acc.hashes.get(acc.hashes.size() - 1), acc.filled, m);
        acc.filled += m;
        done += m;
      }
    }

    @Override
    public Part close(Accumulator acc) {
      flush(acc.digest, acc.buffer);
      List<long[]> hashes = acc.hashes;
      if (acc.filled < HASH_CHUNK) {
        int last = hashes.size() - 1;
        hashes.set(last, Arrays.copyOf(hashes.get(last), acc.filled));
      }
      List<Long> first = acc.hashFirstRows;
      Buckets buckets = Buckets.empty();
      if (acc.buckets != null) {
        buckets = acc.buckets.snapshot();
        // The partition is done: later partitions grow into its sample arrays.
        acc.buckets.release();
      }
      return new Part(
          List.of(acc.sample.snapshot()), first, hashes, List.of(acc.digest.digest()), buckets);
    }

    @Override
    public Part merge(Part earlier, Part later) {
      List<RowSampleState> samples = concat(earlier.samples, later.samples);
      long held = samples.stream().mapToLong(RowSampleState::size).sum();
      if (held > 2L * maxRows) {
        RowSampleState merged = compact(samples);
        bound.accumulateAndGet(merged.bound(), Math::min);
        samples = List.of(merged);
      } else if (held > maxRows) {
        bound.accumulateAndGet(smallestPriority(samples, maxRows), Math::min);
      }
      // Neither part is used again: the merged samples reuse their arrays.
      Buckets buckets = earlier.buckets.mergeReleasing(later.buckets, sampleBounds);
      sampleBounds.tighten(buckets);
      return new Part(
          samples,
          concat(earlier.hashFirstRows, later.hashFirstRows),
          concat(earlier.hashes, later.hashes),
          concat(earlier.digests, later.digests),
          buckets);
    }

    /** Merges samples pairwise in rounds, so the small ones meet before the large ones. */
    static RowSampleState compact(List<RowSampleState> samples) {
      List<RowSampleState> round = samples;
      while (round.size() > 1) {
        List<RowSampleState> next = new ArrayList<>((round.size() + 1) / 2);
        for (int i = 0; i < round.size(); i += 2) {
          next.add(i + 1 < round.size() ? round.get(i).merge(round.get(i + 1)) : round.get(i));
        }
        round = next;
      }
      return round.get(0);
    }
  }

  /**
   * The {@code k}-th smallest priority of the samples' rows, which is the {@link
   * RowSampleState#bound} their merge would have: found by bisecting the priority range, counting
   * with a binary search in each sample's ascending priorities, without gathering any cell.
   */
  static long smallestPriority(List<RowSampleState> samples, long k) {
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    while (lo < hi) {
      long mid = lo + ((hi - lo) >>> 1);
      long atMost = 0;
      for (RowSampleState s : samples) {
        atMost += countAtMost(s.priorities(), mid);
      }
      if (atMost >= k) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The number of ascending {@code values} at most {@code x}. */
  private static int countAtMost(long[] values, long x) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  /**
   * Adds the cells to the partition digest: per cell a presence byte, then the value (a long, a
   * double, a boolean byte, or a string's UTF-8 length and bytes).
   */
  private static void digest(Accumulator acc, ColumnBatch batch) {
    MessageDigest digest = acc.digest;
    ByteBuffer buffer = acc.buffer;
    int f = batch.columns().size();
    for (int r = 0; r < batch.rowCount(); r++) {
      for (int c = 0; c < f; c++) {
        Column col = batch.column(c);
        if (buffer.remaining() < 16) {
          flush(digest, buffer);
        }
        if (col.isNull(r)) {
          buffer.put((byte) 0);
          continue;
        }
        buffer.put((byte) 1);
        if (col instanceof Column.Longs l) {
          buffer.putLong(l.values()[r]);
        } else if (col instanceof Column.Doubles d) {
          buffer.putDouble(d.values()[r]);
        } else if (col instanceof Column.Booleans b) {
          buffer.put(b.values()[r] ? (byte) 1 : (byte) 2);
        } else {
          byte[] bytes = ((Column.Strings) col).values()[r].getBytes(StandardCharsets.UTF_8);
          buffer.putInt(bytes.length);
          flush(digest, buffer);
          digest.update(bytes);
        }
      }
    }
  }

  private static void flush(MessageDigest digest, ByteBuffer buffer) {
    buffer.flip();
    digest.update(buffer);
    buffer.clear();
  }
}
