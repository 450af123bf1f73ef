package org.synthos.core.multivariate;

/**
 * @param alphaPrecision fidelity: how well the candidate's mass sits in the real alpha-supports
 * @param betaRecall diversity: how well the candidate covers the real beta-supports
 */
public record AlphaPrecisionResult(
    MultivariateValue alphaPrecision, MultivariateValue betaRecall) {}
