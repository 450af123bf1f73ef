package org.synthos.io;

import org.synthos.api.ColumnBatch;

/**
 * Writes batches to a file. Output goes to a hidden temporary file in the target's folder; {@link
 * #close()} moves it into place atomically, so readers of the target never see a partial file.
 * After a failed {@link #write} or a call to {@link #abort()}, close removes the temporary file and
 * leaves the target untouched. Not thread-safe.
 */
public sealed interface DatasetWriter extends AutoCloseable permits AtomicDatasetWriter {

  /** Appends the rows of a batch; the batch's schema must equal the writer's. */
  void write(ColumnBatch batch);

  /** Discards everything written; the target is left as it was. Idempotent. */
  void abort();

  /** Commits the file (unless aborted or failed). Idempotent. */
  @Override
  void close();
}
