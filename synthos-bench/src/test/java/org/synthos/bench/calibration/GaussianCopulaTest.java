package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.Column;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Mask;
import org.synthos.api.Schema;

@Tag("unit")
class GaussianCopulaTest {
  private static final int N = 4_000;

  /** x ~ N(0,1) with 5% missing, y = x + 0.3 noise, a label with a 2% rare category. */
  private static ColumnBatch data(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[N];
    double[] y = new double[N];
    String[] label = new String[N];
    boolean[] xNull = new boolean[N];
    for (int i = 0; i < N; i++) {
      x[i] = Normal.sample(r);
      y[i] = x[i] + 0.3 * Normal.sample(r);
      xNull[i] = r.nextDouble() < 0.05;
      double u = r.nextDouble();
      label[i] = u < 0.02 ? "rare" : u < 0.4 ? "b" : "a";
    }
    Schema schema =
        new Schema(
            List.of(
                new Field("x", ColumnType.FLOAT),
                new Field("y", ColumnType.FLOAT),
                new Field("label", ColumnType.CATEGORICAL)));
    return new ColumnBatch(
        schema,
        List.of(
            new Column.Doubles(x, N, Mask.of(xNull), Mask.none(N)),
            new Column.Doubles(y, N, Mask.none(N), Mask.none(N)),
            new Column.Strings(label, N, Mask.none(N), Mask.none(N))),
        0,
        N);
  }

  @Test
  void sampleKeepsMarginalsCorrelationAndOnlyFittedValues() {
    ColumnBatch data = data(1);
    ColumnBatch sample = GaussianCopula.fit(data, 2).sample(N, 3);

    Set<Double> fitted = new HashSet<>();
    for (double v : QualityBaseline.present(data.column(1))) {
      fitted.add(v);
    }
    for (double v : QualityBaseline.present(sample.column(1))) {
      assertThat(fitted).contains(v);
    }
    assertThat(sample.column(0).nulls().cardinality() / (double) N).isBetween(0.035, 0.065);
    assertThat(share(sample, "b")).isBetween(0.35, 0.41);
    assertThat(pearson(sample)).isBetween(0.9, 0.99);
  }

  @Test
  void sameSeedsGiveTheSameSample() {
    ColumnBatch data = data(4);
    ColumnBatch a = GaussianCopula.recursive(data, 2, 9);
    ColumnBatch b = GaussianCopula.recursive(data, 2, 9);
    assertThat(((Column.Doubles) a.column(0)).values())
        .containsExactly(((Column.Doubles) b.column(0)).values());
    assertThat(a.column(0).nulls()).isEqualTo(b.column(0).nulls());
    assertThat(((Column.Strings) a.column(2)).values())
        .containsExactly(((Column.Strings) b.column(2)).values());
  }

  @Test
  void recursionLosesDistinctValuesGenerationAfterGeneration() {
    ColumnBatch data = data(5);
    int previous = distinct(data);
    for (int g = 1; g <= 5; g++) {
      int now = distinct(GaussianCopula.recursive(data, g, 11));
      assertThat(now).as("generation " + g).isLessThan(previous);
      previous = now;
    }
  }

  private static int distinct(ColumnBatch b) {
    Set<Double> s = new HashSet<>();
    for (double v : QualityBaseline.present(b.column(1))) {
      s.add(v);
    }
    return s.size();
  }

  private static double share(ColumnBatch b, String label) {
    String[] v = ((Column.Strings) b.column(2)).values();
    return java.util.Arrays.stream(v).filter(label::equals).count() / (double) v.length;
  }

  private static double pearson(ColumnBatch b) {
    double[] x = ((Column.Doubles) b.column(0)).values();
    double[] y = ((Column.Doubles) b.column(1)).values();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    int n = 0;
    for (int i = 0; i < N; i++) {
      if (b.column(0).isNull(i)) {
        continue;
      }
      n++;
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    double cov = sxy / n - sx / n * sy / n;
    return cov / Math.sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
  }
}
