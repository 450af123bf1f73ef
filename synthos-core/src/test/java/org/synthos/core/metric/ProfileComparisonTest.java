package org.synthos.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnBatch;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.profile.DatasetProfile;
import org.synthos.core.profile.ProfileOptions;
import org.synthos.core.profile.Profiler;
import org.synthos.core.state.TestBatches;

@Tag("unit")
class ProfileComparisonTest {
  static final Schema SCHEMA =
      Schema.of(
          new Field("x", ColumnType.FLOAT),
          new Field("y", ColumnType.FLOAT),
          new Field("cat", ColumnType.CATEGORICAL),
          new Field("id", ColumnType.IDENTIFIER));

  /** x ~ N(0, sd), y = rho x + noise, cat depends on the sign of x. */
  static DatasetProfile profile(long seed, int rows, double sd, double rho) {
    Random r = new Random(seed);
    List<ColumnBatch> batches = new ArrayList<>();
    for (int from = 0; from < rows; from += 1000) {
      int n = Math.min(1000, rows - from);
      double[] x = new double[n];
      double[] y = new double[n];
      String[] c = new String[n];
      String[] id = new String[n];
      for (int i = 0; i < n; i++) {
        x[i] = sd * r.nextGaussian();
        y[i] = rho * x[i] / sd + Math.sqrt(1 - rho * rho) * r.nextGaussian();
        c[i] = x[i] > 0 ? (r.nextInt(4) == 0 ? "b" : "a") : (r.nextInt(3) == 0 ? "c" : "b");
        id[i] = Long.toString(seed * 1_000_000 + from + i);
      }
      batches.add(
          TestBatches.batch(
              SCHEMA,
              from,
              TestBatches.doubles(x),
              TestBatches.doubles(y),
              TestBatches.strings(c),
              TestBatches.strings(id)));
    }
    return Profiler.profile(SCHEMA, batches.iterator(), ProfileOptions.defaults().withThreads(1));
  }

  static long worse(List<ProfileComparison.ColumnComparison> cols) {
    return cols.stream()
        .flatMap(c -> c.metrics().values().stream())
        .filter(
            v ->
                v instanceof MetricValue.Value val
                    && val.nullBand().map(b -> b.worseThanNoise(val.value())).orElse(false))
        .count();
  }

  @Test
  void aFreshSampleOfTheSamePopulationIsWithinNoiseAndADistortedOneIsNot() {
    DatasetProfile ref = profile(1, 20_000, 1, 0.7);
    DatasetProfile same = profile(2, 10_000, 1, 0.7);
    DatasetProfile collapsed = profile(3, 10_000, 0.6, 0.2);
    var opts = ProfileComparison.Options.defaults();
    List<ProfileComparison.ColumnComparison> good = ProfileComparison.columns(ref, same, opts);
    List<ProfileComparison.ColumnComparison> bad = ProfileComparison.columns(ref, collapsed, opts);
    assertThat(good)
        .extracting(ProfileComparison.ColumnComparison::column)
        .containsExactly("x", "y", "cat", "id");
    assertThat(good.get(0).metrics())
        .containsKeys(
            "ks_complement",
            "range_coverage",
            "wasserstein_normalized",
            "tvd",
            "jensen_shannon",
            "hellinger",
            "psi",
            "missing_value_similarity");
    assertThat(good.get(2).metrics()).containsKeys("tv_complement", "category_coverage", "tvd");
    assertThat(good.get(3).metrics()).containsOnlyKeys("missing_value_similarity");
    // 95% one-sided bands on ~20 correlated values: a few false alarms are expected
    assertThat(worse(good)).isLessThanOrEqualTo(4);
    // only x's marginal changes (y and cat keep theirs): KS, range coverage and the four binned
    // distances of x all flag it
    assertThat(worse(bad.subList(0, 1))).isEqualTo(6);
    MetricValue.Value ks = (MetricValue.Value) bad.get(0).metrics().get("ks_complement");
    assertThat(ks.nullBand().orElseThrow().worseThanNoise(ks.value())).isTrue();
    MetricValue.Value ksGood = (MetricValue.Value) good.get(0).metrics().get("ks_complement");
    assertThat(ksGood.nullBand().orElseThrow().worseThanNoise(ksGood.value())).isFalse();

    var pairsGood = ProfileComparison.pairs(ref, same);
    var pairsBad = ProfileComparison.pairs(ref, collapsed);
    assertThat(pairsGood)
        .extracting(p -> p.first() + "~" + p.second())
        .containsExactlyInAnyOrder("x~y", "x~cat", "y~cat");
    MetricValue.Value corrBad =
        (MetricValue.Value)
            pairsBad.stream()
                .filter(p -> p.second().equals("y"))
                .findFirst()
                .orElseThrow()
                .metrics()
                .get("correlation_similarity");
    assertThat(corrBad.nullBand().orElseThrow().worseThanNoise(corrBad.value())).isTrue();
    assertThat(ProfileComparison.correlationMatrixDifference(ref, collapsed).orElseThrow())
        .isGreaterThan(0.4);
    assertThat(ProfileComparison.correlationMatrixDifference(ref, same).orElseThrow())
        .isLessThan(0.05);
  }

  @Test
  void missingOrRetypedColumnsAreReportedNotGuessed() {
    DatasetProfile ref = profile(1, 500, 1, 0.5);
    Schema other = Schema.of(new Field("x", ColumnType.INTEGER));
    DatasetProfile cand =
        Profiler.profile(
            other,
            List.of(TestBatches.batch(other, 0, TestBatches.longs(1, 2, 3))).iterator(),
            ProfileOptions.defaults());
    var cols = ProfileComparison.columns(ref, cand, ProfileComparison.Options.defaults());
    assertThat(cols.get(0).metrics().get("column"))
        .isEqualTo(
            new MetricValue.NotApplicable(
                "the column is float in the reference but integer in the candidate"));
    assertThat(cols.get(1).metrics().get("column"))
        .isEqualTo(new MetricValue.NotApplicable("the candidate has no column 'y'"));
    assertThat(ProfileComparison.pairs(ref, cand)).isEmpty();
  }
}
