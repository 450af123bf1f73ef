/**
 * Signatures of finished validations, their libraries, and the pre-screen that estimates a new
 * dataset's risk from the nearest signatures before any full validation runs.
 *
 * <p>What this package owns:
 *
 * <ul>
 *   <li>{@link org.synthos.core.signature.ScreenPass}: the pre-screen's one pass over a dataset,
 *       the {@link org.synthos.core.profile.Profiler}'s profile plus a HyperLogLog (Flajolet et al.
 *       2007) of 64-bit row hashes ({@link org.synthos.core.rows.RowHasher}, lgK 16). Both parts
 *       are mergeable states, so the pass is deterministic for every thread count and {@code
 *       Screened.merge} inherits the states' laws.
 *   <li>{@link org.synthos.core.signature.ProfileFeatures}: a fixed-length vector of the {@link
 *       org.synthos.core.signature.Feature}s, each a pure function of the profile in [0, 1]: column
 *       type shares, log sizes, null and invalid shares, the duplicate-row share 1 - D/n (D the HLL
 *       estimate of distinct rows), distinct ratios, the normalised Shannon entropy H / ln k of
 *       categorical columns, mode and rare-value shares, tanh-squashed |skewness|, excess kurtosis
 *       and tail ratio (p99 - p01) / (p75 - p25) of numeric columns, mean and largest |Pearson r|
 *       of the profiled numeric pairs, and text lengths. Only the dataset is needed: no reference.
 *   <li>{@link org.synthos.core.signature.Signature}: the features with the validation's outcome
 *       (decision, risk, collapse types), the candidate's fingerprint and, per {@link
 *       org.synthos.core.assess.Measure}, the largest standardised value over its subjects z =
 *       (value - m) / (u - m), m the null band's mean and u its upper edge (m + 3 sd, or a
 *       tolerance): 0 is what sampling noise gives on average, 1 the band's edge. The measures are
 *       kept for analysis; the pre-screen cannot compute them (they need the reference), so the
 *       similarity uses the features alone.
 *   <li>{@link org.synthos.core.signature.SignatureCodec} (one JSON line per signature) and {@link
 *       org.synthos.core.signature.SignatureFile} (a local library: {@code signatures.jsonl} in a
 *       directory, appended under a file lock).
 *   <li>{@link org.synthos.core.signature.SignatureIndex}: k-nearest search. Up to {@code
 *       EXACT_UP_TO} (100,000) entries it is exact, with a bounded heap, O(n d log k) per query.
 *       Above that, {@link org.synthos.core.signature.HnswLibrary} keeps an in-memory Lucene HNSW
 *       graph (Malkov and Yashunin 2018; Euclidean distance, Lucene's defaults of 16 links per node
 *       and beam width 100), extended with new entries at the next query; a query fetches max(4k,
 *       100) candidates, keeps those the caller may see, and re-ranks them by the exact distance,
 *       so distances and similarities are exact and only membership is approximate. When fewer than
 *       k candidates are visible (a caller seeing a small part of the library) the exact scan
 *       answers. Graph levels come from Lucene's fixed seed and building and merging run on the
 *       calling thread, so the same additions and queries in the same order give the same answers;
 *       the graph, and so a rare miss, depends on the insertion order.
 *   <li>{@link org.synthos.core.signature.PreScreen}: the estimate.
 * </ul>
 *
 * <p>Mathematics of the pre-screen, for the k nearest signatures i with RMS feature distance d_i =
 * sqrt(mean_j (x_j - y_ij)^2):
 *
 * <ul>
 *   <li>Similarity s_i = exp(-(d_i / h)^2 / 2), a Gaussian kernel with bandwidth h = 0.05; only
 *       neighbours with s_i >= 0.5 count, and with none the answer is not applicable, with the
 *       nearest similarity in the reason (an empty library says so too).
 *   <li>Risk: the Nadaraya-Watson estimate r = sum s_i r_i / sum s_i (Nadaraya 1964, Watson 1964),
 *       Kish's effective size n_e = (sum s_i)^2 / sum s_i^2 (Kish 1965), the weighted variance v =
 *       sum s_i (r_i - r)^2 / sum s_i * n_e / (n_e - 1), and the 90% interval for a new dataset's
 *       risk r +- 1.645 sqrt(v (1 + 1 / n_e)), clipped to [0, 100]; [0, 100] when n_e <= 1.
 *   <li>Reject probability: with p the weighted share of rejections, a Beta(1/2 + n_e p, 1/2 + n_e
 *       (1 - p)) posterior (Jeffreys prior, the weights counted as n_e observations); its mean and
 *       90% equal-tailed credible interval. The pre-screen is <em>confident</em> when that interval
 *       lies entirely above 1/2 (reject) or below it (approve).
 * </ul>
 *
 * <p>Limits: the features describe a dataset's shape, not how it differs from a reference, so the
 * pre-screen can only transfer outcomes from validations of similar datasets; its measured value is
 * in {@code docs/calibration.md} ("Pre-screen") and {@code docs/prescreen.md}.
 *
 * <p>Tests: {@code SignatureTest} (determinism, codec and library round trips, the estimate's
 * cases), {@code SignatureIndexTest} (the HNSW path's recall@10 against exact search, visibility,
 * determinism, small libraries exact), {@code ScreenPassLawsTest} (merge laws of the screened
 * states).
 */
package org.synthos.core.signature;
