/**
 * Metrics as pure functions of profile states (or of sample arrays where a metric is rank- or
 * sample-based), each documented with its formula and the reference implementation it matches.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>A metric returns a {@link org.synthos.core.metric.MetricValue}: a number, or {@code
 *       NotApplicable} with the reason. Never a neutral constant or NaN in place of a number.
 *   <li>Definitions follow the named tool exactly: SDMetrics 0.29 for KSComplement, TVComplement,
 *       RangeCoverage, CategoryCoverage, MissingValueSimilarity, CorrelationSimilarity and
 *       ContingencySimilarity; scipy for KS ({@code ks_2samp}), Wasserstein ({@code
 *       wasserstein_distance}), Jensen-Shannon ({@code jensenshannon}, base 2, a distance),
 *       entropy, Spearman and Cramér's V; scikit-learn for mutual information; Evidently for PSI,
 *       Hellinger and the std-normalized Wasserstein. Golden tests check them against fixtures made
 *       by {@code tools/golden/*.py}.
 *   <li>Binned metrics compare masses on bins fixed from the reference ({@link
 *       org.synthos.core.metric.SharedBins}).
 *   <li>Similarities carry a {@link org.synthos.core.metric.NullBand}: what two samples of the same
 *       sizes from the reference population would score. Analytic where possible (Kolmogorov
 *       asymptotics, multinomial and Fisher normal approximations), else seeded multinomial
 *       resampling, so the same inputs always give the same band.
 *   <li>Values computed from sketches carry an error bound (or +inf when no closed form exists).
 * </ul>
 */
package org.synthos.core.metric;
