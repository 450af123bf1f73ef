/**
 * The classifier two-sample test behind the verdict's {@code classifier_auc}: can a classifier tell
 * candidate rows from reference rows?
 *
 * <p>{@link org.synthos.core.multivariate.DetectionTest} trains {@link
 * org.synthos.core.multivariate.GradientBoostedTrees} on {@code K} stratified folds of an {@link
 * org.synthos.core.multivariate.EncodedSample} (the verdict's standardised nearest-neighbour
 * matrix) and scores each held-out fold by its ROC AUC ({@link
 * org.synthos.core.multivariate.RocAuc}, the Mann-Whitney statistic with ties averaged, equal to
 * scikit-learn's {@code roc_auc_score}).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Everything random is seeded (the fold shuffle); the trees themselves are deterministic. The
 *       same inputs and options give bit-identical results.
 *   <li>The test returns the mean fold AUC with its analytic standard error under the null (Hanley
 *       and McNeil 1982), or NaN when a side has fewer than two rows per fold; the verdict (not
 *       this package) turns the standard error into a band.
 *   <li>Arrays inside results and samples are shared, not copied; callers never write them.
 * </ul>
 *
 * <p>Mathematics and sources: the classifier two-sample test (Lopez-Paz and Oquab, ICLR 2017; the
 * SDMetrics and synthcity "detection" metric) with gradient-boosted trees (Friedman 2001; Newton
 * leaves as in Chen and Guestrin 2016; quantile bins as LightGBM and scikit-learn's
 * HistGradientBoosting). Golden tests: {@code tools/golden/mv_detection.py} (RocAuc exactly, the
 * detection AUC within cross-validation noise of HistGradientBoostingClassifier).
 */
package org.synthos.core.multivariate;
