/**
 * The measures: pure functions of the pooled rows and a labelling (which rows play the candidate).
 * Every function here returns the same value for the same pool and labelling, keeps no state and
 * draws no random number it was not handed, so judging can evaluate it on the observed labelling
 * and on any number of re-splits, on any thread.
 *
 * <p>Owns: the one implementation of each statistic the verdict uses, each checked by a golden test
 * against scipy or scikit-learn (scripts in {@code tools/golden/}). Knows no band, score or
 * verdict.
 *
 * <p>Definitions (larger is worse throughout):
 *
 * <ul>
 *   <li>{@link org.synthos.core.assess.measure.Marginals}: the one implementation of the column
 *       measures below that are functions of the two sides' histograms (KS, TVD, missing gap,
 *       spread, entropy, tail and rare-category counts), from bucketed states or a labelling of
 *       rows alike.
 *   <li>{@link org.synthos.core.assess.measure.Measures}: two-sample KS statistic (1 - SDMetrics
 *       KSComplement), total variation distance (1 - TVComplement), missing-share gap (1 -
 *       MissingValueSimilarity), spread deficit max(0, ln(sd_r / sd_c)) on values winsorised at the
 *       pooled 1%/99% quantiles, entropy deficit max(0, H_r - H_c) / ln k, distinct-value deficit,
 *       tail and rare-category deficits, rare-combination deficit, repeat and copy shares.
 *   <li>{@link org.synthos.core.assess.measure.Association}: |Pearson r| and Cramér's V gaps
 *       between the sides; r from co-moments (Chan, Golub and LeVeque 1979) and V from a table of
 *       counts, the one implementation used over held rows and by {@link
 *       org.synthos.core.assess.measure.BucketPairs}, which merges the pass's per-bucket pair
 *       states of a split into each side's co-moments or table (and the rare-combination weights).
 *       Over held rows a categorical pair's cells are worked out once ({@code PairCells}): a
 *       labelling counts its candidate rows and the reference's table is the rest, the same whole
 *       numbers as counting both sides row by row.
 *   <li>{@link org.synthos.core.assess.measure.AssociationLoss}: relative loss of association over
 *       the pairs associated beyond chance, overall and inside the categories of a segmenting
 *       column; {@link org.synthos.core.assess.measure.BucketAssociationLoss} gives the overall
 *       loss from the pass's pair states of every row, with the same choice, strengths and loss.
 *   <li>{@link org.synthos.core.assess.measure.Multivariate}: precision, recall, density and
 *       coverage with k = 5 (Naeem et al. 2020), a 10-NN two-sample AUC, close-copy share and
 *       distance-to-closest-record deficit (SDMetrics DCR baseline); each row's neighbours in
 *       (distance, row) order come from {@link org.synthos.core.assess.measure.NeighbourOrder}.
 *   <li>{@link org.synthos.core.assess.measure.Temporal}: largest KS or TVD between a fifth of the
 *       rows in time order and the rest, with its conditional-shuffle null values.
 *   <li>{@link org.synthos.core.assess.measure.TextMeasures} over a {@link
 *       org.synthos.core.assess.measure.TextColumn} (a text column tokenised once: lower-cased runs
 *       of letters and digits): distinct-n deficits (Li et al., NAACL 2016), zlib compression-ratio
 *       deficit on equal byte budgets, unigram entropy deficit, the excess share of the ten most
 *       frequent texts and of the ten most frequent heads (a text's tokens but the last: the share
 *       of rows the largest classes take, a concentration ratio as in Hall and Tideman, "Measures
 *       of Concentration", JASA 1967, over the slots a one-word template leaves fixed), vocabulary
 *       coverage gap, Jensen-Shannon distance of the unigram distributions (base 2, as scipy's
 *       {@code jensenshannon}) and out-of-vocabulary rate; lengths by {@code Measures.ks}, repeated
 *       and copied texts by {@code Measures.repeatShare} and {@code copyShare} over exact texts and
 *       {@link org.synthos.core.assess.measure.MinHash} clusters (Broder 1997: Jaccard of character
 *       5-gram shingles from 64 hashes, 16 LSH bands of 4, joined at 0.8).
 *   <li>{@link org.synthos.core.assess.measure.Identifiers}: the shape of a key (character classes
 *       and length), whose TVD between the sides measures format drift; repeats and leaked keys are
 *       {@code repeatShare} and {@code copyShare} over the key's values.
 *   <li>{@link org.synthos.core.assess.measure.Hypergeometric}, {@link
 *       org.synthos.core.assess.measure.Mahalanobis}, {@link
 *       org.synthos.core.assess.measure.Support}, {@link
 *       org.synthos.core.assess.measure.SideCounts}: exact quantiles, distances and counts the
 *       judges and explanation share; {@code Hypergeometric} also draws a random split's class
 *       counts (multivariate hypergeometric, class by class: Johnson, Kotz and Balakrishnan 1997,
 *       ch. 39) for measures that depend on the rows only through them.
 * </ul>
 */
package org.synthos.core.assess.measure;
