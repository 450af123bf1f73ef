package org.synthos.core.assess.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Shuffle;

/** The index sorts give the order of a boxed stable sort by the same keys (ties by position). */
@Tag("unit")
class IndexSortTest {
  @Test
  void byValueIsTheStableOrderOfLessThan() {
    SplittableRandom r = new SplittableRandom(3);
    double[] odd = {
      -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE
    };
    for (int trial = 0; trial < 200; trial++) {
      // Both sorts: merges below IndexSort.RADIX_MIN indices, radix passes from there.
      int n = r.nextInt(trial % 4 == 0 ? 20_000 : 3_000);
      double[] v = new double[n + 5];
      for (int i = 0; i < v.length; i++) {
        v[i] =
            r.nextInt(10) == 0
                ? odd[r.nextInt(odd.length)]
                : (trial % 2 == 0 ? r.nextInt(7) - 3 : r.nextGaussian() * 1e6);
      }
      // A subset of the rows, in a shuffled order: the sort must keep that order among ties.
      int[] idx = IntStream.range(0, v.length).filter(i -> r.nextInt(4) > 0).toArray();
      Shuffle.inPlace(idx, r);
      Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
      // Object sorts are stable; -0.0 and 0.0 compare equal under '<', as here.
      Arrays.sort(boxed, (a, b) -> v[a] < v[b] ? -1 : v[b] < v[a] ? 1 : 0);
      IndexSort.byValue(idx, v);
      assertThat(idx).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void byKeyIsTheStableOrderOfTheKeys() {
    SplittableRandom r = new SplittableRandom(4);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(trial % 4 < 2 ? 20_000 : 3_000);
      long[] key = new long[n];
      long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 40};
      for (int i = 0; i < n; i++) {
        key[i] =
            r.nextInt(20) == 0
                ? extremes[r.nextInt(extremes.length)]
                : trial % 2 == 0 ? r.nextInt(5) - 2 : r.nextLong();
      }
      int[] idx = IntStream.range(0, n).toArray();
      Shuffle.inPlace(idx, r);
      Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
      Arrays.sort(boxed, Comparator.comparingLong(i -> key[i]));
      IndexSort.byKey(idx, key);
      assertThat(idx).containsExactly(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void sortKeysAndSortValuesGiveTheArraysOfArraysSort() {
    SplittableRandom r = new SplittableRandom(5);
    long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 40};
    double[] odd = {
      -0.0,
      0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MAX_VALUE
    };
    for (int trial = 0; trial < 40; trial++) {
      // Below and above IndexSort.ARRAY_RADIX_MIN; small ranges leave high bytes shared (skipped
      // passes).
      int n = r.nextInt(trial % 3 == 0 ? 3_000 : 3 * IndexSort.ARRAY_RADIX_MIN);
      long[] keys = new long[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        keys[i] =
            r.nextInt(20) == 0
                ? extremes[r.nextInt(extremes.length)]
                : trial % 2 == 0 ? r.nextInt(300) - 150 : r.nextLong();
        values[i] =
            r.nextInt(10) == 0
                ? odd[r.nextInt(odd.length)]
                : trial % 2 == 0 ? r.nextInt(7) - 3 : r.nextGaussian() * 1e6;
      }
      long[] expectedKeys = keys.clone();
      Arrays.sort(expectedKeys);
      IndexSort.sortKeys(keys);
      assertThat(keys).containsExactly(expectedKeys);
      double[] expectedValues = values.clone();
      Arrays.sort(expectedValues);
      IndexSort.sortValues(values);
      // Bit for bit: -0.0 and 0.0 in Arrays.sort's places.
      assertThat(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray())
          .containsExactly(
              Arrays.stream(expectedValues).mapToLong(Double::doubleToRawLongBits).toArray());
    }
    double[] withNaN = new double[2 * IndexSort.ARRAY_RADIX_MIN];
    for (int i = 0; i < withNaN.length; i++) {
      withNaN[i] = i % 97 == 0 ? Double.NaN : r.nextGaussian();
    }
    double[] expected = withNaN.clone();
    Arrays.sort(expected);
    IndexSort.sortValues(withNaN);
    assertThat(withNaN).containsExactly(expected);
  }

  @Test
  void firstSeenIdsAreTheIdsOfAMapFilledInOrder() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(3_000);
      long[] key = new long[n];
      for (int i = 0; i < n; i++) {
        key[i] = trial % 2 == 0 ? r.nextInt(40) - 20 : r.nextLong();
      }
      Map<Long, Integer> ids = new HashMap<>();
      int[] expected = new int[n];
      for (int i = 0; i < n; i++) {
        Integer g = ids.putIfAbsent(key[i], ids.size());
        expected[i] = g == null ? ids.size() - 1 : g;
      }
      assertThat(IndexSort.firstSeenIds(key)).containsExactly(expected);
    }
  }
}
