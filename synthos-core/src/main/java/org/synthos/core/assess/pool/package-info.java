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
 * joined transitively ({@link org.synthos.core.assess.pool.UnionFind}). Rows are put in order by
 * stable index sorts on primitive keys ({@link org.synthos.core.assess.pool.IndexSort}): a stable
 * order is unique, so the sort's algorithm never shows in a result.
 *
 * <p>Bucketed states ({@link org.synthos.core.assess.pool.Buckets}): the pass spreads each file's
 * rows over 128 buckets by a seeded hash of the row's zero-based index (SplitMix64; the index, not
 * the content, so that equal rows do not share a bucket and a random union of buckets is a random
 * subset of rows) and keeps per bucket, for every compared numeric, datetime, categorical or
 * boolean column, its null count and either exact category counts (up to 16,384 categories) or a
 * bottom-k sample of its numbers ({@link org.synthos.core.assess.pool.BucketSample}, k = 2048): the
 * values of the k rows with the smallest keys, a row's key being the same SplitMix64 hash of its
 * index that picks its bucket (a bijection, so no two rows tie; Cohen and Kaplan, "Summarizing Data
 * using Bottom-k Sketches", PODC 2007). A text column's length in characters and in tokens ({@link
 * org.synthos.core.assess.pool.TextLengths}) get such samples too, as two numeric columns. The
 * states are functions of the set of rows: the merge (add counts; keep the k smallest keys of both)
 * is associative and commutative, and any partitioning and merge order gives the same bytes.
 * Memory: 16 bytes (key and value) per kept value, at most 128 x 2048 x 16 bytes = 4 MiB per
 * numeric column per file (the KLL sketches they replace held 8 bytes per value, up to 2 MiB while
 * exact and about 4 to 6 MiB beyond). {@link org.synthos.core.assess.pool.Bucketed} lays one column
 * of both files out as per-bucket histograms over shared cells, from these states or, by the same
 * hash of the file row, from the held rows.
 *
 * <p>Error bounds: counts and nulls are exact. A bucket's sample holds every value until the bucket
 * passes 2048 values (files up to about 240,000 rows: a bucket's share is binomial, about 1,875
 * values with sd 43 at 240,000), and while every bucket does and the pooled distinct values are at
 * most 32,768, each histogram is the exact empirical distribution, so the statistics equal their
 * row-level definitions (the golden fixtures check both). Beyond 32,768 distinct values the cells
 * are 8,192 weighted pooled quantiles of the buckets' distinct kept values (a value repeated within
 * a bucket counts once there) and values are counted at the first cell at or above them, a CDF
 * error of at most one cell's mass (about 1/8,192 where values seldom repeat within a bucket).
 * Beyond 2048 values a bucket of c values keeps a uniform sample without replacement of s = 2048,
 * each kept value weighing c / s, so a side's histogram is an unbiased estimate (a Horvitz-Thompson
 * estimator, stratified by bucket). A side's CDF at one point then has standard deviation at most 1
 * / (2 sqrt(128 s)) x sqrt(1 - s / c), under 0.1% of the side's values (0.084% at 1,000,000 rows, c
 * about 7,800), so within about 0.25% with probability 99%; over all points at once, the
 * Dvoretzky-Kiefer-Wolfowitz bound with Massart's constant (P(sup |F_n - F| > e) <= 2 exp(-2 n
 * e^2), Ann. Probab. 1990) at n = 128 x 2048 kept values gives 0.32% at 99%, which sampling without
 * replacement only tightens (Serfling, Ann. Statist. 1974). So the KS statistic, the TVD of numeric
 * cells, the winsorised spread and the tail counts (rounded to whole rows) carry an absolute error
 * of about 0.003 to 0.006 at most (two sides), well inside their null bands' spread at the sizes
 * where samples are used; the null band's re-splits are computed from the same samples, so they
 * carry the same error as the observation.
 *
 * <p>Pair states ({@link org.synthos.core.assess.pool.PairBuckets}, carried by the same buckets and
 * their bytes): per pair of numeric columns among the first 40 kept, co-moments (count, means, sums
 * of squared and cross deviations) over the rows where both are present, updated a row at a time
 * and merged by Chan, Golub and LeVeque's pairwise update ("Algorithms for computing the sample
 * variance", 1979); per pair of the first 40 categorical or boolean columns, the count of each
 * combination of values over the rows where both are present, dropped past 1,024 combinations.
 * Counts are exact; co-moments differ from a one-row-at-a-time fold over the same rows only by
 * rounding (about 1e-12 relative), and so does Pearson's r from them. A pair of a number with a
 * category counts each combination of the category's value and the number's bin, the number cut at
 * the pooled quintiles of both files' leading rows ({@code LeadingCuts}, read before the pass,
 * since the pooled quintiles of every row are known only at its end); where the leading rows are
 * every row these are the held rows' own quintiles. Distinct values keep no state: the
 * distinct-value deficit counts one value per near-duplicate group of rows, which needs the rows. *
 *
 * <p>Owns: reading and holding rows. Knows no measure, band or verdict.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>The pool lists candidate rows first ({@code 0..nC-1}), then reference rows; categories
 *       share one sorted dictionary per column, so a code means the same on both sides.
 *   <li>Everything is a function of the rows, the seed and the batch boundaries, the same for every
 *       thread count: partition states are merged in partition order, and the row sample and the
 *       bucketed states depend only on the seed, global row indexes and values, not on the
 *       partitioning.
 *   <li>Two distinct rows of n collide in the 64-bit row hash with probability about n^2 / 2^65.
 * </ul>
 */
package org.synthos.core.assess.pool;
