/**
 * Multivariate fidelity, diversity and privacy metrics on encoded row samples.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Metrics are pure functions of {@link org.synthos.core.multivariate.EncodedSample}s, which
 *       {@link org.synthos.core.multivariate.SampleEncoding} builds from {@link
 *       org.synthos.core.rows.RowSampleState}s with statistics of the reference sample only.
 *   <li>Every metric returns a {@link org.synthos.core.multivariate.MultivariateValue}: a value
 *       with its {@link org.synthos.core.multivariate.NullBand} (what two samples of the reference
 *       law give), or {@code NotApplicable} with a reason. No neutral or placeholder value exists.
 *   <li>Everything random is seeded: reference splits, folds, null-band replicates. The same inputs
 *       and seeds give bit-identical results on any number of cores.
 *   <li>Distances are Euclidean in the encoded space, computed by blocked brute force over
 *       primitive arrays on all cores, without an N x M matrix.
 *   <li>Arrays inside results and samples are shared, not copied; callers never write them.
 * </ul>
 *
 * <p>Mathematics and sources: PRDC (Kynkäänniemi et al. 2019; Naeem et al. 2020) in {@link
 * org.synthos.core.multivariate.Prdc}; alpha-precision and beta-recall (Alaa et al. 2022) in {@link
 * org.synthos.core.multivariate.AlphaPrecision}; distance to closest record with a holdout baseline
 * in {@link org.synthos.core.multivariate.DistanceToClosestRecord}; the classifier two-sample test
 * (Lopez-Paz and Oquab 2017) with gradient-boosted trees (Friedman 2001) in {@link
 * org.synthos.core.multivariate.DetectionTest}.
 */
package org.synthos.core.multivariate;
