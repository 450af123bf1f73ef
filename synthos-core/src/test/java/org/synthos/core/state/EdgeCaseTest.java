package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;

/** Column states on awkward inputs: nothing, only nulls, constants, extremes, many categories. */
@Tag("unit")
class EdgeCaseTest {
  static ColumnStates fold(ColumnType type, Column... batches) {
    ColumnAccumulator acc = ColumnAccumulator.of(new Field("c", type), StateConfig.defaults());
    for (Column c : batches) {
      acc.update(c);
    }
    return acc.snapshot();
  }

  @Test
  void anEmptyColumnReportsNothing() {
    ColumnStates s = fold(ColumnType.FLOAT, TestBatches.doubles(new double[0]));
    assertThat(s.counts()).isEqualTo(CountsState.EMPTY);
    MomentsState m = s.moments().orElseThrow();
    assertThat(m.meanValue()).isEmpty();
    assertThat(m.sampleStandardDeviation()).isEmpty();
    assertThat(m.minValue()).isEmpty();
    assertThat(s.quantiles().orElseThrow().quantile(0.5)).isEmpty();
    assertThat(s.distinct().estimate()).isZero();
  }

  @Test
  void anAllNullColumnCountsItsNullsAndNothingElse() {
    ColumnStates s = fold(ColumnType.FLOAT, TestBatches.doubles(new Double[] {null, null, null}));
    assertThat(s.counts()).isEqualTo(new CountsState(3, 3, 0));
    assertThat(s.moments().orElseThrow().count()).isZero();
    assertThat(s.quantiles().orElseThrow().isEmpty()).isTrue();
    assertThat(s.distinct().estimate()).isZero();
  }

  @Test
  void invalidCellsAreCountedAsNullsAndAsInvalid() {
    Column.Strings c =
        TestBatches.stringsWithInvalid(
            new String[] {"a", "oops", null, "b"}, new boolean[] {false, true, false, false});
    ColumnStates s = fold(ColumnType.CATEGORICAL, c);
    assertThat(s.counts()).isEqualTo(new CountsState(4, 2, 1));
    assertThat(s.frequencies().orElseThrow().exactCounts()).containsOnlyKeys("a", "b");
  }

  @Test
  void aConstantColumnHasZeroSpreadAndNoShape() {
    double[] v = new double[1000];
    Arrays.fill(v, 7.25);
    MomentsState m = fold(ColumnType.FLOAT, TestBatches.doubles(v)).moments().orElseThrow();
    assertThat(m.meanValue().getAsDouble()).isEqualTo(7.25);
    assertThat(m.sampleStandardDeviation().getAsDouble()).isZero();
    assertThat(m.skewness()).isEmpty();
    assertThat(m.excessKurtosis()).isEmpty();
  }

  @Test
  void aSingleRowHasAMeanButNoStandardDeviation() {
    MomentsState m = fold(ColumnType.FLOAT, TestBatches.doubles(3.5)).moments().orElseThrow();
    assertThat(m.meanValue().getAsDouble()).isEqualTo(3.5);
    assertThat(m.sampleStandardDeviation()).isEmpty();
    assertThat(m.populationStandardDeviation().getAsDouble()).isZero();
  }

