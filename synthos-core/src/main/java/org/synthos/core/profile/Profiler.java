package org.synthos.core.profile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * Builds a {@link DatasetProfile} in one pass over a stream of batches, deterministically.
 *
 * <p>The batches are cut into partitions of consecutive batches: a partition closes at the first
 * batch boundary at or after {@link #PARTITION_ROWS} rows. Each partition is folded into fresh
 * accumulators whose quantile sketches are seeded from the partition's index, and the partition
 * profiles are merged left to right in partition order. The result is therefore a function of the
 * rows and the batch boundaries only: any thread count gives the same profile, byte for byte under
 * {@link ProfileCodec}. The batch size is part of the configuration that decides the bytes;
 * re-batching the same rows may move partition boundaries, which changes sketches and rounding
 * within each state's stated tolerance.
 *
 * <p>With more than one thread the calling thread reads batches and sends partition p to worker p
 * mod T through that worker's bounded queue. A queue is sized from the first batch to hold one
 * partition, so every worker has its next partition waiting, unless the T queues would then hold
 * more than {@link #QUEUED_BYTES} of cell values (8 bytes a cell): then they are shortened, which
 * can leave workers waiting on the reader but never changes the result. Two workers need no
 * partition of lead and get short queues ({@link #queueCapacity}). Each worker hands its partition
 * profiles, in order, to a merging thread that takes partition p from worker p mod T, so the merge
 * order is fixed whatever the timing. A {@link PartitionRider} rides the same partitions: its
 * accumulator is fed beside the profile's, and its partition results travel and merge with them.
 *
 * <p>Why partitions are large: a KLL sketch sorts its level 0 before each compaction, and a young
 * sketch has a large level 0 (k items when new, k (2/3)^(levels - 1) later), so a sketch that sees
 * fewer values spends more per value sorting. At the default k = 2048, 2^18-row partitions cost
 * about 10% more CPU than one sketch per column over a 10^6-row input (2^16-row ones cost 30 to
 * 60%); see {@code ProfileThroughputBenchmark} in the tests.
 */
public final class Profiler {
  /** Rows per partition, rounded up to a batch boundary. */
  public static final int PARTITION_ROWS = 1 << 18;

  /** The cell bytes all workers' queues may hold together before they are shortened. */
  public static final long QUEUED_BYTES = 256L << 20;

  /** The most batches a worker's queue holds, whatever the batch size. */
  private static final int MAX_QUEUED_BATCHES = 1024;

  /** The batches a worker's queue holds when there are two workers ({@link #queueCapacity}). */
  static final int PAIR_QUEUED_BATCHES = 8;

  private static final Object END_OF_PARTITION = new Object();
  private static final Object END = new Object();

  private Profiler() {}

  public static DatasetProfile profile(
      Schema schema, Iterator<ColumnBatch> batches, ProfileOptions options) {
    return profile(schema, batches, options, PARTITION_ROWS);
  }

  /** As {@link #profile(Schema, Iterator, ProfileOptions)} with partitions of {@code rows} rows. */
  static DatasetProfile profile(
      Schema schema, Iterator<ColumnBatch> batches, ProfileOptions options, int partitionRows) {
    return profile(schema, batches, options, NO_RIDER, partitionRows).profile();
  }

  /**
   * Profiles as {@link #profile(Schema, Iterator, ProfileOptions)} and folds {@code rider} over the
   * same partitions on the same threads; its partition results are merged in partition order too.
   */
  public static <A, R> Profiled<R> profile(
      Schema schema,
      Iterator<ColumnBatch> batches,
      ProfileOptions options,
      PartitionRider<A, R> rider) {
    return profile(schema, batches, options, rider, PARTITION_ROWS);
  }

  private static <A, R> Profiled<R> profile(
      Schema schema,
      Iterator<ColumnBatch> batches,
      ProfileOptions options,
      PartitionRider<A, R> rider,
      int partitionRows) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(batches, "batches is null");
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(rider, "rider is null");
    Progress progress = new Progress(options.progress());
    Part<R> part =
        options.threads() == 1
            ? sequential(schema, batches, options, rider, progress, partitionRows)
            : parallel(schema, batches, options, rider, progress, partitionRows);
    return new Profiled<>(part.profile, part.ridden);
  }

  private static final PartitionRider<Object, Object> NO_RIDER =
      new PartitionRider<>() {
        @Override
        public Object open(long partition) {
          return Boolean.TRUE;
        }

        @Override
        public void update(Object accumulator, ColumnBatch batch) {}

        @Override
        public Object close(Object accumulator) {
          return Boolean.TRUE;
        }

        @Override
        public Object merge(Object earlier, Object later) {
          return earlier;
        }
      };

  /** One partition's profile and rider result, or the merge of consecutive ones. */
  private record Part<R>(DatasetProfile profile, R ridden) {
    Part<R> then(Part<R> later, PartitionRider<?, R> rider) {
      return new Part<>(profile.merge(later.profile), rider.merge(ridden, later.ridden));
    }
  }

  /** The accumulators of one partition. */
  private static final class Fold<A, R> {
    private final ProfileAccumulator profile;
    private final PartitionRider<A, R> rider;
    private final A ridden;

    Fold(Schema schema, ProfileOptions options, PartitionRider<A, R> rider, long partition) {
      this.profile = new ProfileAccumulator(schema, options, partition);
      this.rider = rider;
      this.ridden = rider.open(partition);
    }

    void update(ColumnBatch b) {
      profile.update(b);
      rider.update(ridden, b);
    }

    Part<R> snapshot() {
      return new Part<>(profile.snapshot(), rider.close(ridden));
    }
  }

  private static <A, R> Part<R> sequential(
      Schema schema,
      Iterator<ColumnBatch> batches,
      ProfileOptions options,
      PartitionRider<A, R> rider,
      Progress progress,
      int partitionRows) {
    Part<R> result = null;
    Fold<A, R> acc = null;
    Partitions partitions = new Partitions(partitionRows);
    while (batches.hasNext()) {
      ColumnBatch b = checked(schema, batches.next());
      if (acc == null) {
        acc = new Fold<>(schema, options, rider, partitions.current());
      }
      acc.update(b);
      progress.add(b.rowCount());
      if (partitions.closesAfter(b)) {
        result = mergeNext(result, acc.snapshot(), rider);
        acc = null;
      }
    }
    if (acc != null) {
      result = mergeNext(result, acc.snapshot(), rider);
    }
    return result != null ? result : new Fold<>(schema, options, rider, 0).snapshot();
  }

  /** Partition boundaries: the first batch boundary at or after {@code size} rows. */
  private static final class Partitions {
    private final int size;
    private long current;
    private long rows;
    private int batches;

    Partitions(int size) {
      this.size = size;
    }

    long current() {
      return current;
    }

    /** Counts {@code b} into the current partition; true when the partition closes after it. */
    boolean closesAfter(ColumnBatch b) {
      rows += b.rowCount();
      batches++;
      if (rows < size) {
        return false;
      }
      current++;
      rows = 0;
      batches = 0;
      return true;
    }

    /** Whether the current partition has any batch yet. */
    boolean isOpen() {
      return batches > 0;
    }
  }

  private static <R> Part<R> mergeNext(Part<R> soFar, Part<R> next, PartitionRider<?, R> rider) {
    return soFar == null ? next : soFar.then(next, rider);
  }

  private static <A, R> Part<R> parallel(
      Schema schema,
      Iterator<ColumnBatch> batches,
      ProfileOptions options,
      PartitionRider<A, R> rider,
      Progress progress,
      int partitionRows) {
    if (!batches.hasNext()) {
      return new Fold<>(schema, options, rider, 0).snapshot();
    }
    ColumnBatch first = checked(schema, batches.next());
    int threads = options.threads();
    int capacity = queueCapacity(first, partitionRows, threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<BlockingQueue<Object>> inputs = new ArrayList<>(threads);
    // Unbounded, but a worker is at most one partition ahead of the reader's round robin, so each
    // holds a few profiles at most.
    List<BlockingQueue<Optional<Part<R>>>> outputs = new ArrayList<>(threads);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      BlockingQueue<Object> in = new ArrayBlockingQueue<>(capacity);
      BlockingQueue<Optional<Part<R>>> out = new LinkedBlockingQueue<>();
      inputs.add(in);
      outputs.add(out);
      workers[t] = worker(schema, options, rider, progress, t, threads, in, out, failure);
      workers[t].start();
    }
    AtomicReference<Part<R>> merged = new AtomicReference<>();
    Thread merger = merger(outputs, rider, merged, failure);
    merger.start();
    Partitions partitions = new Partitions(partitionRows);
    try {
      ColumnBatch b = first;
      while (failure.get() == null) {
        BlockingQueue<Object> in = inputs.get((int) (partitions.current() % threads));
        put(in, b, failure);
        if (partitions.closesAfter(b)) {
          put(in, END_OF_PARTITION, failure);
        }
        if (!batches.hasNext()) {
          break;
        }
        b = checked(schema, batches.next());
      }
      if (partitions.isOpen()) {
        put(inputs.get((int) (partitions.current() % threads)), END_OF_PARTITION, failure);
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      for (BlockingQueue<Object> in : inputs) {
        putEnd(in);
      }
      for (Thread w : workers) {
        join(w);
      }
      join(merger);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new SynthosException(ErrorCode.INTERNAL, "profiling failed: " + f, null, f);
    }
    return merged.get();
  }

  /**
   * One partition plus its end marker, within the byte budget, at least two batches; with two
   * workers, {@link #PAIR_QUEUED_BATCHES}. The reader fills one partition at a time, so for T
   * workers to fold at once it must run T - 1 partitions ahead of the slowest. With two workers the
   * reader and its tokenising thread are the other busy threads: one worker folding while they fill
   * the other's short queue keeps two cores busy, and a partition of lead would only hold batches
   * long enough to be promoted to the old generation and die there.
   */
  static int queueCapacity(ColumnBatch first, int partitionRows, int threads) {
    long rows = Math.max(1, first.rowCount());
    long partition = (partitionRows + rows - 1) / rows + 1;
    long batchBytes = rows * Math.max(1, first.schema().size()) * 8L;
    long affordable = QUEUED_BYTES / threads / batchBytes;
    long lead = threads <= 2 ? Math.min(PAIR_QUEUED_BATCHES, partition) : partition;
    return (int) Math.max(2, Math.min(Math.min(lead, affordable), MAX_QUEUED_BATCHES));
  }

  /**
   * Worker {@code t} of {@code threads}: folds partitions t, t + T, t + 2T... in arrival order and
   * emits each one's profile, then an empty marker at the end of input. After a failure it keeps
   * draining so the reader never blocks on a full queue, but stops folding.
   */
  private static <A, R> Thread worker(
      Schema schema,
      ProfileOptions options,
      PartitionRider<A, R> rider,
      Progress progress,
      int t,
      int threads,
      BlockingQueue<Object> in,
      BlockingQueue<Optional<Part<R>>> out,
      AtomicReference<Throwable> failure) {
    Thread w =
        new Thread(
            () -> {
              long partition = t;
              Fold<A, R> acc = null;
              try {
                for (Object o = in.take(); o != END; o = in.take()) {
                  if (failure.get() != null) {
                    continue;
                  }
                  try {
                    if (o == END_OF_PARTITION) {
                      out.add(Optional.of(acc.snapshot()));
                      acc = null;
                      partition += threads;
                    } else {
                      if (acc == null) {
                        acc = new Fold<>(schema, options, rider, partition);
                      }
                      ColumnBatch b = (ColumnBatch) o;
                      acc.update(b);
                      progress.add(b.rowCount());
                    }
                  } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                  }
                }
              } catch (InterruptedException e) {
                failure.compareAndSet(
                    null, new SynthosException(ErrorCode.CANCELLED, "profiling was interrupted"));
              } finally {
                out.add(Optional.empty());
              }
            },
            "synthos-profiler-" + t);
    w.setDaemon(true);
    return w;
  }

  /** Merges partition p, taken from worker p mod T, for p = 0, 1, ... until a worker is done. */
  private static <R> Thread merger(
      List<BlockingQueue<Optional<Part<R>>>> outputs,
      PartitionRider<?, R> rider,
      AtomicReference<Part<R>> merged,
      AtomicReference<Throwable> failure) {
    Thread m =
        new Thread(
            () -> {
              Part<R> result = null;
              try {
                for (int p = 0; ; p = (p + 1) % outputs.size()) {
                  Optional<Part<R>> next = outputs.get(p).take();
                  if (next.isEmpty()) {
                    break;
                  }
                  if (failure.get() == null) {
                    result = mergeNext(result, next.get(), rider);
                  }
                }
                merged.set(result);
              } catch (InterruptedException e) {
                failure.compareAndSet(
                    null, new SynthosException(ErrorCode.CANCELLED, "profiling was interrupted"));
              } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
              }
            },
            "synthos-profiler-merge");
    m.setDaemon(true);
    return m;
  }

  private static ColumnBatch checked(Schema schema, ColumnBatch b) {
    if (!schema.equals(b.schema())) {
      throw new SynthosException(
          ErrorCode.SCHEMA_MISMATCH,
          "batch at row "
              + (b.firstRow() + 1)
              + " has columns "
              + b.schema().names()
              + " but the profile expects "
              + schema.names());
    }
    return b;
  }

  private static void put(
      BlockingQueue<Object> queue, Object o, AtomicReference<Throwable> failure) {
    try {
      while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthosException(ErrorCode.CANCELLED, "profiling was interrupted");
    }
  }

  private static void putEnd(BlockingQueue<Object> queue) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(END);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread w) {
    boolean interrupted = false;
    while (true) {
      try {
        w.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Serialises listener calls and keeps totals non-decreasing. */
  private static final class Progress {
    private final ProgressListener listener;
    private long done;

    Progress(ProgressListener listener) {
      this.listener = listener;
    }

    synchronized void add(long rows) {
      done += rows;
      listener.rowsDone(done);
    }
  }
}
