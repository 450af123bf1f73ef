package org.synthos.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Progress and data-quality counters of a {@link DatasetReader}, as of the last batch returned.
 *
 * @param rowsRead data rows returned so far (the header is not a row)
 * @param invalidCells per column, in schema order: cells that were present but could not be parsed
 *     as the column's type (they are null in the batch and marked in its invalid mask)
 * @param bytesRead bytes of the file on disk consumed so far (compressed bytes for a compressed
 *     file; the reader may run a buffer ahead of the rows returned)
 * @param totalBytes the size of the file on disk
 */
public record ReadStats(
    long rowsRead, Map<String, Long> invalidCells, long bytesRead, long totalBytes) {
  public ReadStats {
    invalidCells = Collections.unmodifiableMap(new LinkedHashMap<>(invalidCells));
  }

  /** All invalid cells of all columns. */
  public long invalidCellsTotal() {
    long total = 0;
    for (long n : invalidCells.values()) {
      total += n;
    }
    return total;
  }

  /** The fraction of the file consumed, in [0, 1]; empty when the size is unknown (zero). */
  public OptionalDouble fraction() {
    if (totalBytes <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.min(1.0, Math.max(0.0, (double) bytesRead / totalBytes)));
  }
}
