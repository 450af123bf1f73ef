/**
 * Row-level states: exact duplicates, copies of reference rows, near-duplicates and a seeded row
 * sample for the multivariate metrics.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every state is an immutable {@link org.synthos.core.rows.RowState}: {@code merge} is
 *       associative and commutative for states of disjoint row sets, {@code empty(...)} is its
 *       identity, and {@link org.synthos.core.rows.RowStateCodec} round-trips it exactly under a
 *       versioned layout. States built with different seeds or shapes refuse to merge.
 *   <li>Accumulators are package-private, single-threaded and fed {@link
 *       org.synthos.api.ColumnBatch}es; row indexes are global ({@code firstRow + i}), so the
 *       states of partitions merge into the state of the whole file, whatever the split.
 *   <li>No row ever becomes an object: hashes, row indexes, priorities and signatures live in
 *       primitive arrays; sampled cells live in {@link org.synthos.api.Column}s.
 *   <li>A state's array components are handed out without copying (a duplicate state holds 240 MB
 *       at 10M rows); callers read them and never write them.
 * </ul>
 *
 * <p>Mathematics:
 *
 * <ul>
 *   <li>Row hash: MurmurHash3 x64_128 (Appleby 2011) over canonical cell words; see {@link
 *       org.synthos.core.rows.RowHasher}. Exact duplicates are equal 128-bit hashes.
 *   <li>Sampling: bottom-k by a bijective hash of the global row index (Cohen and Kaplan, PODC
 *       2007), a uniform sample without replacement that merges exactly.
 *   <li>Near-duplicates: MinHash (Broder 1997) with banded LSH (Indyk and Motwani 1998; Leskovec,
 *       Rajaraman and Ullman, Mining of Massive Datasets, 3.4).
 * </ul>
 */
package org.synthos.core.rows;
