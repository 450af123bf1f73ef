package org.synthos.core.state;

import java.util.Arrays;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * A HyperLogLog sketch of the distinct non-null values of a column (Flajolet et al. 2007; Apache
 * DataSketches HLL_8 with its exact list/set modes at low cardinality).
 *
 * <p>Stored: the compact serialized sketch. Error: relative standard error about 1.04 / sqrt(2^lgK)
 * (1.6% at lgK = 12); below about 2^(lgK-3) distinct values the count is exact up to hash
 * collisions. Merge: the HLL union, which takes register-wise maxima, so it is associative and
 * commutative in its estimate; merging different lgK keeps the smaller. {@link #empty(int)} is the
 * exact identity. Values are hashed by their primitive representation: a long column hashes longs,
 * a double column doubles (with -0.0 folded into 0.0), strings their UTF-8 bytes.
 */
public final class DistinctState implements State {
  private final byte[] image;
  private final int lgK;
  private final double estimate;

  private DistinctState(byte[] image, int lgK, double estimate) {
    this.image = image;
    this.lgK = lgK;
    this.estimate = estimate;
  }

  public static DistinctState empty(int lgK) {
    return of(new HllSketch(lgK, TgtHllType.HLL_8));
  }

  /** The state of a sketch as it is now; the sketch may go on being updated afterwards. */
  public static DistinctState of(HllSketch sketch) {
    return new DistinctState(sketch.toCompactByteArray(), sketch.getLgConfigK(), estimate(sketch));
  }

  /**
   * The exact coupon count at low cardinality; above it the composite estimator, which depends only
   * on the registers. (The HIP estimator a single sketch would use depends on update order and is
   * lost in unions, so a merged profile would report a different number.)
   */
  private static double estimate(HllSketch s) {
    return s.isEstimationMode() ? s.getCompositeEstimate() : s.getEstimate();
  }

  /**
   * Keeps {@code image} as given: re-serializing a heapified sketch need not give the same bytes.
   */
  static DistinctState fromImage(byte[] image) {
    HllSketch s = HllSketch.heapify(image);
    return new DistinctState(image.clone(), s.getLgConfigK(), estimate(s));
  }

  public byte[] image() {
    return image.clone();
  }

  public int lgK() {
    return lgK;
  }

  /** Estimated number of distinct non-null values. */
  public double estimate() {
    return estimate;
  }

  public boolean isEmpty() {
    return estimate == 0;
  }

  /** Lower bound at {@code standardDeviations} (1, 2 or 3) of the union-mode error. */
  public double lowerBound(int standardDeviations) {
    HllSketch s = HllSketch.heapify(image);
    if (!s.isEstimationMode()) {
      return s.getLowerBound(standardDeviations);
    }
    return estimate / (1 + Math.abs(HllSketch.getRelErr(false, true, lgK, standardDeviations)));
  }

  /** Upper bound at {@code standardDeviations} (1, 2 or 3) of the union-mode error. */
  public double upperBound(int standardDeviations) {
    HllSketch s = HllSketch.heapify(image);
    if (!s.isEstimationMode()) {
      return s.getUpperBound(standardDeviations);
    }
    return estimate / (1 - Math.abs(HllSketch.getRelErr(true, true, lgK, standardDeviations)));
  }

  public DistinctState merge(DistinctState other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Union union = new Union(Math.min(lgK, other.lgK));
    union.update(HllSketch.heapify(image));
    union.update(HllSketch.heapify(other.image));
    return of(union.getResult(TgtHllType.HLL_8));
  }

  @Override
  public StateKind kind() {
    return StateKind.DISTINCT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DistinctState d && Arrays.equals(image, d.image);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "DistinctState[lgK=" + lgK + ", estimate=" + estimate + "]";
  }
}
