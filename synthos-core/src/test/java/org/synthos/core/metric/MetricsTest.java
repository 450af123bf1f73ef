package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.state.CountsState;
import org.synthos.core.state.FrequencyState;
import org.synthos.core.state.MomentsState;
import org.synthos.core.state.QuantileState;

@Tag("unit")
class MetricsTest {
  static double[] normal(Random r, int n, double mean, double sd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + sd * r.nextGaussian();
    }
    return v;
  }

  @Test
  void metricsSayWhyTheyCannotBeComputed() {
    assertThat(TwoSample.ks(new double[0], new double[] {1}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(TwoSample.ks(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(TwoSample.normalizedWasserstein(new double[] {2, 2}, new double[] {1}))
        .isEqualTo(
            new MetricValue.NotApplicable("the reference column is constant, so it has no spread"));
    MomentsState constant = Sketches.moments(new double[] {4, 4, 4});
    MomentsState other = Sketches.moments(new double[] {1, 5});
    assertThat(Fidelity.rangeCoverage(constant, other))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(Fidelity.rangeCoverage(MomentsState.EMPTY, other))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(Fidelity.missingValueSimilarity(CountsState.EMPTY, new CountsState(3, 1, 0)))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(Information.normalizedEntropy(new long[] {5, 0}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(Information.entropy(new long[] {0, 0}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(
            Information.cramersV(
                Sketches.table(
                    new String[] {"a", "b", "c", "d"}, new String[] {"x", "x", "y", "y"}, 3)))
        .isInstanceOfSatisfying(
            MetricValue.NotApplicable.class,
            n -> assertThat(n.reason()).contains("more than 3 categories"));
    assertThat(Information.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    FrequencyState empty = FrequencyState.empty(10, 4);
    assertThat(Fidelity.tvComplement(empty, Sketches.frequencies(new String[] {"a"})))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(
            SharedBins.numeric(
                constant,
                Sketches.of(new double[] {4, 4}, 200),
                Sketches.of(new double[] {1}, 200),
                10))
        .isEmpty();
  }

  @Test
  void identicalInputsScorePerfectly() {
    double[] v = {1, 2, 2, 3, 9};
    assertThat(TwoSample.ks(v, v.clone()).orElseThrow()).isZero();
    assertThat(TwoSample.wasserstein(v, v.clone()).orElseThrow()).isZero();
    assertThat(Fidelity.ksComplement(v, v.clone()).orElseThrow()).isEqualTo(1);
    String[] cats = {"a", "b", "b", null};
    assertThat(
            Fidelity.tvComplement(Sketches.frequencies(cats), Sketches.frequencies(cats))
                .orElseThrow())
        .isEqualTo(1);
    assertThat(
            Fidelity.categoryCoverage(Sketches.frequencies(cats), Sketches.frequencies(cats))
                .orElseThrow())
        .isEqualTo(1);
    assertThat(
            Fidelity.missingValueSimilarity(Sketches.counts(cats), Sketches.counts(cats))
                .orElseThrow())
        .isEqualTo(1);
    double[] p = {0.2, 0.3, 0.5};
    assertThat(Divergences.jensenShannon(p, p)).isZero();
    assertThat(Divergences.hellinger(p, p)).isZero();
    assertThat(Divergences.psi(p, p)).isZero();
  }

  @Test
  void disjointDistributionsScoreTheMaximum() {
    double[] p = {1, 0};
    double[] q = {0, 1};
    assertThat(Divergences.totalVariation(p, q)).isEqualTo(1);
    assertThat(Divergences.jensenShannon(p, q)).isCloseTo(1, within(1e-15));
    assertThat(Divergences.hellinger(p, q)).isCloseTo(1, within(1e-15));
  }

  @Test
  void giniCoefficientOfEqualAndConcentratedAmounts() {
    assertThat(Information.giniCoefficient(new double[] {5, 5, 5, 5}).orElseThrow())
        .isCloseTo(0, within(1e-15));
    assertThat(Information.giniCoefficient(new double[] {0, 0, 0, 10}).orElseThrow())
        .isCloseTo(0.75, within(1e-15));
    assertThat(Information.giniCoefficient(new double[] {-1, 2}))
        .isInstanceOf(MetricValue.NotApplicable.class);
    assertThat(Information.giniImpurity(new long[] {1, 1, 1, 1}).orElseThrow())
        .isCloseTo(0.75, within(1e-15));
  }

  @Test
  void ksNullBandHoldsAboutItsLevelUnderTheNull() {
    // 400 pairs of samples from one population: D exceeds the 95% limit about 5% of the time
    Random r = new Random(42);
    int over = 0;
    double sum = 0;
    for (int t = 0; t < 400; t++) {
      MetricValue.Value v =
          (MetricValue.Value) TwoSample.ks(normal(r, 300, 0, 1), normal(r, 200, 0, 1));
      NullBand band = v.nullBand().orElseThrow();
      if (band.worseThanNoise(v.value())) {
        over++;
      }
      sum += v.value();
    }
    assertThat(over / 400.0).isBetween(0.01, 0.09);
    NullBand band = NullBands.ks(300, 200, 0.95);
    // the asymptotic mean over-states small-sample D slightly; within 10%
    assertThat(sum / 400).isCloseTo(band.expected(), within(0.1 * band.expected()));
  }

  @Test
  void tvdNullBandMatchesSimulation() {
    double[] p = {0.5, 0.2, 0.15, 0.1, 0.05};
    NullBand analytic = NullBands.tvd(p, 2_000, 1_000, 0.95);
    NullBand resampled =
        NullBands.resampled(Divergences::totalVariation, p, 2_000, 1_000, true, 0.95, 2_000, 7);
    assertThat(analytic.expected())
        .isCloseTo(resampled.expected(), within(0.1 * resampled.expected()));
    assertThat(analytic.limit()).isCloseTo(resampled.limit(), within(0.15 * resampled.limit()));
    assertThat(resampled.method()).contains("seed 7");
    // seeded: the same call gives the same band
    assertThat(
            NullBands.resampled(Divergences::totalVariation, p, 2_000, 1_000, true, 0.95, 2_000, 7))
        .isEqualTo(resampled);
  }

  @Test
  void binomialDrawsHaveTheRightMeanAndSpread() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
    for (double p : new double[] {0.001, 0.03, 0.4, 0.9}) {
      long n = 5_000;
      double sum = 0;
      double sq = 0;
      int draws = 4_000;
      for (int i = 0; i < draws; i++) {
        long k = NullBands.binomial(rnd, n, p);
        sum += k;
        sq += (double) k * k;
      }
      double mean = sum / draws;
      double var = sq / draws - mean * mean;
      assertThat(mean)
          .as("p=" + p)
          .isCloseTo(n * p, within(4 * Math.sqrt(n * p * (1 - p) / draws) + 1e-9));
      assertThat(var)
          .as("p=" + p)
          .isCloseTo(n * p * (1 - p), within(0.15 * n * p * (1 - p) + 0.05));
    }
  }

  @Test
  void sketchKsAndWassersteinTrackTheExactValues() {
    Random r = new Random(3);
    double[] a = normal(r, 50_000, 0, 1);
    double[] b = normal(r, 40_000, 0.1, 1.1);
    QuantileState qa = Sketches.of(a, 200);
    QuantileState qb = Sketches.of(b, 200);
    MetricValue.Value sketch = (MetricValue.Value) TwoSample.ks(qa, qb);
    double exact = TwoSample.ks(a, b).orElseThrow();
    assertThat(sketch.error()).isGreaterThan(0);
    assertThat(sketch.value()).isCloseTo(exact, within(sketch.error()));
    MomentsState ma = Sketches.moments(a);
    MetricValue.Value w = (MetricValue.Value) TwoSample.normalizedWasserstein(ma, qa, qb);
    double exactW = TwoSample.normalizedWasserstein(a, b).orElseThrow();
    assertThat(w.value()).isCloseTo(exactW, within(0.02));
    assertThat(Math.abs(w.value() - exactW)).isLessThanOrEqualTo(w.error());
  }

  @Test
  void sharedBinsPutBothSidesOnTheReferenceEdges() {
    double[] ref = new double[100];
    double[] cand = new double[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = i; // 0..99
      cand[i] = i + 50; // half beyond the reference max
    }
    BinnedPair b =
        SharedBins.numeric(Sketches.moments(ref), Sketches.of(ref, 200), Sketches.of(cand, 200), 4)
            .orElseThrow();
    assertThat(b.labels()).hasSize(4);
    assertThat(b.reference()).containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(0.011));
    assertThat(b.candidate()[3]).isCloseTo(0.75, within(0.011));
    assertThat(b.rankError()).isZero();
    MetricValue tvd = Divergences.totalVariation(b, 0.95);
    assertThat(tvd.orElseThrow()).isCloseTo(0.5, within(0.02));
    assertThat(((MetricValue.Value) tvd).nullBand().orElseThrow().worseThanNoise(tvd.orElseThrow()))
        .isTrue();
  }

  @Test
  void correlationSimilarityBandFlagsOnlyRealDifferences() {
    Random r = new Random(9);
    org.synthos.core.state.CoMomentsState ref = coMoments(r, 5_000, 0.8);
    org.synthos.core.state.CoMomentsState same = coMoments(r, 5_000, 0.8);
    org.synthos.core.state.CoMomentsState weaker = coMoments(r, 5_000, 0.5);
    MetricValue.Value s1 = (MetricValue.Value) Fidelity.correlationSimilarity(ref, same);
    MetricValue.Value s2 = (MetricValue.Value) Fidelity.correlationSimilarity(ref, weaker);
    assertThat(s1.nullBand().orElseThrow().worseThanNoise(s1.value())).isFalse();
    assertThat(s2.nullBand().orElseThrow().worseThanNoise(s2.value())).isTrue();
    assertThat(s2.value()).isCloseTo(1 - 0.3 / 2, within(0.02));
  }

  static org.synthos.core.state.CoMomentsState coMoments(Random r, int n, double rho) {
    org.synthos.api.Schema schema =
        org.synthos.api.Schema.of(
            new org.synthos.api.Field("x", org.synthos.api.ColumnType.FLOAT),
            new org.synthos.api.Field("y", org.synthos.api.ColumnType.FLOAT));
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      y[i] = rho * x[i] + Math.sqrt(1 - rho * rho) * r.nextGaussian();
    }
    org.synthos.core.state.PairAccumulator acc =
        org.synthos.core.state.PairAccumulator.of(
            schema, org.synthos.core.state.StateConfig.defaults(), 2, 0);
    acc.update(
        org.synthos.core.state.TestBatches.batch(
            schema,
            0,
            org.synthos.core.state.TestBatches.doubles(x),
            org.synthos.core.state.TestBatches.doubles(y)));
    return acc.snapshot().coMoments().get(new org.synthos.core.state.ColumnPair(0, 1));
  }

  @Test
  void spearmanMatrixIsSymmetricWithAUnitDiagonal() {
    double[][] cols = {{1, 2, 3, 4}, {10, 30, 20, 40}, {4, 3, 2, 1}};
    MetricValue[][] m = Information.spearmanMatrix(cols);
    assertThat(m[0][0].orElseThrow()).isEqualTo(1);
    assertThat(m[0][2].orElseThrow()).isCloseTo(-1, within(1e-15));
    assertThat(m[1][0]).isEqualTo(m[0][1]);
    assertThat(m[0][1].orElseThrow()).isCloseTo(0.8, within(1e-15));
  }

  @Test
  void categoryCoverageBandExpectsRareCategoriesToBeMissed() {
    // reference: one common category and 50 singletons; a 100-row candidate sees few singletons
    String[] ref = new String[1050];
    for (int i = 0; i < 1000; i++) {
      ref[i] = "common";
    }
    for (int i = 0; i < 50; i++) {
      ref[1000 + i] = "rare" + i;
    }
    String[] cand = new String[100];
    java.util.Arrays.fill(cand, "common");
    cand[0] = "rare0";
    cand[1] = "rare1";
    MetricValue.Value v =
        (MetricValue.Value)
            Fidelity.categoryCoverage(Sketches.frequencies(ref), Sketches.frequencies(cand));
    assertThat(v.value()).isCloseTo(3 / 51.0, within(1e-15));
    NullBand band = v.nullBand().orElseThrow();
    // each rare category appears with probability 1 - (1 - 1/1050)^100, about 0.091
    double q = 1 - Math.pow(1 - 1 / 1050.0, 100);
    double p0 = 1 - Math.pow(1 - 1000 / 1050.0, 100);
    assertThat(band.expected()).isCloseTo((p0 + 50 * q) / 51, within(1e-12));
    assertThat(band.worseThanNoise(v.value())).isFalse();
    assertThat(band.worseThanNoise(1 / 51.0)).isTrue();
  }

  @Test
  void rangeCoverageBandExpectsSmallSamplesToMissTheExtremes() {
    Random r = new Random(5);
    double[] ref = new double[20_000];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = r.nextDouble();
    }
    double[] sample = new double[100];
    double[] narrow = new double[100];
    for (int i = 0; i < 100; i++) {
      sample[i] = r.nextDouble();
      narrow[i] = 0.25 + 0.5 * r.nextDouble();
    }
    MomentsState rm = Sketches.moments(ref);
    QuantileState rq = Sketches.of(ref, 2048);
    MetricValue.Value fair =
        (MetricValue.Value) Fidelity.rangeCoverage(rm, Sketches.moments(sample), rq);
    NullBand band = fair.nullBand().orElseThrow();
    // uniform: each expected gap is 1/(m + 1) of the range
    assertThat(band.expected()).isCloseTo(1 - 2 / 101.0, within(0.005));
    assertThat(band.worseThanNoise(fair.value())).isFalse();
    MetricValue.Value bad =
        (MetricValue.Value) Fidelity.rangeCoverage(rm, Sketches.moments(narrow), rq);
    assertThat(bad.value()).isCloseTo(0.5, within(0.02));
    assertThat(bad.nullBand().orElseThrow().worseThanNoise(bad.value())).isTrue();
  }
}
