/**
 * One-pass, parallel profiling of a dataset into a mergeable {@link
 * org.synthos.core.profile.DatasetProfile}, and the column summaries a report shows.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>{@link org.synthos.core.profile.Profiler#profile} reads its batches once and is
 *       deterministic: the batches are cut into partitions of consecutive batches (about {@link
 *       org.synthos.core.profile.Profiler#PARTITION_ROWS} rows each), every partition is folded
 *       into fresh accumulators seeded from its index, and partition profiles are merged in
 *       partition order. The same rows in the same batches give the same bytes under {@link
 *       org.synthos.core.profile.ProfileCodec} for every thread count and every run.
 *   <li>A {@link org.synthos.core.profile.PartitionRider} lets a caller fold its own states over
 *       the same partitions on the same threads; its results are merged in partition order too, so
 *       a rider that depends only on the rows and their global indexes keeps the same guarantee.
 *   <li>A profile is immutable, and {@code a.merge(b)} profiles the union of the rows of {@code a}
 *       and {@code b}; {@link org.synthos.core.profile.DatasetProfile#empty} is the identity.
 *   <li>{@link org.synthos.core.profile.ProfileCodec} round-trips a profile exactly and refuses
 *       newer format versions with {@code UNSUPPORTED_VERSION}.
 *   <li>{@link org.synthos.core.profile.ColumnSummary} never shows a number that was not computed:
 *       parts that do not apply or have no values are empty.
 * </ul>
 */
package org.synthos.core.profile;
