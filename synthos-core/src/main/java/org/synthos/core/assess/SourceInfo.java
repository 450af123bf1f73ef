package org.synthos.core.assess;

import java.util.List;
import org.synthos.api.Field;

/**
 * Provenance of one input.
 *
 * @param uri as the user named it
 * @param sha256 hex SHA-256 of the file bytes, or null when the caller did not give it
 * @param contentSha256 hex SHA-256 over the cells as read (types, nulls and values), per partition
 *     of the read and then over the partition digests when there are several; always present
 * @param sizeBytes file size, or -1
 * @param rows data rows in the file
 * @param rowsAnalysed rows held for analysis (all of them unless the file exceeded the row cap)
 * @param schema the columns as read
 */
public record SourceInfo(
    String uri,
    String sha256,
    String contentSha256,
    long sizeBytes,
    long rows,
    long rowsAnalysed,
    List<Field> schema) {
  public SourceInfo {
    schema = List.copyOf(schema);
  }

  /** The file hash when known, else the content hash. */
  public String fingerprint() {
    return sha256 != null ? sha256 : contentSha256;
  }
}
