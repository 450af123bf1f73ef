package org.synthos.core.multivariate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Blocked brute-force squared Euclidean distances on all cores.
 *
 * <p>The reference side is cut into blocks of {@value #BLOCK} rows stored feature-major, so the
 * innermost loop {@code acc[j] += (x_t - y_jt)^2} runs over contiguous memory without a reduction
 * and the JIT vectorises it. Query rows are processed in chunks of {@value #CHUNK}: a chunk sweeps
 * every block while the block stays in cache. Distances are computed as sums of squared differences
 * (never {@code |x|^2 + |y|^2 - 2xy}), so identical rows are at exactly 0.
 *
 * <p>Chunks are handed to one worker per core; each query row belongs to one chunk, so per-query
 * results have a single writer, and per-reference results are kept per worker and combined with an
 * order-free operation (min, or, sum of integers). Results are therefore identical for any thread
 * count.
 */
final class Distances {
  static final int BLOCK = 512;
  static final int CHUNK = 32;

  private Distances() {}

  /** Receives, chunk by chunk, the squared distances of query rows to reference blocks. */
  abstract static class Worker {
    /** Called before the chunk {@code [from, to)} of query rows. */
    void beginChunk(int from, int to) {}

    /** Distances of query row {@code q} to reference rows {@code [refFrom, refFrom + n)}. */
    abstract void visit(int q, int refFrom, int n, double[] squared);

    /** Called after the chunk has met every block. */
    void endChunk(int from, int to) {}
  }

  /** The reference rows feature-major in blocks: {@code blocks[b][t * BLOCK + j]}. */
  static double[][] blocked(EncodedSample ref) {
    int dims = ref.dims();
    int count = (ref.rows() + BLOCK - 1) / BLOCK;
    double[][] blocks = new double[count][];
    for (int b = 0; b < count; b++) {
      int from = b * BLOCK;
      int n = Math.min(BLOCK, ref.rows() - from);
      double[] block = new double[dims * BLOCK];
      for (int j = 0; j < n; j++) {
        for (int t = 0; t < dims; t++) {
          block[t * BLOCK + j] = ref.values()[(from + j) * dims + t];
        }
      }
      blocks[b] = block;
    }
    return blocks;
  }

  /** Runs {@code workers} over all query x reference pairs; returns the workers for combining. */
  static <W extends Worker> List<W> scan(EncodedSample query, EncodedSample ref, Supplier<W> make) {
    return scan(query, ref, false, make);
  }

  /**
   * As {@link #scan(EncodedSample, EncodedSample, Supplier)}; with {@code upper} set (query and
   * reference the same sample), blocks wholly at or below a chunk's diagonal are skipped, so about
   * half the pairs are computed and the worker must use the pair for both rows.
   */
  static <W extends Worker> List<W> scan(
      EncodedSample query, EncodedSample ref, boolean upper, Supplier<W> make) {
    if (query.dims() != ref.dims()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "samples have different widths: " + query.dims() + " and " + ref.dims() + " features");
    }
    double[][] blocks = blocked(ref);
    int chunks = (query.rows() + CHUNK - 1) / CHUNK;
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), chunks));
    AtomicInteger next = new AtomicInteger();
    List<W> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(make.get());
    }
    List<Thread> started = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    for (int i = 1; i < threads; i++) {
      W w = workers.get(i);
      Thread t =
          new Thread(
              () -> {
                try {
                  run(query, ref.rows(), blocks, w, next, chunks, upper);
                } catch (RuntimeException e) {
                  synchronized (failure) {
                    failure[0] = e;
                  }
                }
              },
              "synthos-distances-" + i);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    run(query, ref.rows(), blocks, workers.get(0), next, chunks, upper);
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SynthosException(ErrorCode.CANCELLED, "distance computation interrupted");
      }
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    return workers;
  }

  private static void run(
      EncodedSample query,
      int refRows,
      double[][] blocks,
      Worker worker,
      AtomicInteger next,
      int chunks,
      boolean upper) {
    int dims = query.dims();
    double[] x = query.values();
    double[] acc = new double[BLOCK];
    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
      int from = c * CHUNK;
      int to = Math.min(query.rows(), from + CHUNK);
      worker.beginChunk(from, to);
      for (int b = upper ? from / BLOCK : 0; b < blocks.length; b++) {
        double[] block = blocks[b];
        int refFrom = b * BLOCK;
        int n = Math.min(BLOCK, refRows - refFrom);
        for (int q = from; q < to; q++) {
          java.util.Arrays.fill(acc, 0, n, 0.0);
          int base = q * dims;
          // Four features per sweep: one load and store of acc[j] per four squared differences,
          // accumulated with fused multiply-adds (vectorised by C2, and one rounding each).
          int t = 0;
          for (; t + 4 <= dims; t += 4) {
            double x0 = x[base + t];
            double x1 = x[base + t + 1];
            double x2 = x[base + t + 2];
            double x3 = x[base + t + 3];
            int o0 = t * BLOCK;
            for (int j = 0; j < n; j++) {
              double d0 = x0 - block[o0 + j];
              double d1 = x1 - block[o0 + BLOCK + j];
              double d2 = x2 - block[o0 + 2 * BLOCK + j];
              double d3 = x3 - block[o0 + 3 * BLOCK + j];
              acc[j] =
                  Math.fma(d3, d3, Math.fma(d2, d2, Math.fma(d1, d1, Math.fma(d0, d0, acc[j]))));
            }
          }
          for (; t < dims; t++) {
            double xt = x[base + t];
            int off = t * BLOCK;
            for (int j = 0; j < n; j++) {
              double diff = xt - block[off + j];
              acc[j] = Math.fma(diff, diff, acc[j]);
            }
          }
          worker.visit(q, refFrom, n, acc);
        }
      }
      worker.endChunk(from, to);
    }
  }

  /**
   * The squared distance from every query row to its {@code k}-th nearest reference row. With
   * {@code self} set, query and reference are the same sample and a row is not its own neighbour;
   * each pair is then computed once and offered to both rows.
   */
  static double[] kthSquared(EncodedSample query, EncodedSample ref, int k, boolean self) {
    if (self) {
      return kthSquaredWithin(query, k);
    }
    double[] out = new double[query.rows()];
    scan(
        query,
        ref,
        () ->
            new Worker() {
              final double[] best = new double[CHUNK * k];
              int chunkFrom;

              @Override
              void beginChunk(int from, int to) {
                chunkFrom = from;
                java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
              }

              @Override
              void visit(int q, int refFrom, int n, double[] squared) {
                int o = (q - chunkFrom) * k;
                for (int j = 0; j < n; j++) {
                  if (squared[j] < best[o + k - 1]) {
                    insert(best, o, k, squared[j]);
                  }
                }
              }

              @Override
              void endChunk(int from, int to) {
                for (int q = from; q < to; q++) {
                  out[q] = best[(q - from) * k + k - 1];
                }
              }
            });
    return out;
  }

  /** Inserts {@code d} into the ascending list {@code best[o, o + k)}, dropping its largest. */
  private static void insert(double[] best, int o, int k, double d) {
    int p = o + k - 1;
    while (p > o && best[p - 1] > d) {
      best[p] = best[p - 1];
      p--;
    }
    best[p] = d;
  }

  /** Each worker keeps k-best lists for every row; the lists are merged at the end. */
  private static double[] kthSquaredWithin(EncodedSample s, int k) {
    int n = s.rows();
    List<WithinWorker> workers = scan(s, s, true, () -> new WithinWorker(n, k));
    double[] merged = new double[k];
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(merged, Double.POSITIVE_INFINITY);
      for (WithinWorker w : workers) {
        for (int t = 0; t < k && w.best[i * k + t] < merged[k - 1]; t++) {
          insert(merged, 0, k, w.best[i * k + t]);
        }
      }
      out[i] = merged[k - 1];
    }
    return out;
  }

  /** Offers each pair {@code q < r} to both rows' k-best lists. */
  private static final class WithinWorker extends Worker {
    final int k;
    final double[] best;

    WithinWorker(int n, int k) {
      this.k = k;
      this.best = new double[n * k];
      java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    }

    @Override
    void visit(int q, int refFrom, int count, double[] squared) {
      int o = q * k;
      for (int j = Math.max(0, q + 1 - refFrom); j < count; j++) {
        double d = squared[j];
        if (d < best[o + k - 1]) {
          insert(best, o, k, d);
        }
        int r = (refFrom + j) * k;
        if (d < best[r + k - 1]) {
          insert(best, r, k, d);
        }
      }
    }
  }

  /**
   * Nearest reference row of every query row: squared distances in {@code distance}, positions in
   * {@code index} (the lowest position among equally near rows).
   */
  static void nearest(EncodedSample query, EncodedSample ref, double[] distance, int[] index) {
    java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(index, -1);
    scan(
        query,
        ref,
        () ->
            new Worker() {
              @Override
              void visit(int q, int refFrom, int n, double[] squared) {
                double best = distance[q];
                int at = index[q];
                for (int j = 0; j < n; j++) {
                  if (squared[j] < best) {
                    best = squared[j];
                    at = refFrom + j;
                  }
                }
                distance[q] = best;
                index[q] = at;
              }
            });
  }
}
