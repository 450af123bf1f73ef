package org.synthos.core.multivariate;

import java.util.Objects;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.core.rows.RowSampleState;

/**
 * Every multivariate metric of a candidate sample against a reference sample, in one call: the
 * encoding is fitted on the reference, both samples are encoded with it, and PRDC,
 * alpha-precision/beta-recall, DCR and the detection test run on the encoded matrices.
 *
 * @param encoding the encoding fitted on the reference sample
 * @param prdc precision, recall, density and coverage
 * @param alphaPrecision alpha-precision and beta-recall
 * @param dcr distance to closest record against the holdout baseline
 * @param detection the classifier two-sample test
 */
public record MultivariateAssessment(
    SampleEncoding encoding,
    PrdcResult prdc,
    AlphaPrecisionResult alphaPrecision,
    DcrResult dcr,
    DetectionResult detection) {

  /**
   * Settings of all metrics.
   *
   * @param topCategories one-hot categories per categorical column
   * @param k the PRDC neighbourhood size
   * @param holdoutShare the reference share held out for the DCR baseline
   * @param listedRows how many closest candidate rows DCR lists
   * @param nullBands how resampled null bands are drawn
   * @param detection the detection test's settings
   * @param seed the DCR split seed
   */
  public record Options(
      int topCategories,
      int k,
      double holdoutShare,
      int listedRows,
      NullBandOptions nullBands,
      DetectionOptions detection,
      long seed) {
    public Options {
      Objects.requireNonNull(nullBands, "nullBands is null");
      Objects.requireNonNull(detection, "detection is null");
      if (topCategories < 1 || k < 1 || !(holdoutShare > 0 && holdoutShare < 1) || listedRows < 0) {
        throw new SynthosException(
            ErrorCode.INVALID_ARGUMENT,
            "invalid multivariate options: topCategories >= 1, k >= 1, holdoutShare in (0, 1),"
                + " listedRows >= 0 required, got "
                + this);
      }
    }

    /** 20 categories, k = 5, half the reference held out, 20 rows listed, default bands. */
    public static Options defaults() {
      return new Options(
          20,
          Prdc.DEFAULT_K,
          0.5,
          20,
          NullBandOptions.defaults(),
          DetectionOptions.defaults(),
          20240601L);
    }
  }

  /** Assesses {@code candidate} against {@code reference}. */
  public static MultivariateAssessment of(
      RowSampleState reference, RowSampleState candidate, Options options) {
    SampleEncoding encoding = SampleEncoding.fit(reference, options.topCategories());
    EncodedSample ref = encoding.encode(reference);
    EncodedSample cand = encoding.encode(candidate);
    return new MultivariateAssessment(
        encoding,
        Prdc.compute(ref, cand, options.k(), options.nullBands()),
        AlphaPrecision.compute(ref, cand, options.nullBands()),
        DistanceToClosestRecord.compute(
            ref, cand, options.holdoutShare(), options.seed(), options.listedRows()),
        DetectionTest.compute(ref, cand, options.detection()));
  }
}
