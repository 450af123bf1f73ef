/**
 * JMH microbenchmarks of Synthos' hot paths, through the public APIs of synthos-core and
 * synthos-io: the column-state updates ({@code ColumnAccumulator}: moments, KLL quantiles, HLL
 * distinct counts, frequencies), whole-row hashing ({@code RowHasher}) and CSV cell parsing (a
 * reader over a file in the page cache).
 *
 * <p>Every fixture comes from {@link org.synthos.bench.DataGenerator} with seed 42, so the data has
 * the generator's structure (nulls, heavy tails, Zipf categories) and is the same on every run.
 * Times are reported per cell or per row ({@code @OperationsPerInvocation}), so they compare
 * directly with the rows/s of the end-to-end scale benchmark. Run them with {@code ./bench jmh}
 * (JMH's own options pass through, e.g. {@code ./bench jmh StateUpdate -f 1 -wi 2 -i 3}); see
 * docs/performance.md.
 */
package org.synthos.bench.jmh;
