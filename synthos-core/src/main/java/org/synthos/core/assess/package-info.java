/**
 * The assessment: from two datasets to a decision a user can act on.
 *
 * <p>Entry point: {@link org.synthos.core.assess.Validator#validate}. This package holds the public
 * value types (inputs, options, policy, evidence, checks, verdict, result) and the closed
 * registries that name what is measured ({@link org.synthos.core.assess.Measure}) and checked
 * ({@link org.synthos.core.assess.CheckKind}); the work is split by role into sub-packages that
 * depend one way (enforced by {@code LayersTest}):
 *
 * <ol>
 *   <li>{@code pool}: the data a validation holds (one pass per file, held rows, exact rows over
 *       every row, the pooled analysis variables);
 *   <li>{@code measure}: pure functions of the pool and a labelling, one implementation of each
 *       statistic, golden-tested;
 *   <li>{@code judge}: null bands, sub-scores, dimension scores and the verdict, returned as
 *       immutable {@code Findings};
 *   <li>{@code explain}: localisation, recommendations with ablation, charts, reading findings
 *       only.
 * </ol>
 *
 * <p>{@code Validator} reads each dataset once, in parallel ({@code FullPass}: the profile, a
 * seeded bottom-k sample of {@code maxRows} rows and a 64-bit hash of every row over the compared
 * columns ride the profiler's partitioned pass), pools the sampled candidate and reference rows,
 * and scores eight {@link org.synthos.core.assess.Dimension dimensions} from sub-metrics ({@link
 * org.synthos.core.assess.Evidence}). A cluster job may do the passes instead ({@link
 * org.synthos.core.assess.Validator.PassReader}: the same seeds, global row indexes and hash seed,
 * with exact rows counted where the hashes are) and hand back the merged states; everything after
 * the passes is the same code.
 *
 * <p>What is judged over every row and what over the sample: row, null and invalid counts come from
 * the profile; the exact duplicate share, the reference copy share and the rows flagged for both
 * come from the row hashes of both whole files (a 64-bit hash, so two distinct rows of n collide
 * with probability about n^2 / 2^65; at most {@code Localiser.LISTED_ROWS} rows are named per
 * cause, counts stay exact). Their null bands come from halves of the sampled reference, scaled to
 * the whole files' sizes. Near duplicates, neighbour, multivariate and fidelity measures use the
 * sample.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every sub-metric is oriented so that larger is worse and is judged against a {@link
 *       org.synthos.core.assess.NullBand}: the same measure over random re-splits of the pooled
 *       rows (a permutation null, as in Good, "Permutation, Parametric and Bootstrap Tests of
 *       Hypotheses", 2005). A fresh real sample of the reference's population therefore scores near
 *       100 whatever the sample sizes, cardinalities or ties.
 *   <li>Sub-score = 100 * clamp(1 - max(0, value - upper) / tolerance, 0, 1); dimension score = 0.5
 *       * mean + 0.5 * minimum of its sub-scores. Both lie in [0, 100] by construction.
 *   <li>A dimension that cannot be judged is {@link
 *       org.synthos.core.assess.DimensionResult.NotApplicable} with a reason, never a neutral
 *       number. Learnability trains proxy models (XGBoost) on the candidate and tests them on real
 *       rows.
 *   <li>Recommendations report an impact only when it was measured by re-scoring the fixed data
 *       (ablation); otherwise they say why it could not be measured.
 *   <li>Equal inputs, options and seed give equal results, timestamps and timings aside, for every
 *       thread count: every state of the pass is merged in partition order, the sample is a
 *       function of the seed and global row indexes only.
 * </ul>
 *
 * <p>Columns are treated by type ({@link org.synthos.core.assess.ColumnTreatment}, reported with
 * the {@link org.synthos.api.TypeReason} of each): numbers and categories enter the table measures,
 * text columns only the text measures (lengths, vocabulary, diversity, repeated, near-duplicate and
 * copied texts), identifiers only the key checks (repeats, keys shared with the reference, format
 * drift).
 *
 * <p>Measures follow the definitions in SDMetrics (KSComplement, TVComplement,
 * CorrelationSimilarity, MissingValueSimilarity, DCR baseline), Naeem et al. 2020 (precision,
 * recall, density, coverage with k = 5) and Shumailov et al., Nature 2024 (collapse first removes
 * tails, rare values and variance), Bergsma 2013 (bias-corrected Cramér's V) and Westfall and Young
 * 1993 (max-T over the categories of a segmenting column); see {@link
 * org.synthos.core.assess.measure.Measures}, {@link
 * org.synthos.core.assess.measure.AssociationLoss} and {@link
 * org.synthos.core.assess.measure.Multivariate} for the exact formulas.
 */
package org.synthos.core.assess;
