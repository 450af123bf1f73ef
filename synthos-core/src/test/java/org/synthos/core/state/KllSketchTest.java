package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.SynthosException;

@Tag("unit")
class KllSketchTest {
  private static final QuantileSearchCriteria INCLUSIVE = QuantileSearchCriteria.INCLUSIVE;

  @Test
  void anUncompactedSketchAnswersExactlyAsDataSketchesDoes() {
    SplittableRandom random = new SplittableRandom(11);
    double[] values = new double[180];
    for (int i = 0; i < values.length; i++) {
      // ties and negative values
      values[i] = i % 3 == 0 ? random.nextInt(5) : random.nextGaussian() * 10;
    }
    QuantileState ours = QuantileState.of(sketch(values, 200, 1));
    KllDoublesSketch theirs = KllDoublesSketch.newHeapInstance(200);
    theirs.update(values, 0, values.length);
    assertThat(ours.isExact()).isTrue();
    double[] ranks = {0, 0.001, 0.01, 0.1, 0.25, 1 / 3.0, 0.5, 0.7, 0.99, 1};
    assertThat(ours.quantiles(ranks)).containsExactly(theirs.getQuantiles(ranks, INCLUSIVE));
    double[] points = {-30, -1, 0, 1, 2, 2.5, 4, 17};
    assertThat(ours.cdf(points)).containsExactly(theirs.getCDF(points, INCLUSIVE));
    assertThat(ours.pmf(points)).containsExactly(theirs.getPMF(points, INCLUSIVE));
    for (double x : values) {
      assertThat(ours.rank(x)).isEqualTo(theirs.getRank(x, INCLUSIVE));
    }
    assertThat(ours.retainedValues())
        .containsExactly(Arrays.stream(values).sorted().distinct().toArray());
  }

  @Test
  void aCompactedSketchKeepsTheExtremesAndItsRankErrorLikeDataSketches() {
    int k = 200;
    int n = 200_000;
    SplittableRandom random = new SplittableRandom(5);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() * random.nextDouble();
    }
    QuantileState ours = QuantileState.of(sketch(values, k, 9));
    KllDoublesSketch theirs = KllDoublesSketch.newHeapInstance(k);
    theirs.update(values, 0, n);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    assertThat(ours.isExact()).isFalse();
    assertThat(ours.count()).isEqualTo(n);
    assertThat(ours.quantile(0).getAsDouble()).isEqualTo(sorted[0]);
    assertThat(ours.quantile(1).getAsDouble()).isEqualTo(sorted[n - 1]);
    assertThat(ours.normalizedRankError()).isEqualTo(theirs.getNormalizedRankError(false));
    assertThat(ours.normalizedRankErrorAllRanks()).isEqualTo(theirs.getNormalizedRankError(true));
    // the same level layout retains the same number of items
    assertThat(ours.cumulativeWeights()).endsWith(n);
    assertThat(KllSketch.fromImage(ours.image()).retained()).isEqualTo(theirs.getNumRetained());
    double eps = ours.normalizedRankError();
    for (int i = 1; i < 100; i++) {
      double x = sorted[i * (n / 100)];
      double exact = KllSketchLawsTest.exactRank(sorted, x);
      assertThat(Math.abs(ours.rank(x) - exact)).isLessThan(eps);
      assertThat(Math.abs(theirs.getRank(x, INCLUSIVE) - exact)).isLessThan(eps);
    }
  }

  @Test
  void theSameSeedAndInputGiveTheSameBytesEvenOnConcurrentThreads() throws Exception {
    double[] values = new SplittableRandom(3).doubles(50_000).toArray();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> images = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        images.add(pool.submit(() -> foldInParts(values, 64).image()));
      }
      byte[] first = images.get(0).get();
      for (Future<byte[]> f : images) {
        assertThat(f.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sketch(values, 64, 1).toImage()).isNotEqualTo(sketch(values, 64, 2).toImage());
  }

  /** Four seeded parts merged left to right, as the profiler does. */
  private static QuantileState foldInParts(double[] values, int k) {
    QuantileState result = QuantileState.empty(k);
    for (int p = 0; p < 4; p++) {
      int from = p * values.length / 4;
      int to = (p + 1) * values.length / 4;
      KllSketch s = new KllSketch(k, p);
      s.update(values, from, to - from);
      result = result.merge(QuantileState.of(s));
    }
    return result;
  }

  @Test
  void hllAndFrequentItemsSketchesAreDeterministicGivenTheOrderOfUpdatesAndMerges()
      throws Exception {
    StateConfig config = StateConfig.defaults().withCategoryCap(50);
    Field field = new Field("c", ColumnType.CATEGORICAL);
    String[][] parts = new String[6][];
    SplittableRandom random = new SplittableRandom(8);
    for (int p = 0; p < parts.length; p++) {
      parts[p] = new String[5_000];
      for (int i = 0; i < parts[p].length; i++) {
        // skewed over 3000 categories, far above the cap, so the frequent-items sketch is used
        parts[p][i] = "v" + (int) (3000 * Math.pow(random.nextDouble(), 3));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<byte[]>>> runs = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        runs.add(
            pool.submit(
                () -> {
                  ColumnStates merged = ColumnStates.empty(field, config);
                  for (String[] part : parts) {
                    ColumnAccumulator acc = ColumnAccumulator.of(field, config);
                    acc.update(TestBatches.strings(part));
                    merged = merged.merge(acc.snapshot());
                  }
                  return List.of(
                      StateCodec.encode(merged.distinct()),
                      StateCodec.encode(merged.frequencies().orElseThrow()));
                }));
      }
      List<byte[]> first = runs.get(0).get();
      assertThat(((FrequencyState) StateCodec.decode(first.get(1))).approximate()).isTrue();
      for (Future<List<byte[]>> run : runs) {
        assertThat(run.get().get(0)).isEqualTo(first.get(0));
        assertThat(run.get().get(1)).isEqualTo(first.get(1));
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aDamagedImageIsACorruptFileNotACrash() {
    byte[] encoded = StateCodec.encode(QuantileState.of(sketch(new double[] {1, 2, 3}, 16, 0)));
    byte[] truncatedItems = Arrays.copyOf(encoded, encoded.length - 8);
    // keep the declared length consistent with the shorter payload
    int length = truncatedItems.length - 10;
    truncatedItems[6] = (byte) (length >>> 24);
    truncatedItems[7] = (byte) (length >>> 16);
    truncatedItems[8] = (byte) (length >>> 8);
    truncatedItems[9] = (byte) length;
    assertThatThrownBy(() -> StateCodec.decode(truncatedItems))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
              assertThat(e.getMessage()).contains("quantile sketch");
            });
  }

  @Test
  void emptySketchesOfOneSizeAreOneStateWhateverTheirSeed() {
    assertThat(QuantileState.of(new KllSketch(64, 42))).isEqualTo(QuantileState.empty(64));
    assertThat(QuantileState.empty(64).quantile(0.5)).isEmpty();
    assertThat(QuantileState.empty(64).rank(1)).isNaN();
    assertThatThrownBy(() -> QuantileState.empty(64).cdf(new double[] {1}))
        .isInstanceOf(IllegalStateException.class);
  }

  static KllSketch sketch(double[] values, int k, long seed) {
    KllSketch s = new KllSketch(k, seed);
    s.update(values, 0, values.length);
    return s;
  }
}
