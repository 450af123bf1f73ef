/**
 * What the assessment's full pass keeps of rows: a seeded, mergeable sample of whole rows ({@link
 * org.synthos.core.rows.RowSampleState}, the rows the verdict pools and scores) and a 128-bit hash
 * of every row ({@link org.synthos.core.rows.RowHasher}, whose high word the pass keeps for exact
 * duplicates and copies of reference rows over every row).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>A {@link org.synthos.core.rows.RowSampleState} is immutable: {@code merge} is associative
 *       and commutative for samples of disjoint row sets and {@code empty(...)} is its identity;
 *       samples built with different seeds, capacities or schemas refuse to merge.
 *   <li>Accumulators ({@link org.synthos.core.rows.RowAccumulator}) are single-threaded and fed
 *       {@link org.synthos.api.ColumnBatch}es; row indexes are global ({@code firstRow + i}), so
 *       the samples of partitions merge into the sample of the whole file, whatever the split.
 *   <li>No row ever becomes an object: hashes, row indexes and priorities live in primitive arrays;
 *       sampled cells live in {@link org.synthos.api.Column}s.
 *   <li>A sample's array components are handed out without copying; callers read them and never
 *       write them.
 * </ul>
 *
 * <p>Mathematics:
 *
 * <ul>
 *   <li>Row hash: MurmurHash3 x64_128 (Appleby 2011) over canonical cell words (integral numbers as
 *       longs, so 1 and 1.0 agree; every NaN one value; a null its own kind); see {@link
 *       org.synthos.core.rows.RowHasher}. Two distinct rows of n share the 64-bit high word with
 *       probability about n^2 / 2^65.
 *   <li>Sampling: bottom-k by a bijective hash of the global row index (Cohen and Kaplan, PODC
 *       2007), a uniform sample without replacement that merges exactly.
 * </ul>
 *
 * <p>Tests: merge and bound laws ({@code RowSampleLawsTest}, {@code RowSampleBoundLawsTest});
 * duplicates and copies counted from these hashes are golden-tested against numpy on the verdict
 * path ({@code org.synthos.core.assess.RepeatedRowsGoldenTest}, {@code
 * tools/golden/rows_duplicates.py}).
 */
package org.synthos.core.rows;
