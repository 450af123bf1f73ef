package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.BucketPairs;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.PairBuckets;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.metric.Golden;

/**
 * The pairwise measures judged over every row, from the pass's pair states ({@link PairBuckets},
 * {@link BucketPairs}), against the same fixtures as over held rows: {@code
 * tools/golden/verdict_measures.py} (Pearson r and Cramér's V of each side and their gap; the
 * rare-combination deficit) and {@code tools/golden/association.py} (Cramér's V, scipy's {@code
 * contingency.association}). A pair of a number with a category keeps no state (its quintiles are
 * known only after the pass), so those cases are left to the held rows.
 */
@Tag("golden")
class PairStatesGoldenTest {
  private static final double EXACT = 1e-12;

  @Test
  void pairStatesGiveTheFixturesPairMeasures() {
    int checked = 0;
    for (Map<String, Object> c : VerdictMeasuresGoldenTest.cases("verdict_measures", "pair")) {
      Buckets cand =
          VerdictMeasuresGoldenTest.buckets(VerdictMeasuresGoldenTest.side(c, "candidate"), "c");
      Buckets ref =
          VerdictMeasuresGoldenTest.buckets(VerdictMeasuresGoldenTest.side(c, "reference"), "r");
      BucketPairs.Moments m = BucketPairs.Moments.of(cand.pairs(), ref.pairs(), "x", "y");
      BucketPairs.Table t = BucketPairs.Table.of(cand.pairs(), ref.pairs(), "x", "y");
      if (c.get("numeric") instanceof List<?> numeric && numeric.size() == 1) {
        assertThat(m).isNull();
        assertThat(t).isNull();
        continue;
      }
      for (Map.Entry<String, Object> e : Golden.map(c, "expected").entrySet()) {
        double actual =
            switch (e.getKey()) {
              case "association_candidate" ->
                  m != null ? m.association(null, true) : t.association(null, true);
              case "association_reference" ->
                  m != null ? m.association(null, false) : t.association(null, false);
              case "association_gap" -> m != null ? m.gap(null) : t.gap(null);
              default -> throw new IllegalArgumentException(e.getKey());
            };
        VerdictMeasuresGoldenTest.check(
            c.get("name") + ": " + e.getKey(), actual, e.getValue(), EXACT);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void combinationCountsGiveScipysCramersV() {
    List<Map<String, Object>> cases = Golden.cases("association");
    for (Map<String, Object> c : cases) {
      Batches side = VerdictMeasuresGoldenTest.codes(c);
      Buckets cand = VerdictMeasuresGoldenTest.buckets(side, "c");
      Buckets ref = VerdictMeasuresGoldenTest.buckets(side, "r");
      BucketPairs.Table t = BucketPairs.Table.of(cand.pairs(), ref.pairs(), "x", "y");
      VerdictMeasuresGoldenTest.check(
          (String) c.get("name"),
          t.association(null, true),
          Golden.map(c, "expected").get("cramers_v"),
          EXACT);
    }
    assertThat(cases).hasSize(4);
  }

  @Test
  void combinationCountsGiveTheRareCombinationDeficit() {
    List<Map<String, Object>> cases =
        VerdictMeasuresGoldenTest.cases("verdict_measures", "rare_combinations");
    for (Map<String, Object> c : cases) {
      Batches candSide = VerdictMeasuresGoldenTest.side(c, "candidate");
      Batches refSide = VerdictMeasuresGoldenTest.side(c, "reference");
      Pool d = VerdictMeasuresGoldenTest.pool(candSide, refSide);
      Buckets cand = VerdictMeasuresGoldenTest.buckets(candSide, "c");
      Buckets ref = VerdictMeasuresGoldenTest.buckets(refSide, "r");
      List<Pool.Var> categorical = d.vars.stream().filter(v -> !v.numeric).toList();
      List<BucketPairs.Table> tables = new ArrayList<>();
      for (int a = 0; a < categorical.size(); a++) {
        for (int b = a + 1; b < categorical.size(); b++) {
          tables.add(
              BucketPairs.Table.of(
                  cand.pairs(), ref.pairs(), categorical.get(a).name, categorical.get(b).name));
        }
      }
      long[] rows = Arrays.copyOf(cand.rows(), 2 * Buckets.COUNT);
      System.arraycopy(ref.rows(), 0, rows, Buckets.COUNT, Buckets.COUNT);
      long[] weights = BucketPairs.rareWeights(tables, Arrays.stream(rows).sum());
      VerdictMeasuresGoldenTest.check(
          (String) c.get("name"),
          BucketPairs.rareCombinationDeficit(weights, rows, null),
          Golden.map(c, "expected").get("rare_combination_deficit"),
          EXACT);
    }
    assertThat(cases).hasSize(2);
  }
}
