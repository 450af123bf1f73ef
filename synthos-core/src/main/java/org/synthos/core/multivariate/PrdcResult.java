package org.synthos.core.multivariate;

/**
 * Precision, recall, density and coverage of a candidate sample against a real one.
 *
 * @param k the neighbourhood size
 * @param precision share of candidate rows inside the real manifold (fidelity)
 * @param recall share of real rows inside the candidate manifold (diversity)
 * @param density mean number of real neighbourhoods holding a candidate row, over k
 * @param coverage share of real rows whose neighbourhood holds a candidate row
 */
public record PrdcResult(
    int k,
    MultivariateValue precision,
    MultivariateValue recall,
    MultivariateValue density,
    MultivariateValue coverage) {
  static PrdcResult notApplicable(int k, String reason) {
    MultivariateValue na = MultivariateValue.notApplicable(reason);
    return new PrdcResult(k, na, na, na, na);
  }
}
