package org.synthos.core.metric;

import java.util.List;

/**
 * Two distributions on the same bins, fixed from the reference: probability masses (each summing to
 * 1) plus the sample sizes they came from, which the null bands need.
 *
 * @param labels one label per bin (a category, or an interval such as {@code (1.5, 2.0]})
 * @param reference masses of the reference dataset
 * @param candidate masses of the compared (usually synthetic) dataset
 * @param referenceCount values behind {@code reference}
 * @param candidateCount values behind {@code candidate}
 * @param rankError bound on each cumulative mass's error when masses come from sketches; 0 when
 *     exact
 */
public record BinnedPair(
    List<String> labels,
    double[] reference,
    double[] candidate,
    long referenceCount,
    long candidateCount,
    double rankError) {
  public BinnedPair {
    labels = List.copyOf(labels);
    reference = reference.clone();
    candidate = candidate.clone();
    if (reference.length != labels.size() || candidate.length != labels.size()) {
      throw new IllegalArgumentException("bins, reference and candidate differ in length");
    }
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  @Override
  public double[] candidate() {
    return candidate.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinnedPair b
        && labels.equals(b.labels)
        && java.util.Arrays.equals(reference, b.reference)
        && java.util.Arrays.equals(candidate, b.candidate)
        && referenceCount == b.referenceCount
        && candidateCount == b.candidateCount
        && Double.compare(rankError, b.rankError) == 0;
  }

  @Override
  public int hashCode() {
    return labels.hashCode() * 31 + java.util.Arrays.hashCode(reference);
  }

  @Override
  public String toString() {
    return "BinnedPair[bins="
        + labels.size()
        + ", n="
        + referenceCount
        + ", m="
        + candidateCount
        + "]";
  }
}
