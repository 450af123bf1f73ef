package org.synthos.io;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.synthos.api.ColumnBatch;

/**
 * One pass over a reader as an iterator. The reader is closed when the pass reaches the end or a
 * read (or the observer) throws; after that the iterator is empty. The observer sees the reader's
 * counters after every read, e.g. to report progress or to stop a cancelled job by throwing. A
 * caller that stops early closes it ({@link AutoCloseable}), which closes the reader.
 */
final class ClosingBatchIterator implements Iterator<ColumnBatch>, AutoCloseable {
  private final DatasetReader reader;
  private final Consumer<ReadStats> afterRead;
  private Optional<ColumnBatch> pending;
  private boolean closed;

  ClosingBatchIterator(DatasetReader reader, Consumer<ReadStats> afterRead) {
    this.reader = reader;
    this.afterRead = afterRead;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (pending == null) {
      try {
        pending = reader.next();
        afterRead.accept(reader.stats());
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    if (pending.isEmpty()) {
      close();
      return false;
    }
    return true;
  }

  @Override
  public ColumnBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ColumnBatch batch = pending.get();
    pending = null;
    return batch;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending = Optional.empty();
    reader.close();
  }
}
