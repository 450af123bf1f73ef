/**
 * Judging: null bands, sub-scores, dimension scores and the verdict, returned as immutable {@link
 * org.synthos.core.assess.judge.Findings}.
 *
 * <p>Owns: how each measure of the closed registry {@link org.synthos.core.assess.Measure} is
 * judged. One judge per family of measures ({@code StructureChecks}, {@code DuplicationJudge},
 * {@code MarginalJudge}, {@code AssociationJudge}, {@code NeighbourJudge}, {@code TemporalJudge},
 * {@code TextJudge} for text columns and identifiers, which the others skip; {@code
 * LearnabilityJudge} for the proxy models, with {@code TargetJudge} for the class prior of the
 * categorical label they learn) writes evidence into one workspace ({@code Judging}); {@code
 * Scoring} and {@link org.synthos.core.assess.judge.Verdicts} turn it into findings. Reads the
 * pool, calls measures; knows nothing of localisation, recommendations or reports.
 *
 * <p>The maths:
 *
 * <ul>
 *   <li>Every band is a {@link org.synthos.core.assess.NullBand}: the measure's mean and upper edge
 *       (mean + 3 standard deviations, or an exact quantile) when the candidate is just another
 *       sample of the reference's population. Replicate bands use the labellings of {@code
 *       Resampling}, drawn up front from the seed (a permutation null, as in Good, "Permutation,
 *       Parametric and Bootstrap Tests of Hypotheses", 2005); {@link
 *       org.synthos.core.assess.Measure.BandMethod} says which each measure uses. The column
 *       measures of {@code MarginalJudge} (KS, TVD, missing gap, spread and entropy deficits) are
 *       re-split at the level of buckets ({@code Judging.addBucketed}): pooled bucket j (the
 *       candidate's bucket j with the reference's) goes to the candidate side in a random set of
 *       round(count * n_c / n) of them, and the measure is computed from the summed histograms,
 *       with no row read again. Buckets are random subsets of rows, so this is a permutation null
 *       for a fixed random partition; against row-level re-splits its band's spread differs by a
 *       few percent (less than the noise of estimating it from {@code replicates} values). The
 *       Pearson and Cramér's V gaps of two numbers or two categories and the rare-combination
 *       deficit are re-split over the same buckets from the pass's pair states of every row ({@code
 *       Judging.addStates}; evidence {@code rows: all}) when the pass kept them and the files'
 *       sizes allow 128 buckets a side. So is a number paired with a category when the files are
 *       larger than the rows held and the cuts from their leading rows bin the held values as the
 *       held rows' own quintiles do ({@code LeadingCuts.agree}); otherwise it stays on the held
 *       rows, cut at their pooled quintiles. The pooled association loss is judged over every row
 *       from the same states when the files are larger than the rows held and every pair has states
 *       ({@code BucketAssociationLoss}). The association loss inside segments (segments formed and
 *       numbers ranked on rows) and the distinct-value deficit (one value per near-duplicate group)
 *       stay on the analysed rows with row re-splits ({@code rows: analysed}).
 *   <li>A deficit max(0, g) that the re-splits give in signed form (the spread and entropy deficits
 *       of a column, the prediction collapse of the proxy models) takes its band's edge from the
 *       re-split values of g, max(0, mean_g + 3 sd_g), and its mean from max(0, g_b) ({@code
 *       Bands.ofDeficit}). Re-split deficits pile up at zero, and mean + 3 sd of those truncated
 *       values sits near 2.2 sd of a centred g: a clean split crossed it about ten times as often
 *       as 3 sd allows (credit-g's clean seed 1004 in {@code docs/calibration.md}). The other
 *       deficits keep bands from their truncated values or exact quantiles (tail and rare-category
 *       deficits, whose hypergeometric edge is exact).
 *   <li>A target's class prior is one planned test ({@code TargetJudge}): the TVD of its class
 *       shares with its own tolerance (0.02, against 0.25 for a column's TVD among many), since ROC
 *       AUC is blind to the prior and the learnability gap of a weak label learned from a few
 *       hundred rows has a wide band. The TVD depends on the rows only through the class counts,
 *       and under a random split the candidate's counts are multivariate hypergeometric (Johnson,
 *       Kotz and Balakrishnan, "Discrete Multivariate Distributions", 1997, ch. 39), so its
 *       re-splits are drawn as counts ({@code Judging.addCounts}): 20,000 of them, exact draws of
 *       the same law as row re-splits, for a band edge that 20 re-splits left noisy. The edge is
 *       their quantile at the tail a normal law leaves beyond mean + 3 sd ({@code Bands.ofTail}),
 *       since the distance is folded at zero.
 *   <li>Sub-score = 100 * clamp(1 - max(0, value - upper) / tolerance, 0, 1); dimension score = 0.5
 *       * mean + 0.5 * minimum of its sub-scores.
 *   <li>Dataset-level combinations ({@code Combined}): the mean of standardised excesses (Pesarin
 *       2001) and the maximum over parts with leave-one-out standardised re-splits (max-T, Westfall
 *       and Young 1993).
 *   <li>The verdict: see {@link org.synthos.core.assess.judge.Verdicts}.
 * </ul>
 *
 * <p>Invariants: equal pool, options and seed give equal findings for every thread count (each
 * replicate lands in its own slot); phases draw from independent random streams, so their order
 * does not matter. With more than one thread the neighbour phase, drift ({@code TemporalJudge}) and
 * the proxy-model cascade ({@code LearnabilityJudge}, planned from a cost model before anything
 * trains) each run on a thread of their own ({@code SidePhase}) beside the intrinsic and fidelity
 * phases, each into a workspace of its own ({@code Judging.phase}) whose evidence, reasons and
 * checks are appended once it is joined (drift's at the end of fidelity, where no other judge has
 * written checks or temporal evidence since; the cascade's at the learnability stage); a dimension
 * sorts its evidence by score, measure and column, so the findings are those of the phases run in
 * turn.
 */
package org.synthos.core.assess.judge;
