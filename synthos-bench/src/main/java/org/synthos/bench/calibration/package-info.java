/**
 * The calibration benchmark: how often Synthos' default policy rejects clean real data (the
 * false-positive rate) and how often it rejects real data with a known, injected defect (the
 * detection rate), with the ROC AUC of the risk score, the collapse-type confusion matrix and an
 * SDMetrics-style quality score as the baseline, all from the same runs.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Real data only. Each run splits one real dataset into two disjoint random halves; the
 *       reference is one half, the candidate the other, with a defect applied for defective runs.
 *       Clean and defective runs of the same seed share the split.
 *   <li>Everything is seeded: the subsample of large files, the split, the injection, the generator
 *       and the validation, so a run reproduces exactly on any number of threads.
 *   <li>Rates carry 95% Clopper-Pearson (1934) intervals; the AUC is the Mann-Whitney statistic
 *       (ties count one half), i.e. the probability that a defective candidate gets a higher risk
 *       than a clean one.
 *   <li>The baseline's best threshold maximises Youden's J on the same runs it is reported on,
 *       which favours the baseline; Synthos is judged at its fixed default policy.
 *   <li>The threshold sweep re-decides every validation from its recorded, unrounded dimension
 *       scores, failed checks and risk, which do not depend on the thresholds; at the run's own
 *       policy it must reproduce every recorded decision, and the report says whether it does.
 *   <li>Recursive generation follows Shumailov et al. 2024 (Nature 631, 755-759) with a Gaussian
 *       copula over empirical marginals ({@link org.synthos.bench.calibration.GaussianCopula}).
 *   <li>{@link org.synthos.bench.calibration.PreScreenBench} runs the same validations, records
 *       their signatures and measures the pre-screen against each run's full verdict with that
 *       run's dataset (or split) left out of the library; the kernel's bandwidth and threshold are
 *       the answers' fixed defaults, and any other bandwidth is reported as exploratory.
 * </ul>
 */
package org.synthos.bench.calibration;
