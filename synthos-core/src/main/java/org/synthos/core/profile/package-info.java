/**
 * One-pass, parallel profiling of a dataset into a mergeable {@link
 * org.synthos.core.profile.DatasetProfile}, and the column summaries a report shows.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>{@link org.synthos.core.profile.Profiler#profile} reads its batches once. Workers fold
 *       disjoint batches into private accumulators; the profiles are merged at the end, so the
 *       result equals the single-threaded one within the tolerances stated by each state (exact for
 *       counts and exact frequencies, rounding for moments, the KLL rank error for quantiles).
 *   <li>A profile is immutable, and {@code a.merge(b)} profiles the union of the rows of {@code a}
 *       and {@code b}; {@link org.synthos.core.profile.DatasetProfile#empty} is the identity.
 *   <li>{@link org.synthos.core.profile.ProfileCodec} round-trips a profile exactly and refuses
 *       newer format versions with {@code UNSUPPORTED_VERSION}.
 *   <li>{@link org.synthos.core.profile.ColumnSummary} never shows a number that was not computed:
 *       parts that do not apply or have no values are empty.
 * </ul>
 */
package org.synthos.core.profile;
