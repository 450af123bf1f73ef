package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * Merge laws of the project's KLL sketch: a merge of two folds is within the rank error of one fold
 * of both inputs (both measured against the exact ranks), the empty sketch is an exact identity on
 * either side, and the image round-trips exactly, including the generator state, so a decoded
 * sketch continues exactly as the original would.
 */
@Tag("laws")
class KllSketchLawsTest {
  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> spread = Arbitraries.doubles().between(-1e6, 1e6);
    Arbitrary<Double> ties = Arbitraries.integers().between(0, 20).map(i -> (double) i);
    return Arbitraries.oneOf(spread, ties).list().ofMaxSize(3000);
  }

  @Property(tries = 60)
  void mergeOfTwoFoldsIsWithinTheRankErrorOfOneFold(
      @ForAll("values") List<Double> a,
      @ForAll("values") List<Double> b,
      @ForAll @IntRange(min = 8, max = 64) int k) {
    QuantileState merged = fold(a, k, 1).merge(fold(b, k, 2));
    List<Double> both = new ArrayList<>(a);
    both.addAll(b);
    QuantileState single = fold(both, k, 1);
    assertThat(merged.count()).isEqualTo(single.count());
    if (both.isEmpty()) {
      assertThat(merged).isEqualTo(QuantileState.empty(k));
      return;
    }
    double[] sorted = both.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double eps = merged.normalizedRankError();
    assertThat(merged.quantile(0).getAsDouble()).isEqualTo(sorted[0]);
    assertThat(merged.quantile(1).getAsDouble()).isEqualTo(sorted[sorted.length - 1]);
    for (int i = 1; i < 20; i++) {
      double x = sorted[(int) ((long) i * (sorted.length - 1) / 20)];
      double exact = exactRank(sorted, x);
      assertThat(Math.abs(merged.rank(x) - exact)).as("merged rank at %s", x).isLessThan(eps);
      assertThat(Math.abs(single.rank(x) - exact)).as("single rank at %s", x).isLessThan(eps);
    }
  }

  @Property(tries = 40)
  void theEmptySketchIsAnExactIdentityOnEitherSide(
      @ForAll("values") List<Double> a, @ForAll @IntRange(min = 8, max = 64) int k) {
    QuantileState x = fold(a, k, 3);
    assertThat(QuantileState.empty(k).merge(x)).isEqualTo(x);
    assertThat(x.merge(QuantileState.empty(k))).isEqualTo(x);
    assertThat(Arrays.equals(x.merge(QuantileState.empty(k)).image(), x.image())).isTrue();
  }

  @Property(tries = 40)
  void theCodecRoundTripsExactlyAndADecodedSketchContinuesIdentically(
      @ForAll("values") List<Double> a,
      @ForAll("values") List<Double> more,
      @ForAll @IntRange(min = 8, max = 64) int k) {
    KllSketch original = sketch(a, k, 4);
    QuantileState state = QuantileState.of(original);
    State decoded = StateCodec.decode(StateCodec.encode(state));
    assertThat(decoded).isEqualTo(state);
    assertThat(((QuantileState) decoded).image()).isEqualTo(state.image());

    if (a.isEmpty()) {
      // every empty sketch has one image, so an empty one resumes from the zero generator state
      return;
    }
    KllSketch resumed = KllSketch.fromImage(state.image());
    double[] extra = array(more);
    original.update(extra, 0, extra.length);
    resumed.update(extra, 0, extra.length);
    assertThat(resumed.toImage()).isEqualTo(original.toImage());
  }

  @Property(tries = 30)
  void mergingIsAFunctionOfItsInputs(
      @ForAll("values") List<Double> a,
      @ForAll("values") List<Double> b,
      @ForAll @IntRange(min = 8, max = 64) int k) {
    QuantileState x = fold(a, k, 5);
    QuantileState y = fold(b, k, 6);
    assertThat(x.merge(y).image()).isEqualTo(fold(a, k, 5).merge(fold(b, k, 6)).image());
  }

  static double exactRank(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo / (double) sorted.length;
  }

  static KllSketch sketch(List<Double> values, int k, long seed) {
    KllSketch s = new KllSketch(k, seed);
    double[] v = array(values);
    s.update(v, 0, v.length);
    return s;
  }

  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static QuantileState fold(List<Double> values, int k, long seed) {
    return QuantileState.of(sketch(values, k, seed));
  }
}
