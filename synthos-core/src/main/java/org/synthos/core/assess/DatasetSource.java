package org.synthos.core.assess;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ErrorCode;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;

/**
 * A dataset the assessment can read, possibly more than once.
 *
 * @param uri the file or URI as the user named it (used in reports and error locations)
 * @param schema the dataset's schema; every batch must carry it
 * @param batches opens a fresh pass over the rows in file order
 * @param sha256 hex SHA-256 (64 digits) of the file's bytes, or null when unknown (a content hash
 *     of the cells is then reported instead)
 * @param sizeBytes the file size, or -1 when unknown
 */
public record DatasetSource(
    String uri,
    Schema schema,
    Supplier<? extends Iterator<ColumnBatch>> batches,
    String sha256,
    long sizeBytes) {
  public DatasetSource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(batches, "batches");
    if (sha256 != null && !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, "a SHA-256 must be 64 hex digits, got '" + sha256 + "'");
    }
  }

  /** A source held in memory, e.g. in tests or after injecting defects. */
  public static DatasetSource ofBatches(String uri, Schema schema, Iterable<ColumnBatch> batches) {
    return new DatasetSource(uri, schema, batches::iterator, null, -1);
  }
}
