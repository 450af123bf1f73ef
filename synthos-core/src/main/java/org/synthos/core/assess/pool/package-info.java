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
