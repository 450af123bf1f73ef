package org.synthos.core.assess.inject;

import java.util.Locale;
import org.synthos.core.assess.CollapseType;

/**
 * Defect families for calibration and demonstrations, each with the collapse type a validator
 * should name and a moderate severity.
 */
public enum Defect {
  /** Numbers pulled towards their mean: sd multiplied by (1 - severity). */
  VARIANCE_SHRINK(CollapseType.A_DISTRIBUTION, 0.5),
  /** Numbers clipped to their own severity/2 and 1 - severity/2 quantiles. */
  TAIL_TRUNCATION(CollapseType.C_RARE_PATTERN, 0.2),
  /**
   * A share {@code severity} of the cells holding a category rarer than 5% redrawn from the
   * frequent ones; the moderate severity removes rare categories entirely. With a reference, only
   * categories the reference also holds count: a loss is relative to the reference.
   */
  RARE_CATEGORY_LOSS(CollapseType.C_RARE_PATTERN, 1.0),
  /** A share {@code severity} of each categorical column's cells set to its most frequent value. */
  CATEGORY_COLLAPSE(CollapseType.A_DISTRIBUTION, 0.5),
  /** A share {@code severity} of rows replaced by exact copies of other rows. */
  EXACT_DUPLICATES(CollapseType.DUPLICATION, 0.3),
  /**
   * A share {@code severity} of rows replaced by copies of other rows, real numbers jittered by up
   * to 3e-4 sd within the column's range.
   */
  NEAR_DUPLICATES(CollapseType.DUPLICATION, 0.4),
  /** A share {@code severity} of rows replaced by copies of reference rows. */
  MEMORISED_COPIES(CollapseType.MEMORISATION, 0.2),
  /** Each column's values permuted independently among a share {@code severity} of the rows. */
  CORRELATION_BREAK(CollapseType.B_CORRELATION, 0.8),
  /** Numbers shifted by {@code severity} standard deviations. */
  MEAN_SHIFT(CollapseType.A_DISTRIBUTION, 0.5),
  /** Numbers shifted linearly along row order, from -severity to +severity standard deviations. */
  DRIFT(CollapseType.D_TEMPORAL, 1.0),
  /**
   * Correlations broken inside one segment only: among the rows holding the most frequent category
   * of the first segment column (a categorical column of 2 to {@link #SEGMENT_CATEGORIES} distinct
   * values, so that a category is a subgroup rather than a near-unique label such as a date held as
   * text), each other column's values permuted independently among a share {@code severity} of
   * them. The marginals and the other segments stay intact.
   */
  CONDITIONAL_BREAK(CollapseType.B_CORRELATION, 0.8),
  /**
   * Gaussian noise of {@code severity} standard deviations added to every number, and a share
   * {@code severity}/100 of numeric cells replaced by outliers 10 standard deviations from the
   * mean. It acts three ways at once: each marginal widens, each Pearson r shrinks by 1/sqrt(1 +
   * s^2) (Spearman 1904), and the outliers fall outside the reference's range; the expected type
   * names the first, but a verdict may rightly name either of the others.
   */
  NOISE_OUTLIERS(CollapseType.A_DISTRIBUTION, 0.5),
  /** A share {@code severity} of each column's present cells set to null, completely at random. */
  MISSING_PATTERN(CollapseType.A_DISTRIBUTION, 0.3),
  /**
   * A share {@code severity} of the label's present cells replaced by another class drawn
   * uniformly: the label's relation to the other columns is weakened (the label is the last
   * categorical column of 2 to {@link #LABEL_CLASSES} values).
   */
  LABEL_NOISE(CollapseType.B_CORRELATION, 0.5),
  /**
   * A share {@code severity} of the rows outside the label's most frequent class removed: the
   * minority classes under-represented, as when a generator favours the common class. The moderate
   * severity, 0.75, is a medium effect on a class share in Cohen's sense (h = 2 asin sqrt p - 2
   * asin sqrt q near 0.5: credit-g's 30% minority falls to 10%, h = 0.53), as {@link #MEAN_SHIFT}'s
   * half a standard deviation is a medium effect on a mean (d = 0.5); removing half (h = 0.29
   * there) is a small effect, which a 3-sd test on halves of a few hundred rows cannot catch
   * reliably.
   */
  CLASS_IMBALANCE(CollapseType.A_DISTRIBUTION, 0.75),
  /**
   * A share {@code severity} of each text column's texts redrawn from 25 of its own distinct texts:
   * a generator that repeats itself.
   */
  TEXT_REPETITION(CollapseType.DUPLICATION, 0.5),
  /**
   * A share {@code severity} of each text column's texts replaced by five templates (texts of the
   * column with their last word swapped for a word of the column): few texts are equal, but the
   * word distribution collapses onto the templates' words (distinct-n, entropy), a mode collapse.
   */
  TEMPLATE_COLLAPSE(CollapseType.A_DISTRIBUTION, 0.5),
  /**
   * Each text column's vocabulary cut to the most frequent (1 - {@code severity}) share of its
   * words, the others replaced by kept words drawn with their frequency. Rare words are lost (the
   * coverage gap, a rare-pattern measure), but the narrowing of the whole word distribution
   * (distinct-1, entropy) is the larger deficit, so distribution collapse is the type named.
   */
  VOCABULARY_SHRINK(CollapseType.A_DISTRIBUTION, 0.8),
  /**
   * Each text column's texts cut at a length: every text longer than the column's (1 - {@code
   * severity}) quantile of lengths in characters is cut to that many characters, trailing spaces
   * dropped, as a generator stopped by its output budget leaves them. The long texts are lost, but
   * what moves most is the whole length distribution (half of it piled at the cut, its KS statistic
   * against the reference), so distribution collapse is the type named.
   */
  TEXT_TRUNCATION(CollapseType.A_DISTRIBUTION, 0.5),
  /**
   * A share {@code severity} of rows replaced by copies of other rows with one numeric cell nudged
   * by 0.1% to 1% of its value.
   */
  NEAR_COPIES(CollapseType.DUPLICATION, 0.3),
  /**
   * A share {@code severity} of rows replaced by copies of other rows with two cells redrawn from
   * other rows, by any amount; tables of at least 12 columns that are not identifiers only.
   */
  NEAR_COPIES_TWO_CELLS(CollapseType.DUPLICATION, 0.3);

  /** The most classes a label column of {@link #LABEL_NOISE} and {@link #CLASS_IMBALANCE} holds. */
  public static final int LABEL_CLASSES = 20;

  /** The most distinct values a segment column of {@link #CONDITIONAL_BREAK} may hold. */
  public static final int SEGMENT_CATEGORIES = 100;

  private final CollapseType expected;
  private final double moderate;

  Defect(CollapseType expected, double moderate) {
    this.expected = expected;
    this.moderate = moderate;
  }

  /** The collapse type a validator should name for this defect. */
  public CollapseType expectedType() {
    return expected;
  }

  /** A severity that should be rejected with {@link #expectedType()}. */
  public double moderateSeverity() {
    return moderate;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #key()} (case-insensitive, '-' or '_'); returns null when unknown. */
  public static Defect fromKey(String key) {
    String k = key.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (Defect d : values()) {
      if (d.name().equals(k)) {
        return d;
      }
    }
    return null;
  }
}
