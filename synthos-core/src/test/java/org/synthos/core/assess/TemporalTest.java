package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.judge.Bands;
import org.synthos.core.assess.measure.Temporal;
import org.synthos.core.assess.pool.Pool;

/** Drift along order on sparse columns: segments with few values left out, conditional shuffles. */
@Tag("unit")
class TemporalTest {
  private static final int N = 1000;
  private static final int[] ORDER = IntStream.range(0, N).toArray();

  private static Pool.Var numbers(double[] v) {
    return new Pool.Var("x", ColumnType.FLOAT, true, false, v, null, null, null, 0);
  }

  @Test
  void valuesPresentOnlyLateWithoutDriftStayInsideTheBandAndSkipEmptySegments() {
    SplittableRandom r = new SplittableRandom(1);
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = i < 600 ? Double.NaN : r.nextGaussian();
    }
    Temporal.Drift d = Temporal.drift(numbers(v), ORDER, 20, new SplittableRandom(2));
    assertThat(d.skippedSegments()).isEqualTo(3);
    assertThat(d.statistic()).isLessThanOrEqualTo(Bands.of(d.nulls()).upper());
    assertThat(d.segmentDistances()[0]).isZero();
  }

  @Test
  void aLinearTrendIsDetected() {
    SplittableRandom r = new SplittableRandom(3);
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = r.nextGaussian() + 1.0 * (2.0 * i / (N - 1) - 1);
    }
    Temporal.Drift d = Temporal.drift(numbers(v), ORDER, 10, new SplittableRandom(4));
    assertThat(d.skippedSegments()).isZero();
    assertThat(d.statistic()).isGreaterThan(Bands.of(d.nulls()).upper());
  }

  @Test
  void fewerThanTwoSegmentsWithEnoughValuesMeasureNothing() {
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = i < N - Temporal.MIN_PRESENT_PER_SEGMENT - 100 ? Double.NaN : i;
    }
    Temporal.Drift d = Temporal.drift(numbers(v), ORDER, 10, new SplittableRandom(5));
    assertThat(d.statistic()).isNaN();
    assertThat(d.skippedSegments()).isEqualTo(Temporal.SEGMENTS - 1);
  }
}
