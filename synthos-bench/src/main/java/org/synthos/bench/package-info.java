/**
 * The benchmark harness. Each benchmark measures Synthos and a peer (DuckDB through {@code
 * duckdb_jdbc}) on the same file in the same run and writes the figures, with the machine and the
 * command, to {@code bench-results/}. Speed is never asserted by a test; it is measured here and
 * quoted as a ratio against the peer.
 *
 * <p>The generator makes mixed-type data with realistic structure — correlated numbers, a heavy
 * tail, Zipf-like categories with rare levels, nulls, datetimes — deterministically from a seed, at
 * any size: the same seed gives the same bytes.
 *
 * <p>{@link org.synthos.bench.ScaleBenchmark} measures the product as a user runs it: every run is
 * a fresh {@code java -jar synthos.jar} process, measured from outside (wall time; CPU time and
 * peak RSS from {@code getrusage} through GNU time, or sampled from {@code /proc}; GPU through
 * {@code nvidia-smi}, absent rather than zero without one; the CPU taken by other processes from
 * {@code /proc/stat}) and from its GC log (peak heap, heap after collections). DuckDB's {@code
 * SUMMARIZE} runs in its own JVM and is measured the same way. A figure that could not be measured
 * is recorded as missing with the reason, and a target without its runs is "not measured", never
 * passed. The JMH microbenchmarks of the hot paths are in {@link org.synthos.bench.jmh}.
 */
package org.synthos.bench;
