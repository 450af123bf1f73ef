package org.synthos.core.assess;

import java.util.Locale;

/**
 * The closed registry of measures behind the dimension scores: each constant names its stable key
 * (as written in reports), the dimension it feeds, the collapse type it indicates (null when it
 * cannot tell), its tolerance (the excess over the null band's upper edge that brings its sub-score
 * to 0) and how its null band is made. Localisation, recommendations and the verdict switch on
 * these constants, so a renamed or removed measure is a compile error, not a silent mismatch of
 * strings.
 *
 * <p>Tolerances were derived by the calibration benchmark ({@code ./bench calibrate}, see {@code
 * docs/calibration.md}); changing one re-runs it.
 */
public enum Measure {
  EXACT_DUPLICATE_SHARE(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.10, BandMethod.REFERENCE_SPLIT),
  NEAR_DUPLICATE_SHARE(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.10, BandMethod.REFERENCE_SPLIT),
  KS_STATISTIC(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  TVD(Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  MISSING_GAP(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.10, BandMethod.RESPLIT),
  /**
   * Many columns moving a little follows from most defects (clipped tails move every KS too), so
   * the mean alone does not name a collapse type.
   */
  MEAN_SHAPE_EXCESS(Dimension.DISTRIBUTION_FIDELITY, null, 1.5, BandMethod.RESPLIT_MEAN),
  SPREAD_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.50, BandMethod.RESPLIT),
  ENTROPY_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.10, BandMethod.RESPLIT),
  TAIL_DEFICIT(
      Dimension.RARE_PATTERN_TAIL, CollapseType.C_RARE_PATTERN, 0.30, BandMethod.HYPERGEOMETRIC),
  RARE_CATEGORY_DEFICIT(
      Dimension.RARE_PATTERN_TAIL, CollapseType.C_RARE_PATTERN, 0.30, BandMethod.HYPERGEOMETRIC),
  DISTINCT_DEFICIT(
      Dimension.RARE_PATTERN_TAIL, CollapseType.C_RARE_PATTERN, 0.30, BandMethod.RESPLIT),
  RARE_COMBINATION_DEFICIT(
      Dimension.RARE_PATTERN_TAIL, CollapseType.C_RARE_PATTERN, 0.30, BandMethod.RESPLIT),
  PEARSON_GAP(
      Dimension.CORRELATION_PRESERVATION, CollapseType.B_CORRELATION, 0.30, BandMethod.RESPLIT),
  CRAMERS_V_GAP(
      Dimension.CORRELATION_PRESERVATION, CollapseType.B_CORRELATION, 0.30, BandMethod.RESPLIT),
  ASSOCIATION_LOSS(
      Dimension.CORRELATION_PRESERVATION, CollapseType.B_CORRELATION, 0.30, BandMethod.RESPLIT),
  /**
   * Standard deviations beyond the band of a max-T statistic that bring its score to 0. Smaller
   * than for a mean: the maximum's band is already wide (its own spread over the re-splits), and
   * each part was standardised, so 0.75 beyond the band's 3-sigma edge is rare under the null.
   */
  SEGMENT_ASSOCIATION_LOSS(
      Dimension.CORRELATION_PRESERVATION, CollapseType.B_CORRELATION, 0.75, BandMethod.RESPLIT_MAX),
  REFERENCE_COPY_SHARE(
      Dimension.MEMORISATION_PRIVACY, CollapseType.MEMORISATION, 0.10, BandMethod.REFERENCE_SPLIT),
  CLOSE_COPY_SHARE(
      Dimension.MEMORISATION_PRIVACY, CollapseType.MEMORISATION, 0.10, BandMethod.REFERENCE_SPLIT),
  DCR_DEFICIT(
      Dimension.MEMORISATION_PRIVACY, CollapseType.MEMORISATION, 0.50, BandMethod.REFERENCE_SPLIT),
  PRECISION_GAP(Dimension.MULTIVARIATE_FIDELITY, null, 0.40, BandMethod.RESPLIT),
  DENSITY_DEFICIT(Dimension.MULTIVARIATE_FIDELITY, null, 0.50, BandMethod.RESPLIT),
  DETECTION_AUC_EXCESS(Dimension.MULTIVARIATE_FIDELITY, null, 0.25, BandMethod.RESPLIT),
  CLASSIFIER_AUC(Dimension.MULTIVARIATE_FIDELITY, null, 0.25, BandMethod.ANALYTIC),
  RECALL_GAP(Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.40, BandMethod.RESPLIT),
  COVERAGE_GAP(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.40, BandMethod.RESPLIT),
  SEGMENT_KS(Dimension.TEMPORAL_STABILITY, CollapseType.D_TEMPORAL, 0.25, BandMethod.ORDER_SHUFFLE),
  SEGMENT_TVD(
      Dimension.TEMPORAL_STABILITY, CollapseType.D_TEMPORAL, 0.25, BandMethod.ORDER_SHUFFLE),
  /**
   * How much worse a model trained on the candidate predicts real rows than the same model trained
   * on as many real rows (TRTR - TSTR of ROC AUC or R²). Most defects lower it (broken relations,
   * collapsed categories, noise, recursive generation), so alone it does not name a collapse type.
   */
  LEARNABILITY_GAP(Dimension.LEARNABILITY, null, 0.10, BandMethod.MODEL_RESPLIT),
  /**
   * How much narrower the candidate-trained model's predictions are (entropy of predicted classes,
   * spread of predicted values): the model collapsed onto few classes or a shrunken range. Broken
   * relations narrow predictions as much as a shrunken target does, so it names no type either: in
   * calibration, typing it as distribution collapse turned correlation breaks into that type.
   */
  PREDICTION_COLLAPSE(Dimension.LEARNABILITY, null, 0.25, BandMethod.MODEL_RESPLIT),
  /**
   * Total variation distance between the class shares of the categorical label the cascade learns
   * (the named target, or the last column taken by convention): a shifted prior (a generator that
   * favours the common class, labels redrawn at random) changes what a model trained on the
   * candidate predicts even when every feature looks right. One planned test, with a tolerance of
   * two points of class share beyond its band (against 0.25 for a column's TVD among many): the
   * band is drawn from 20,000 re-splits (its edge their 3-sd tail quantile), so its edge is stable
   * and the tolerance need not absorb the noise of the edge (0.05 did while the band came from 20
   * re-splits). Typed distribution collapse when the candidate's classes are less even than the
   * reference's; a shift towards even shares (labels redrawn at random) names no type.
   */
  TARGET_PRIOR_SHIFT(Dimension.LEARNABILITY, CollapseType.A_DISTRIBUTION, 0.02, BandMethod.RESPLIT),
  /** KS statistic of a text column's length in characters. */
  TEXT_LENGTH_KS(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  /** KS statistic of a text column's length in tokens. */
  TEXT_TOKENS_KS(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  /** Jensen-Shannon distance (base 2) between the sides' unigram distributions. */
  TEXT_JS_DISTANCE(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  /** Share of candidate tokens the reference never uses. */
  TEXT_OOV_RATE(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.A_DISTRIBUTION, 0.25, BandMethod.RESPLIT),
  /** Relative loss of distinct unigrams per token (distinct-1). */
  TEXT_DISTINCT_1_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.30, BandMethod.RESPLIT),
  /** Relative loss of distinct bigrams per bigram (distinct-2). */
  TEXT_DISTINCT_2_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.30, BandMethod.RESPLIT),
  /** Relative loss of the zlib compression ratio: repeated texts and templates compress well. */
  TEXT_COMPRESSION_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.30, BandMethod.RESPLIT),
  /** Relative loss of the unigram entropy. */
  TEXT_ENTROPY_DEFICIT(
      Dimension.DIVERSITY_RETENTION, CollapseType.A_DISTRIBUTION, 0.20, BandMethod.RESPLIT),
  /** Share of rows taken by the ten most frequent texts, candidate minus reference. */
  TEXT_TOP_SHARE_EXCESS(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.20, BandMethod.RESPLIT),
  /**
   * Share of rows taken by the ten most frequent heads (a text's words but the last), candidate
   * minus reference: a few templates whose last word varies. Their texts stay distinct, so the
   * repeat and top-text shares miss them; the heads concentrate. Repeated whole texts concentrate
   * heads as much, so alone it does not name a collapse type: typed as distribution collapse, it
   * turned a text repetition on cars into that type.
   */
  TEXT_HEAD_SHARE_EXCESS(Dimension.DIVERSITY_RETENTION, null, 0.10, BandMethod.RESPLIT),
  /** Share of candidate texts that repeat an earlier candidate text exactly. */
  TEXT_REPEAT_SHARE(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.10, BandMethod.REFERENCE_SPLIT),
  /** Share of candidate texts that nearly (MinHash) but not exactly repeat another. */
  TEXT_NEAR_DUPLICATE_SHARE(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.10, BandMethod.REFERENCE_SPLIT),
  /** 1 - share of the reference's vocabulary that the candidate uses: rare words lost. */
  TEXT_VOCABULARY_COVERAGE_GAP(
      Dimension.RARE_PATTERN_TAIL, CollapseType.C_RARE_PATTERN, 0.30, BandMethod.RESPLIT),
  /** Share of candidate texts equal or MinHash-near to a reference text. */
  TEXT_REFERENCE_COPY_SHARE(
      Dimension.MEMORISATION_PRIVACY, CollapseType.MEMORISATION, 0.10, BandMethod.RESPLIT),
  /** Share of candidate identifiers that repeat an earlier candidate identifier. */
  IDENTIFIER_REPEAT_SHARE(
      Dimension.DIVERSITY_RETENTION, CollapseType.DUPLICATION, 0.05, BandMethod.REFERENCE_SPLIT),
  /** Share of candidate identifiers present in the reference: leaked keys. */
  IDENTIFIER_LEAK_SHARE(
      Dimension.MEMORISATION_PRIVACY, CollapseType.MEMORISATION, 0.10, BandMethod.REFERENCE_SPLIT),
  /** Total variation distance between the sides' identifier shapes (character classes). */
  IDENTIFIER_FORMAT_DRIFT(
      Dimension.DISTRIBUTION_FIDELITY, CollapseType.E_STRUCTURE, 0.25, BandMethod.RESPLIT);

