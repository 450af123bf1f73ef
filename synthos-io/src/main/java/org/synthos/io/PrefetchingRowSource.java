package org.synthos.io;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Runs a {@link RowSource} on a background thread once its columns are frozen, handing rows over in
 * chunks through a small bounded queue, so that tokenizing (decode + CSV/JSON parse) overlaps with
 * cell conversion on the caller's thread. Rows and errors arrive in file order: a failure is
 * delivered after every row before it. Memory stays bounded by {@value #QUEUED_CHUNKS} chunks.
 * Before {@link #freezeColumns()} (during schema inference) it reads synchronously, so column
 * discovery is unaffected.
 */
final class PrefetchingRowSource implements RowSource {
  static final int QUEUED_CHUNKS = 4;
  private static final Object END = new Object();

  private final RowSource inner;
  private final int chunkRows;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private Thread worker;
  private volatile boolean closing;
  private String[][] chunk;
  private int position;
  private boolean finished;

  PrefetchingRowSource(RowSource inner, int chunkRows) {
    this.inner = inner;
    this.chunkRows = chunkRows;
  }

  @Override
  public String[] next() {
    if (worker == null) {
      return inner.next();
    }
    if (finished) {
      return null;
    }
    if (chunk == null || position == chunk.length) {
      Object item = take();
      if (item == END) {
        finished = true;
        return null;
      }
      if (item instanceof RuntimeException e) {
        finished = true;
        throw e;
      }
      if (item instanceof Error e) {
        finished = true;
        throw e;
      }
      chunk = (String[][]) item;
      position = 0;
    }
    return chunk[position++];
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthosException(ErrorCode.CANCELLED, "reading was interrupted");
    }
  }

  private void produce() {
    try {
      while (!closing) {
        String[][] rows = new String[chunkRows][];
        int n = 0;
        Throwable failure = null;
        try {
          String[] row;
          while (n < chunkRows && (row = inner.next()) != null) {
            rows[n++] = row;
          }
        } catch (RuntimeException | Error e) {
          failure = e;
        }
        // The rows before a failure are data rows too: hand them over first.
        if (n > 0) {
          queue.put(n == chunkRows ? rows : Arrays.copyOf(rows, n));
        }
        if (failure != null) {
          if (!closing) {
            queue.put(failure);
          }
          return;
        }
        if (n < chunkRows) {
          queue.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() asked the worker to stop.
    }
  }

  @Override
  public List<String> columns() {
    return inner.columns();
  }

  @Override
  public boolean declare(String name) {
    return inner.declare(name);
  }

  @Override
  public void freezeColumns() {
    inner.freezeColumns();
    worker = new Thread(this::produce, "synthos-row-prefetch");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void close() {
    closing = true;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    inner.close();
  }
}