  @Test
  void nonFiniteValuesAreCountedAndKeptOutOfMomentsAndQuantiles() {
    ColumnStates s =
        fold(
            ColumnType.FLOAT,
            TestBatches.doubles(
                1, Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    MomentsState m = s.moments().orElseThrow();
    assertThat(m.count()).isEqualTo(2);
    assertThat(m.nanCount()).isEqualTo(1);
    assertThat(m.positiveInfinityCount()).isEqualTo(1);
    assertThat(m.negativeInfinityCount()).isEqualTo(1);
    assertThat(m.meanValue().getAsDouble()).isEqualTo(2);
    assertThat(s.quantiles().orElseThrow().count()).isEqualTo(2);
  }

  @Test
  void magnitudesNear1e300KeepFiniteMoments() {
    double[] v = {1e300, -1e300, 3e300, 5e299, -2e300};
    MomentsState m = fold(ColumnType.FLOAT, TestBatches.doubles(v)).moments().orElseThrow();
    assertThat(m.scale()).isPositive();
    double mean = Arrays.stream(v).map(x -> x / 1e300).sum() / v.length * 1e300;
    assertThat(m.meanValue().getAsDouble()).isCloseTo(mean, within(1e285));
    double ss = Arrays.stream(v).map(x -> (x - mean) / 1e300).map(d -> d * d).sum();
    double std = Math.sqrt(ss / (v.length - 1)) * 1e300;
    assertThat(m.sampleStandardDeviation().getAsDouble()).isCloseTo(std, within(std * 1e-12));
    assertThat(m.sampleVariance().getAsDouble()).isInfinite(); // beyond the double range
    assertThat(m.skewness()).isPresent();
    assertThat(Double.isFinite(m.skewness().getAsDouble())).isTrue();
    assertThat(Double.isFinite(m.excessKurtosis().getAsDouble())).isTrue();
    // merging a small-scale state with a huge one keeps both parts
    MomentsState small =
        fold(ColumnType.FLOAT, TestBatches.doubles(1, 2, 3)).moments().orElseThrow();
    MomentsState merged = small.merge(m);
    assertThat(merged.count()).isEqualTo(8);
    assertThat(merged.min()).isEqualTo(-2e300);
  }

  @Test
  void aMillionCategoriesSwitchToAnApproximateSketchWithBoundedMemory() {
    int n = 1_000_000;
    FrequencyAccumulator acc = new FrequencyAccumulator(10_000, 14);
    String[] batch = new String[10_000];
    for (int from = 0; from < n; from += batch.length) {
      for (int i = 0; i < batch.length; i++) {
        int k = from + i;
        // one heavy hitter among a million singletons
        batch[i] = k % 10 == 0 ? "hot" : "v" + k;
      }
      acc.add(batch, batch.length, Mask.none(batch.length));
    }
    FrequencyState f = acc.snapshot();
    assertThat(f.approximate()).isTrue();
    assertThat(f.total()).isEqualTo(n);
    assertThat(f.exactDistinct()).isEmpty();
    ValueCount top = f.top(1).get(0);
    assertThat(top.value()).isEqualTo("hot");
    assertThat(Math.abs(top.count() - n / 10)).isLessThanOrEqualTo(f.maxError());
    assertThat(f.maxError()).isLessThan(n / 100);
  }

  @Test
  void heavyTiesGiveExactQuantilesAndDistinctCounts() {
    long[] v = new long[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 3;
    }
    ColumnStates s = fold(ColumnType.INTEGER, TestBatches.longs(v));
    QuantileState q = s.quantiles().orElseThrow();
    assertThat(q.quantile(0.5).getAsDouble()).isEqualTo(1);
    assertThat(q.quantile(0.0).getAsDouble()).isEqualTo(0);
    assertThat(q.quantile(1.0).getAsDouble()).isEqualTo(2);
    assertThat(s.distinct().estimate()).isCloseTo(3, within(1e-6));
  }

  @Test
  void emptyStringsAreCountedAsDistinctValues() {
    ColumnStates s = fold(ColumnType.CATEGORICAL, TestBatches.strings("", "", "a"));
    assertThat(s.distinct().estimate()).isCloseTo(2, within(1e-6));
    assertThat(s.frequencies().orElseThrow().exactCounts()).containsEntry("", 2L);
  }

  @Test
  void datetimeGranularityIsTheFinestUnitPresent() {
    long day = Granularity.DAY.micros();
    assertThat(Granularity.of(3 * day)).isEqualTo(Granularity.DAY);
    assertThat(Granularity.of(-3 * day)).isEqualTo(Granularity.DAY);
    assertThat(Granularity.of(3 * day + 3_600_000_000L)).isEqualTo(Granularity.HOUR);
    assertThat(Granularity.of(-1)).isEqualTo(Granularity.MICROSECOND);
    assertThat(Granularity.of(5_000)).isEqualTo(Granularity.MILLISECOND);
    ColumnStates s =
        fold(ColumnType.DATETIME, TestBatches.longs(day, 2 * day, 2 * day + 60_000_000L));
    DatetimeState d = s.datetime().orElseThrow();
    assertThat(d.finestUnit()).contains(Granularity.MINUTE);
    assertThat(d.min().orElseThrow()).isEqualTo(java.time.Instant.parse("1970-01-02T00:00:00Z"));
    assertThat(d.max().orElseThrow()).isEqualTo(java.time.Instant.parse("1970-01-03T00:01:00Z"));
    assertThat(DatetimeState.EMPTY.finestUnit()).isEmpty();
  }

  @Test
  void pairTablesOverflowInsteadOfGrowingPastTheCap() {
    org.synthos.api.Schema schema =
        org.synthos.api.Schema.of(
            new Field("a", ColumnType.CATEGORICAL), new Field("b", ColumnType.CATEGORICAL));
    PairAccumulator acc =
        PairAccumulator.of(schema, StateConfig.defaults().withPairCategoryCap(3), 5, 5);
    acc.update(
        TestBatches.batch(
            schema,
            0,
            TestBatches.strings("a", "b", "c", "d"),
            TestBatches.strings("x", "x", "y", null)));
    ContingencyState t = acc.snapshot().contingency().get(new ColumnPair(0, 1));
    assertThat(t.overflowed()).isTrue();
    assertThat(t.total()).isEqualTo(4);
    assertThat(t.cells()).isEmpty();
  }
}
