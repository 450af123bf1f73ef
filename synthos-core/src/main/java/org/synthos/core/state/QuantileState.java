package org.synthos.core.state;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A KLL quantile sketch of the finite values of a column (Karnin, Lang, Liberty, "Optimal Quantile
 * Approximation in Streams", FOCS 2016), with the level layout and compaction policy of Apache
 * DataSketches' {@code KllDoublesSketch} and therefore its accuracy at the same k; see {@link
 * KllSketch}.
 *
 * <p>Stored: the sketch's compact image, so the state is immutable and compares by bytes. Error:
 * with probability 99% every rank it returns is within {@link #normalizedRankError()} of the true
 * normalized rank (about 0.14% at k = 2048, 1.33% at k = 200). While no compaction has happened
 * ({@link #isExact()}, always so for at most k values) the sketch holds every value and is exact.
 *
 * <p>Deterministic: compaction offsets come from a seeded generator that is part of the sketch, so
 * the same seed, values and merge order give the same bytes. Merge is the KLL merge; merges in
 * different orders agree within the rank error, not bit for bit. Merging sketches of different k
 * keeps this sketch's k for its layout and the smaller k for the error bound, as DataSketches does.
 * {@link #empty(int)} is the exact identity. NaN and infinite values never reach the sketch; see
 * {@link MomentsState}.
 */
public final class QuantileState implements State {
  private final byte[] image;
  private final int k;
  private final int minK;
  private final long count;
  private final boolean exact;
  // Built on first query; SortedQuantiles is immutable, so a racing rebuild is harmless.
  private SortedQuantiles view;

  private QuantileState(byte[] image, KllSketch sketch) {
    this.image = image;
    this.k = sketch.k();
    this.minK = sketch.minK();
    this.count = sketch.n();
    this.exact = sketch.retained() == sketch.n();
  }

  /** The identity for sketches of size {@code k}. */
  public static QuantileState empty(int k) {
    return of(new KllSketch(k, 0));
  }

  static QuantileState of(KllSketch sketch) {
    return new QuantileState(sketch.toImage(), sketch);
  }

  /**
   * Reads an image written by {@link #image()}.
   *
   * @throws IllegalArgumentException when it is not a readable sketch image
   */
  static QuantileState fromImage(byte[] image) {
    byte[] copy = image.clone();
    return new QuantileState(copy, KllSketch.fromImage(copy));
  }

  /** A copy of the compact sketch image ({@link KllSketch#toImage}). */
  public byte[] image() {
    return image.clone();
  }

  /** The sketch size this sketch was built with. */
  public int k() {
    return k;
  }

  /** Values summarised. */
  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Whether the sketch still holds every value, so every query is exact. */
  public boolean isExact() {
    return exact;
  }

  /**
   * Single-rank normalized error bound (99% confidence) at the smallest k merged in; DataSketches'
   * bound for its KLL at that k.
   */
  public double normalizedRankError() {
    return KllSketch.normalizedRankError(minK, false);
  }

  /** The bound for every mass of a PMF or CDF at once (99% confidence). */
  public double normalizedRankErrorAllRanks() {
    return KllSketch.normalizedRankError(minK, true);
  }

  public QuantileState merge(QuantileState other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    KllSketch merged = KllSketch.fromImage(image);
    merged.merge(KllSketch.fromImage(other.image));
    return of(merged);
  }

  /** The quantile at normalized rank {@code rank} (inclusive search), empty when no values. */
  public OptionalDouble quantile(double rank) {
    if (isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(view().quantile(rank));
  }

  /**
   * The quantiles at each of {@code ranks} (inclusive search).
   *
   * @throws IllegalStateException when the sketch is empty
   */
  public double[] quantiles(double[] ranks) {
    SortedQuantiles v = nonEmptyView();
    double[] out = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      out[i] = v.quantile(ranks[i]);
    }
    return out;
  }

  /** Normalized rank of {@code x}: the estimated share of values {@code <= x}; NaN when empty. */
  public double rank(double x) {
    return isEmpty() ? Double.NaN : view().rank(x);
  }

  /**
   * The CDF at strictly increasing {@code splitPoints}: their ranks, then 1.
   *
   * @throws IllegalStateException when the sketch is empty
   */
  public double[] cdf(double[] splitPoints) {
    return nonEmptyView().cdf(splitPoints);
  }

  /**
   * Masses of (-inf, s1], (s1, s2], ..., (sm, +inf) for strictly increasing split points.
   *
   * @throws IllegalStateException when the sketch is empty
   */
  public double[] pmf(double[] splitPoints) {
    return nonEmptyView().pmf(splitPoints);
  }

  /** Distinct retained values ascending (with the exact min and max); empty when no values. */
  public double[] retainedValues() {
    return isEmpty() ? new double[0] : view().values();
  }

  /** The weight at or below each of {@link #retainedValues()}; the last is {@link #count()}. */
  public long[] cumulativeWeights() {
    return isEmpty() ? new long[0] : view().cumulativeWeights();
  }

  private SortedQuantiles nonEmptyView() {
    if (isEmpty()) {
      throw new IllegalStateException("the quantile sketch is empty");
    }
    return view();
  }

  private SortedQuantiles view() {
    SortedQuantiles v = view;
    if (v == null) {
      v = KllSketch.fromImage(image).sortedView();
      view = v;
    }
    return v;
  }

  @Override
  public StateKind kind() {
    return StateKind.QUANTILES;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantileState q && Arrays.equals(image, q.image);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "QuantileState[k=" + k + ", count=" + count + "]";
  }
}
