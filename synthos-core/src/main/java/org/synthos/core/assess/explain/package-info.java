/**
 * Explanation: which rows cause each finding ({@link org.synthos.core.assess.explain.Localiser};
 * the rows of repeated texts and near-duplicate text clusters by {@code TextRepeats}, the rows of
 * over-represented templates by {@code TemplatedTexts}), what to do about it with impact measured
 * by ablation ({@link org.synthos.core.assess.explain.Recommender}), and the report's charts
 * ({@link org.synthos.core.assess.explain.ChartBuilder}).
 *
 * <p>Owns: turning findings into rows and actions. Reads {@link
 * org.synthos.core.assess.judge.Findings} and the pool only; it never changes a score. An ablation
 * judges the fixed rows anew through {@link org.synthos.core.assess.judge.Judge}.
 *
 * <p>Invariants: duplicates and copies of reference rows are facts and always listed; the other
 * causes are listed only when the dimension or check they explain warns or fails, so a passing
 * dataset is not blamed for sampling noise. A recommendation reports an impact only when it was
 * measured; otherwise it says why not.
 */
package org.synthos.core.assess.explain;
