/**
 * The learnability cascade's neural-network tier: {@link org.synthos.neural.MlpLearner}, a small
 * multi-layer perceptron trained by DJL on PyTorch, registered as the {@code mlp} {@link
 * org.synthos.api.spi.ProxyLearner}. This module owns everything that touches DJL, so the engine
 * carries neither DJL nor the PyTorch native library; it depends on synthos-api alone.
 */
package org.synthos.neural;
