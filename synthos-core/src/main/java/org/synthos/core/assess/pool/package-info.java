/**
 * The data a validation holds: one streaming pass per file ({@link
 * org.synthos.core.assess.pool.FullPass}: profile, seeded bottom-k row sample, 64-bit row hashes,
 * content digest), the held rows of each file ({@link org.synthos.core.assess.pool.RawTable}),
 * exact duplicates and reference copies over every row ({@link
 * org.synthos.core.assess.pool.ExactRows}), and the candidate and reference rows pooled into one
 * set of analysis variables ({@link org.synthos.core.assess.pool.Pool}), identifiers apart: they
 * are never compared as categories or numbers, only checked as keys. Near copies are rows equal on
 * every category and, on every number, within 1e-3 pooled standard deviations or 1% of the larger
 * magnitude, or rows differing in one cell alone (tables of 8 columns or more) or two (12 or more),
 * joined transitively ({@link org.synthos.core.assess.pool.UnionFind}).
 *
 * <p>Bucketed states ({@link org.synthos.core.assess.pool.Buckets}): the pass spreads each file's
 * rows over 128 buckets by a seeded hash of the row's zero-based index (SplitMix64; the index, not
 * the content, so that equal rows do not share a bucket and a random union of buckets is a random
 * subset of rows) and keeps per bucket, for every compared numeric, datetime, categorical or
 * boolean column, its null count and either exact category counts (up to 16,384 categories) or a
 * KLL quantile sketch with k = 2048 (Karnin, Lang, Liberty, "Optimal Quantile Approximation in
 * Streams", FOCS 2016; {@link org.synthos.core.state.QuantileState}). {@link
 * org.synthos.core.assess.pool.Bucketed} lays one column of both files out as per-bucket histograms
 * over shared cells, from these states or, by the same hash of the file row, from the held rows.
 *
 * <p>Error bounds: counts and nulls are exact. A bucket's sketch holds every value until the bucket
 * passes 2048 values (files up to about 240,000 rows), and while every bucket does and the pooled
 * distinct values are at most 32,768, each histogram is the exact empirical distribution, so the
 * statistics equal their row-level definitions (the golden fixtures check both). Beyond that the
 * cells are 8,192 pooled quantiles (exact ones while every bucket's sketch holds all its values, so
 * that the cells depend on the values alone and not on how partitions were merged; else those of
 * the merged sketches) and values are counted at the first cell at or above them: a side's CDF at a
 * cell is then off by at most the sketches' rank error, with probability 99% at most about 0.13% of
 * the side's values at k = 2048 for one rank (about 0.16% for all ranks at once, DataSketches'
 * published KLL bounds; the bucket sketches' errors add to at most the same share of the merged
 * side), and between cells by at most one cell's mass (1/8,192 of the pooled values). So the KS
 * statistic, the TVD of numeric cells, the winsorised spread and the tail counts carry an absolute
 * error of about 0.003 at most, well inside their null bands' spread at the sizes where sketches
 * are used; the null band's re-splits are computed from the same sketches, so they carry the same
 * error as the observation.
 *
 * <p>Pair states ({@link org.synthos.core.assess.pool.PairBuckets}, carried by the same buckets and
 * their bytes): per pair of numeric columns among the first 40 kept, co-moments (count, means, sums
 * of squared and cross deviations) over the rows where both are present, updated a row at a time
 * and merged by Chan, Golub and LeVeque's pairwise update ("Algorithms for computing the sample
 * variance", 1979); per pair of the first 40 categorical or boolean columns, the count of each
 * combination of values over the rows where both are present, dropped past 1,024 combinations.
 * Counts are exact; co-moments differ from a one-row-at-a-time fold over the same rows only by
 * rounding (about 1e-12 relative), and so does Pearson's r from them. A pair of a number with a
 * category keeps no state: its association codes the number by pooled quintiles, which only the end
 * of the pass knows. Distinct values keep no state either: the distinct-value deficit counts one
 * value per near-duplicate group of rows, which needs the rows. *
 *
 * <p>Owns: reading and holding rows. Knows no measure, band or verdict.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>The pool lists candidate rows first ({@code 0..nC-1}), then reference rows; categories
 *       share one sorted dictionary per column, so a code means the same on both sides.
 *   <li>Everything is a function of the rows, the seed and the batch boundaries, the same for every
 *       thread count: partition states are merged in partition order and the bottom-k sample
 *       depends only on the seed and global row indexes.
 *   <li>Two distinct rows of n collide in the 64-bit row hash with probability about n^2 / 2^65.
 * </ul>
 */
package org.synthos.core.assess.pool;
