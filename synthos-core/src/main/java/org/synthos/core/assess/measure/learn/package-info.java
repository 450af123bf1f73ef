/**
 * The proxy models of the learnability cascade and what is computed from them: the design matrix a
 * target's models learn from ({@link org.synthos.core.assess.measure.learn.Design}), the automatic
 * choice of targets, the tiers and their training ({@link
 * org.synthos.core.assess.measure.learn.ProxyTier}, {@link
 * org.synthos.core.assess.measure.learn.ProxyModel}; the neural tier through {@link
 * org.synthos.core.assess.measure.learn.Neural}), the metrics and losses, and the learning-curve
 * fits. Pure functions of their inputs and seeds; the judge draws the splits and bands.
 */
package org.synthos.core.assess.measure.learn;
