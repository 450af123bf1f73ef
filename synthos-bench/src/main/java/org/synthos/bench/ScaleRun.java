package org.synthos.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measured configuration of the scale benchmark: a dataset, a mode and the median of its
 * repeated runs, with DuckDB's SUMMARIZE of the same files beside it.
 *
 * @param dataset {@code synthetic} or the real file's name
 * @param inputRows rows read in all (candidate plus reference)
 * @param status {@code ok}, or why there is no figure (failed, not available in this build)
 * @param walls every repeat's wall time, in run order
 * @param measure the median run (by wall time); empty when the run could not happen
 * @param stages seconds per pipeline stage as the CLI reported them
 * @param rowCounts rows and rows analysed per input, as the validate report states them (a run over
 *     the CLI's row limit analyses a seeded sample)
 * @param duckdb DuckDB's SUMMARIZE of the same input files, when measured
 */
record ScaleRun(
    String dataset,
    ScaleOptions.Mode mode,
    String format,
    long rows,
    int columns,
    long bytes,
    long inputRows,
    String xmx,
    String status,
    List<Double> walls,
    Optional<ProcessProbe.Measure> measure,
    Optional<GcLog> gc,
    Map<String, Double> stages,
    Map<String, Long> rowCounts,
    Optional<DuckRun> duckdb) {

  boolean ok() {
    return status.equals("ok");
  }

  boolean synthetic() {
    return dataset.equals("synthetic");
  }

  OptionalDouble wall() {
    return measure.isPresent()
        ? OptionalDouble.of(measure.get().wallSeconds())
        : OptionalDouble.empty();
  }

  /** The time of the work itself: the profile or validate stages, without JVM start and output. */
  OptionalDouble workSeconds() {
    if (stages.containsKey("total")) {
      return OptionalDouble.of(stages.get("total"));
    }
    if (stages.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(stages.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  /**
   * DuckDB's SUMMARIZE of the same files in a JVM of its own.
   *
   * @param summarizeSeconds the queries alone
   * @param connectSeconds opening the connection (loading the native library)
   */
  record DuckRun(double summarizeSeconds, double connectSeconds, ProcessProbe.Measure measure) {}
}
