package org.synthos.core.multivariate;

/** Applicability checks shared by the metrics. */
final class Samples {
  private Samples() {}

  /**
   * Why a metric cannot run on these samples, or null when it can.
   *
   * @param minRows rows each side needs
   * @param minReferenceRows rows the reference needs (e.g. for two null-band halves)
   */
  static String whyNot(
      EncodedSample reference, EncodedSample candidate, int minRows, int minReferenceRows) {
    if (reference.dims() == 0 || candidate.dims() == 0) {
      return "no numeric or categorical columns to compare";
    }
    if (reference.dims() != candidate.dims()) {
      return "the samples were encoded differently ("
          + reference.dims()
          + " and "
          + candidate.dims()
          + " features)";
    }
    if (candidate.rows() < minRows) {
      return "needs at least " + minRows + " candidate rows, got " + candidate.rows();
    }
    if (reference.rows() < Math.max(minRows, minReferenceRows)) {
      return "needs at least "
          + Math.max(minRows, minReferenceRows)
          + " reference rows, got "
          + reference.rows();
    }
    return null;
  }
}
