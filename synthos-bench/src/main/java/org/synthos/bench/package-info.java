/**
 * The benchmark harness. Each benchmark measures Synthos and a peer (DuckDB through {@code
 * duckdb_jdbc}) on the same file in the same run and writes the figures, with the machine and the
 * command, to {@code bench-results/}. Speed is never asserted by a test; it is measured here and
 * quoted as a ratio against the peer.
 *
 * <p>The generator makes mixed-type data with realistic structure — correlated numbers, a heavy
 * tail, Zipf-like categories with rare levels, nulls, datetimes — deterministically from a seed, at
 * any size.
 */
package org.synthos.bench;
