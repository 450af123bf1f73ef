/**
 * Mergeable sufficient statistics of columns and column pairs, and the mutable accumulators that
 * build them from {@link org.synthos.api.ColumnBatch}es.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every {@link org.synthos.core.state.State} is immutable. Its {@code merge} is associative
 *       and commutative with an empty identity; each class states whether that holds exactly
 *       (counts, frequencies below the cap, contingency tables, datetime ranges), up to
 *       floating-point rounding (moments: Chan, Golub, LeVeque 1979; Pébay 2008) or within a
 *       published sketch error (KLL rank error, HLL relative error, frequent-items bound).
 *   <li>Accumulators are package-private, single-threaded and fed whole batches of primitive arrays
 *       with their null masks; no value is boxed on the hot path. The public entry points are
 *       {@link org.synthos.core.state.ColumnAccumulator} and {@link
 *       org.synthos.core.state.PairAccumulator}; parallelism is merging their snapshots.
 *   <li>Memory is bounded by the caps in {@link org.synthos.core.state.StateConfig}: beyond them a
 *       state switches to a sketch (frequencies) or marks itself overflowed (pair tables) rather
 *       than growing.
 *   <li>Non-finite numbers never enter moments, quantiles or co-moments; they are counted.
 *   <li>Every state is a pure function of its inputs and their order: the KLL quantile sketch
 *       ({@code KllSketch}, Karnin, Lang, Liberty 2016, with Apache DataSketches' level layout and
 *       accuracy) draws its compaction offsets from a seeded generator stored in the sketch; the
 *       HLL and frequent-items sketches (DataSketches) use no randomness. So the same seeds,
 *       updates and merge order give the same bytes.
 *   <li>The set of kinds is closed ({@link org.synthos.core.state.StateKind}); {@link
 *       org.synthos.core.state.StateCodec} writes each as a tag plus payload under a format
 *       version, and refuses versions newer than its own.
 * </ul>
 */
package org.synthos.core.state;