  /** How a measure's null band is made. */
  public enum BandMethod {
    /**
     * The measure over random re-splits of the pooled candidate and reference rows (for the
     * target's class prior, drawn as the candidate's class counts: the same law, more re-splits).
     */
    RESPLIT,
    /**
     * Random halves of the reference playing candidate and reference, scaled to the compared sizes:
     * the null of copy and duplicate measures, which pooled re-splits would inflate with the
     * candidate's own copies. Without a reference, the policy's tolerance.
     */
    REFERENCE_SPLIT,
    /** An exact hypergeometric quantile of the candidate's count of marked rows. */
    HYPERGEOMETRIC,
    /** The mean of the columns' standardised excesses over the same re-splits. */
    RESPLIT_MEAN,
    /** The largest standardised excess over parts, against the same maximum over re-splits. */
    RESPLIT_MAX,
    /** Random row orders of the candidate, widened by the reference's own drift. */
    ORDER_SHUFFLE,
    /** An analytic standard error (Hanley and McNeil 1982). */
    ANALYTIC,
    /**
     * Models trained on two disjoint random parts of the reference, tested on a third: the value
     * the measure takes when the candidate is just more real data.
     */
    MODEL_RESPLIT
  }

  private final Dimension dimension;
  private final CollapseType cause;
  private final double tolerance;
  private final BandMethod band;

