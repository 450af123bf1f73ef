package org.synthos.core.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.rows.RowSampleState;
import org.synthos.core.rows.Tables;

@Tag("unit")
class MultivariateMetricsTest {
  private static final NullBandOptions BANDS = new NullBandOptions(3, 1000, 5);

  private static double value(MultivariateValue v) {
    assertThat(v).isInstanceOf(MultivariateValue.Measured.class);
    return ((MultivariateValue.Measured) v).value();
  }

  private static NullBand band(MultivariateValue v) {
    return ((MultivariateValue.Measured) v).nullBand();
  }

  private static EncodedSample gaussian(int n, int d, double scale, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] m = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[i][j] = scale * KnnBenchmark.gaussian(r) + (j == 0 ? shift : 0);
      }
    }
    return EncodedSample.of(m);
  }

  @Test
  void blockedDistancesEqualBruteForceForAnyWidth() {
    for (int d = 1; d <= 11; d += 5) {
      EncodedSample q = gaussian(70, d, 1, 0, d);
      EncodedSample ref = gaussian(Distances.BLOCK + 90, d, 1, 0, 100 + d);
      double[] kth = Distances.kthSquared(q, ref, 3, false);
      double[] self = Distances.kthSquared(ref, ref, 2, true);
      double[] nearest = new double[q.rows()];
      int[] at = new int[q.rows()];
      Distances.nearest(q, ref, nearest, at);
      for (int i = 0; i < q.rows(); i++) {
        double[] all = new double[ref.rows()];
        for (int j = 0; j < ref.rows(); j++) {
          all[j] = squared(q, i, ref, j);
        }
        double[] sorted = all.clone();
        java.util.Arrays.sort(sorted);
        assertThat(kth[i]).isCloseTo(sorted[2], within(1e-9));
        assertThat(nearest[i]).isCloseTo(sorted[0], within(1e-9));
        assertThat(all[at[i]]).isCloseTo(sorted[0], within(1e-9));
      }
      for (int i = 0; i < 50; i++) {
        double[] others = new double[ref.rows() - 1];
        int k = 0;
        for (int j = 0; j < ref.rows(); j++) {
          if (j != i) {
            others[k++] = squared(ref, i, ref, j);
          }
        }
        java.util.Arrays.sort(others);
        assertThat(self[i]).isCloseTo(others[1], within(1e-9));
      }
    }
  }

  private static double squared(EncodedSample a, int i, EncodedSample b, int j) {
    double s = 0;
    for (int t = 0; t < a.dims(); t++) {
      double diff = a.get(i, t) - b.get(j, t);
      s += diff * diff;
    }
    return s;
  }

  @Test
  void sameLawSamplesLieInsideTheirNullBands() {
    EncodedSample real = gaussian(1200, 4, 1, 0, 1);
    EncodedSample same = gaussian(600, 4, 1, 0, 2);
    PrdcResult prdc = Prdc.compute(real, same, 5, BANDS);
    assertThat(value(prdc.precision())).isBetween(0.9, 1.0);
    // Naeem et al.: for equal laws E[coverage] = 1 - (N / (N + M))^k = 1 - (2/3)^5 here.
    assertThat(value(prdc.coverage())).isCloseTo(1 - Math.pow(2.0 / 3, 5), within(0.04));
    assertThat(band(prdc.density()).expected()).isCloseTo(1.0, within(0.2));
    DetectionResult detection = DetectionTest.compute(real, same, DetectionOptions.defaults());
    assertThat(band(detection.auc()).contains(value(detection.auc()))).isTrue();
    DcrResult dcr = DistanceToClosestRecord.compute(real, same, 0.5, 3, 5);
    assertThat(band(dcr.shareCloserThanHoldout()).contains(value(dcr.shareCloserThanHoldout())))
        .isTrue();
  }

  @Test
  void degradedSamplesFallOutsideTheirNullBands() {
    EncodedSample real = gaussian(1200, 4, 1, 0, 1);
    EncodedSample collapsed = gaussian(600, 4, 0.3, 0, 2);
    PrdcResult prdc = Prdc.compute(real, collapsed, 5, BANDS);
    assertThat(value(prdc.recall())).isLessThan(band(prdc.recall()).low());
    assertThat(value(prdc.coverage())).isLessThan(band(prdc.coverage()).low());
    AlphaPrecisionResult ap = AlphaPrecision.compute(real, collapsed, BANDS);
    assertThat(value(ap.alphaPrecision())).isLessThan(band(ap.alphaPrecision()).low());

    EncodedSample shifted = gaussian(600, 4, 1, 2.0, 2);
    DetectionResult detection = DetectionTest.compute(real, shifted, DetectionOptions.defaults());
    assertThat(value(detection.auc())).isGreaterThan(0.85);
    assertThat(detection.foldAucs()).hasSize(3);

    // A generator that copies training rows: the copies sit at distance 0.
    EncodedSample copies = real.select(java.util.stream.IntStream.range(0, 600).toArray());
    DcrResult dcr = DistanceToClosestRecord.compute(real, copies, 0.5, 3, 5);
    assertThat(value(dcr.shareCloserThanHoldout())).isGreaterThan(0.4);
    assertThat(dcr.details().orElseThrow().exactCopies()).isGreaterThan(250);
    assertThat(dcr.details().orElseThrow().closestDcr()).containsOnly(0.0);
  }

  @Test
  void resultsAreDeterministic() {
    EncodedSample real = gaussian(400, 3, 1, 0, 1);
    EncodedSample cand = gaussian(300, 3, 1, 0.3, 2);
    assertThat(DetectionTest.compute(real, cand, DetectionOptions.defaults()))
        .isEqualTo(DetectionTest.compute(real, cand, DetectionOptions.defaults()));
    assertThat(Prdc.compute(real, cand, 5, BANDS)).isEqualTo(Prdc.compute(real, cand, 5, BANDS));
    assertThat(AlphaPrecision.compute(real, cand, BANDS))
        .isEqualTo(AlphaPrecision.compute(real, cand, BANDS));
  }

  @Test
  void tooFewRowsOrNoFeaturesAreNotApplicable() {
    EncodedSample real = gaussian(100, 3, 1, 0, 1);
    EncodedSample single = gaussian(1, 3, 1, 0, 2);
    EncodedSample empty = EncodedSample.of(new double[0][]);
    EncodedSample noFeatures = new EncodedSample(5, 0, new double[0], List.of(), new long[5]);
    assertThat(Prdc.compute(real, single, 5, BANDS).precision())
        .isInstanceOfSatisfying(
            MultivariateValue.NotApplicable.class,
            na -> assertThat(na.reason()).contains("at least 6 candidate rows, got 1"));
    assertThat(Prdc.compute(single, real, 5, BANDS).coverage())
        .isInstanceOf(MultivariateValue.NotApplicable.class);
    assertThat(Prdc.compute(noFeatures, noFeatures, 1, BANDS).recall())
        .isInstanceOfSatisfying(
            MultivariateValue.NotApplicable.class,
            na -> assertThat(na.reason()).contains("no numeric or categorical columns"));
    assertThat(AlphaPrecision.compute(real, empty, BANDS).betaRecall())
        .isInstanceOf(MultivariateValue.NotApplicable.class);
    assertThat(DistanceToClosestRecord.compute(gaussian(30, 3, 1, 0, 1), real, 0.5, 1, 3))
        .satisfies(
            r -> {
              assertThat(r.shareCloserThanHoldout())
                  .isInstanceOf(MultivariateValue.NotApplicable.class);
              assertThat(r.details()).isEmpty();
            });
    assertThat(DetectionTest.compute(real, single, DetectionOptions.defaults()).auc())
        .isInstanceOf(MultivariateValue.NotApplicable.class);
  }

  @Test
  void constantColumnsAreHandledHonestly() {
    double[][] constant = new double[50][3];
    EncodedSample c = EncodedSample.of(constant);
    assertThat(Prdc.compute(c, c, 5, BANDS).precision())
        .isInstanceOfSatisfying(
            MultivariateValue.NotApplicable.class,
            na -> assertThat(na.reason()).contains("identical neighbours"));
    DetectionResult d = DetectionTest.compute(c, c, DetectionOptions.defaults());
    assertThat(value(d.auc())).isEqualTo(0.5);
  }

  private static Schema encodingSchema() {
    return Schema.of(
        new Field("age", ColumnType.INTEGER),
        new Field("score", ColumnType.FLOAT),
        new Field("city", ColumnType.CATEGORICAL),
        new Field("note", ColumnType.TEXT),
        new Field("flag", ColumnType.BOOLEAN),
        new Field("constant", ColumnType.FLOAT));
  }

  private static RowSampleState sampleOf(List<Object[]> rows) {
    Schema schema = encodingSchema();
    return Tables.fold(
        RowSampleState.newAccumulator(schema, 1, 10_000), schema, rows, 0, rows.size(), 16);
  }

  @Test
  void encodingStandardisesWithTheReferenceAndOneHotsTopCategories() {
    List<Object[]> ref = new ArrayList<>();
    String[] cities = {"Paris", "Paris", "Paris", "Lyon", "Lyon", "Nice", "Brest", null};
    for (int i = 0; i < 40; i++) {
      ref.add(
          new Object[] {
            (long) i,
            i % 10 == 0 ? (Object) Double.NaN : (Object) (i * 0.5),
            cities[i % cities.length],
            "text " + i,
            i % 2 == 0,
            3.0
          });
    }
    RowSampleState reference = sampleOf(ref);
    SampleEncoding encoding = SampleEncoding.fit(reference, 2);
    assertThat(encoding.skippedColumns()).containsExactly("note");
    assertThat(encoding.features())
        .containsExactly(
            "age",
            "age:null",
            "score",
            "score:null",
            "city=Paris",
            "city=Lyon",
            "city:other",
            "city:null",
            "flag",
            "flag:null",
            "constant",
            "constant:null");
    EncodedSample x = encoding.encode(reference);
    assertThat(x.rows()).isEqualTo(40);
    // Reference ages become z-scores: mean 0, sample sd 1.
    double mean = 0;
    double ss = 0;
    for (int r = 0; r < x.rows(); r++) {
      mean += x.get(r, 0);
    }
    mean /= x.rows();
    for (int r = 0; r < x.rows(); r++) {
      ss += (x.get(r, 0) - mean) * (x.get(r, 0) - mean);
    }
    assertThat(mean).isCloseTo(0, within(1e-12));
    assertThat(Math.sqrt(ss / (x.rows() - 1))).isCloseTo(1, within(1e-12));
    for (int r = 0; r < x.rows(); r++) {
      long row = x.rowIndex()[r];
      boolean nan = row % 10 == 0;
      assertThat(x.get(r, 3)).isEqualTo(nan ? 1.0 : 0.0);
      if (nan) {
        assertThat(x.get(r, 2)).isEqualTo(0.0);
      }
      String city = cities[(int) (row % cities.length)];
      double[] oneHot = {x.get(r, 4), x.get(r, 5), x.get(r, 6), x.get(r, 7)};
      double[] expected =
          city == null
              ? new double[] {0, 0, 0, 1}
              : city.equals("Paris")
                  ? new double[] {1, 0, 0, 0}
                  : city.equals("Lyon") ? new double[] {0, 1, 0, 0} : new double[] {0, 0, 1, 0};
      assertThat(oneHot).containsExactly(expected);
      assertThat(x.get(r, 10)).isEqualTo(0.0); // a constant column is only centred
    }

    // A candidate is encoded with the reference's statistics, not its own.
    List<Object[]> cand = new ArrayList<>();
    cand.add(new Object[] {1000L, 0.0, "Tokyo", null, null, 3.0});
    EncodedSample y = encoding.encode(sampleOf(cand));
    assertThat(y.get(0, 0)).isGreaterThan(50);
    assertThat(y.get(0, 6)).isEqualTo(1.0);
    assertThat(y.get(0, 9)).isEqualTo(1.0);
  }

  @Test
  void assessmentRunsEveryMetricOnEncodedSamples() {
    List<Object[]> ref = new ArrayList<>();
    List<Object[]> cand = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(4);
    String[] cities = {"Paris", "Lyon", "Nice"};
    for (int i = 0; i < 300; i++) {
      ref.add(
          new Object[] {
            (long) r.nextInt(80), r.nextDouble(), cities[r.nextInt(3)], "t", r.nextBoolean(), 1.0
          });
      cand.add(
          new Object[] {
            (long) r.nextInt(80), r.nextDouble(), cities[r.nextInt(3)], "t", r.nextBoolean(), 1.0
          });
    }
    MultivariateAssessment a =
        MultivariateAssessment.of(
            sampleOf(ref), sampleOf(cand), MultivariateAssessment.Options.defaults());
    assertThat(a.encoding().skippedColumns()).containsExactly("note");
    assertThat(band(a.prdc().precision()).contains(value(a.prdc().precision()))).isTrue();
    assertThat(band(a.detection().auc()).contains(value(a.detection().auc()))).isTrue();
    assertThat(value(a.alphaPrecision().alphaPrecision())).isGreaterThan(0.5);
    assertThat(a.dcr().details()).isPresent();
  }

  @Test
  void encodingRejectsASampleWithoutTheColumns() {
    List<Object[]> ref = new ArrayList<>();
    ref.add(new Object[] {1L, 1.0, "a", "t", true, 3.0});
    SampleEncoding encoding = SampleEncoding.fit(sampleOf(ref), 5);
    Schema other = Schema.of(new Field("age", ColumnType.INTEGER));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1L});
    RowSampleState sample =
        Tables.fold(RowSampleState.newAccumulator(other, 1, 10), other, rows, 0, 1, 1);
    assertThatThrownBy(() -> encoding.encode(sample))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
        .hasMessageContaining("'score'");
  }
}
