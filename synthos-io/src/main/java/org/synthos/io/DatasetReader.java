package org.synthos.io;

import java.util.Optional;
import org.synthos.api.ColumnBatch;
import org.synthos.api.Schema;

/**
 * A stream of column batches from one file. Obtain one from {@link Datasets#open}; close it when
 * done (it holds the file open). Not thread-safe.
 *
 * <p>Batches arrive in file order; {@link ColumnBatch#firstRow()} is the zero-based index of the
 * batch's first data row, so the rows of all batches together are exactly the data rows of the
 * file. Every failure is a {@link org.synthos.api.SynthosException} with the file and, where known,
 * the line, row and column.
 */
public sealed interface DatasetReader extends AutoCloseable
    permits TextDatasetReader, ParquetDatasetReader {

  /** The schema, fixed when the reader is opened (inferred from a sample, then overridden). */
  Schema schema();

  /** The next batch, or empty at the end of the file. */
  Optional<ColumnBatch> next();

  /** Counters as of the last batch returned. */
  ReadStats stats();

  /** Releases the file. Idempotent. */
  @Override
  void close();
}