  Measure(Dimension dimension, CollapseType cause, double tolerance, BandMethod band) {
    this.dimension = dimension;
    this.cause = cause;
    this.tolerance = tolerance;
    this.band = band;
  }

  /** The stable snake_case key written in reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Dimension dimension() {
    return dimension;
  }

  /** The collapse type a loss of points indicates, or null when the measure cannot tell. */
  public CollapseType cause() {
    return cause;
  }

  /** The excess over the null band's upper edge that brings the sub-score to 0. */
  public double tolerance() {
    return tolerance;
  }

  public BandMethod band() {
    return band;
  }

  /**
   * The rows the measure observes by default: the neighbour sample for the nearest-neighbour and
   * classifier measures, the analysed rows for the others. Exact duplicates and reference copies
   * are observed over every row when the pass hashed them ({@link Evidence.RowScope#ALL}), and the
   * column measures judged from bucketed states say on their evidence which rows they came from.
   */
  public Evidence.RowScope rows() {
    return switch (this) {
      case PRECISION_GAP,
          DENSITY_DEFICIT,
          DETECTION_AUC_EXCESS,
          CLASSIFIER_AUC,
          RECALL_GAP,
          COVERAGE_GAP,
          CLOSE_COPY_SHARE,
          DCR_DEFICIT ->
          Evidence.RowScope.NEIGHBOUR_SAMPLE;
      default -> Evidence.RowScope.ANALYSED;
    };
  }

  /** Parses a {@link #key()}; null when unknown. */
  public static Measure fromKey(String key) {
    for (Measure m : values()) {
      if (m.key().equals(key)) {
        return m;
      }
    }
    return null;
  }
}
