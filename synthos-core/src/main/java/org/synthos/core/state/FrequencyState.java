package org.synthos.core.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Category frequencies of the non-null values of a column: exact counts up to a cap of distinct
 * values, then a frequent-items sketch (Misra-Gries with the DataSketches purge; Anderson et al.,
 * "A High-Performance Algorithm for Identifying Frequent Items in Data Streams", IMC 2017).
 *
 * <p>Exact mode stores a sorted map value to count; merge adds counts, exactly associative and
 * commutative. When a merge or update passes {@link #cap()} distinct values the state switches to
 * approximate mode for good: it stores the sketch image, every count is an estimate with error at
 * most {@link #maxError()} (about 3.5 n / 2^lgMapSize), and merges agree with a one-pass fold
 * within that bound, not exactly. {@link #empty(int, int)} is the exact identity.
 */
public final class FrequencyState implements State {
  static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private final SortedMap<String, Long> exact;
  private final byte[] sketchImage;
  private final long total;
  private final int cap;
  private final int lgMapSize;

  private FrequencyState(
      SortedMap<String, Long> exact, byte[] sketchImage, long total, int cap, int lgMapSize) {
    this.exact = exact;
    this.sketchImage = sketchImage;
    this.total = total;
    this.cap = cap;
    this.lgMapSize = lgMapSize;
  }

  public static FrequencyState empty(int cap, int lgMapSize) {
    return new FrequencyState(Collections.emptySortedMap(), null, 0, cap, lgMapSize);
  }

  /** An exact state; falls over to a sketch if {@code counts} has more than {@code cap} keys. */
  static FrequencyState ofCounts(Map<String, Long> counts, int cap, int lgMapSize) {
    long total = 0;
    for (long c : counts.values()) {
      total += c;
    }
    if (counts.size() > cap) {
      ItemsSketch<String> sketch = new ItemsSketch<>(1 << lgMapSize);
      counts.forEach(sketch::update);
      return ofSketch(sketch, cap, lgMapSize);
    }
    return new FrequencyState(
        Collections.unmodifiableSortedMap(new TreeMap<>(counts)), null, total, cap, lgMapSize);
  }

  static FrequencyState ofSketch(ItemsSketch<String> sketch, int cap, int lgMapSize) {
    return new FrequencyState(
        null, sketch.toByteArray(SERDE), sketch.getStreamLength(), cap, lgMapSize);
  }

  /** Keeps {@code image} as given: re-serializing a sketch need not give the same bytes. */
  static FrequencyState fromSketchImage(byte[] image, int cap, int lgMapSize) {
    ItemsSketch<String> s = ItemsSketch.getInstance(Memory.wrap(image), SERDE);
    return new FrequencyState(null, image.clone(), s.getStreamLength(), cap, lgMapSize);
  }

  /** Whether counts are estimates (the distinct values passed the cap). */
  public boolean approximate() {
    return exact == null;
  }

  /** Non-null values counted. */
  public long total() {
    return total;
  }

  public int cap() {
    return cap;
  }

  public int lgMapSize() {
    return lgMapSize;
  }

  /** Bound on the error of any count; 0 in exact mode. */
  public long maxError() {
    return exact == null ? sketch().getMaximumError() : 0;
  }

  /** Exact counts, sorted by value; empty when approximate. */
  public SortedMap<String, Long> exactCounts() {
    return exact == null ? Collections.emptySortedMap() : exact;
  }

  /** Number of distinct values when exact; empty when approximate (use the HLL estimate). */
  public OptionalLong exactDistinct() {
    return exact == null ? OptionalLong.empty() : OptionalLong.of(exact.size());
  }

  byte[] sketchImage() {
    return sketchImage == null ? null : sketchImage.clone();
  }

  private ItemsSketch<String> sketch() {
    return ItemsSketch.getInstance(Memory.wrap(sketchImage), SERDE);
  }

  /**
   * The {@code n} most frequent values, by count then value. In approximate mode these are the
   * sketch's candidates with no false negatives among values above the error bound.
   */
  public List<ValueCount> top(int n) {
    List<ValueCount> all = new ArrayList<>();
    if (exact != null) {
      exact.forEach((v, c) -> all.add(new ValueCount(v, c, 0)));
    } else {
      ItemsSketch<String> s = sketch();
      long err = s.getMaximumError();
      for (ItemsSketch.Row<String> r : s.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
        all.add(new ValueCount(r.getItem(), r.getEstimate(), err));
      }
    }
    all.sort(
        Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  public FrequencyState merge(FrequencyState other) {
    if (other.total == 0 && other.exact != null) {
      return this;
    }
    if (total == 0 && exact != null) {
      return other;
    }
    int mergedCap = Math.min(cap, other.cap);
    int mergedLg = Math.min(lgMapSize, other.lgMapSize);
    if (exact != null && other.exact != null) {
      TreeMap<String, Long> sum = new TreeMap<>(exact);
      other.exact.forEach((v, c) -> sum.merge(v, c, Long::sum));
      return ofCounts(sum, mergedCap, mergedLg);
    }
    ItemsSketch<String> merged = new ItemsSketch<>(1 << mergedLg);
    feed(merged);
    other.feed(merged);
    return ofSketch(merged, mergedCap, mergedLg);
  }

  private void feed(ItemsSketch<String> target) {
    if (exact != null) {
      exact.forEach(target::update);
    } else {
      target.merge(sketch());
    }
  }

  @Override
  public StateKind kind() {
    return StateKind.FREQUENCIES;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrequencyState f
        && total == f.total
        && cap == f.cap
        && lgMapSize == f.lgMapSize
        && Objects.equals(exact, f.exact)
        && Arrays.equals(sketchImage, f.sketchImage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, Arrays.hashCode(sketchImage), total, cap, lgMapSize);
  }

  @Override
  public String toString() {
    return "FrequencyState[total="
        + total
        + (exact == null ? ", approximate" : ", distinct=" + exact.size())
        + "]";
  }
}
