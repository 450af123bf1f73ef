package org.synthos.io;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Runs a {@link RowSource} on a background thread once its columns are frozen, handing rows over in
 * blocks ({@link RowBlock}) through a small bounded queue, so that tokenizing (decode + CSV/JSON
 * parse) overlaps with cell conversion on the caller's thread. Rows and errors arrive in file
 * order: a failure is delivered after every row before it. The blocks go round: the caller gives
 * each back ({@link #release}) for the worker to refill, so memory stays bounded by {@value
 * #BLOCKS} blocks and a steady read allocates none. Before {@link #freezeColumns()} (during schema
 * inference) it reads synchronously, so column discovery is unaffected.
 */
final class PrefetchingRowSource implements RowSource {
  static final int QUEUED_CHUNKS = 4;

  /** Blocks in circulation: the queued ones, the one being filled and the one being read. */
  static final int BLOCKS = QUEUED_CHUNKS + 2;

  private static final Object END = new Object();

  private final RowSource inner;
  private final int chunkRows;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final BlockingQueue<RowBlock> free = new ArrayBlockingQueue<>(BLOCKS);
  private Thread worker;
  private volatile boolean closing;
  private boolean finished;

  /** The block {@link #next} reads rows from after the freeze, and the next row in it. */
  private RowBlock current;

  private int position;

  private final CharSlice view = new CharSlice();

  PrefetchingRowSource(RowSource inner, int chunkRows) {
    this.inner = inner;
    this.chunkRows = chunkRows;
  }

  /**
   * The next block of rows, or null at the end; a failure is thrown after the blocks before it.
   * Only after {@link #freezeColumns()}. Give it back with {@link #release} once read.
   */
  RowBlock nextBlock() {
    if (finished) {
      return null;
    }
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
    return (RowBlock) item;
  }

  /** Gives a block read to the end back for refilling. */
  void release(RowBlock block) {
    free.offer(block);
  }

  /** A row at a time: synchronous before the freeze, then from the blocks, as strings. */
  @Override
  public String[] next() {
    if (worker == null) {
      return inner.next();
    }
    while (current == null || position == current.rows) {
      if (current != null) {
        release(current);
      }
      current = nextBlock();
      position = 0;
      if (current == null) {
        return null;
      }
    }
    String[] row = new String[current.columns];
    for (int c = 0; c < row.length; c++) {
      CharSequence cell = current.cell(position, c, view);
      row[c] = cell == null ? null : cell.toString();
    }
    position++;
    return row;
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
    int columns = inner.columns().size();
    int made = 0;
    try {
      while (!closing) {
        RowBlock block = free.poll();
        if (block == null && made < BLOCKS) {
          block = new RowBlock(columns, chunkRows);
          made++;
        }
        if (block == null) {
          block = free.take();
        }
        boolean more;
        Throwable failure = null;
        try {
          more = inner.fill(block);
        } catch (RuntimeException | Error e) {
          failure = e;
          more = false;
        }
        // The rows before a failure are data rows too: hand them over first.
        if (block.rows > 0) {
          queue.put(block);
        }
        if (failure != null) {
          if (!closing) {
            queue.put(failure);
          }
          return;
        }
        if (!more || !block.full()) {
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
