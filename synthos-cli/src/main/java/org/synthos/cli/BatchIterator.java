package org.synthos.cli;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.synthos.api.ColumnBatch;
import org.synthos.io.DatasetReader;

/**
 * Adapts a reader to an iterator and publishes the bytes consumed for a progress bar on another
 * thread.
 */
final class BatchIterator implements Iterator<ColumnBatch> {
  private final DatasetReader reader;
  private final AtomicLong bytesRead;
  private Optional<ColumnBatch> pending;

  BatchIterator(DatasetReader reader, AtomicLong bytesRead) {
    this.reader = reader;
    this.bytesRead = bytesRead;
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      pending = reader.next();
      bytesRead.set(reader.stats().bytesRead());
    }
    return pending.isPresent();
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
}
