package org.synthos.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.Decision;
import org.synthos.core.signature.Feature;
import org.synthos.core.signature.PreScreen;
import org.synthos.core.signature.ProfileFeatures;
import org.synthos.core.signature.Signature;

/** The pre-screen benchmark's evaluation: which runs each screen may see, and the table. */
@Tag("unit")
class PreScreenBenchTest {
  /** Two datasets far apart; in each, seeds 1-3 of a clean split and a visible defect. */
  private static List<PreScreenBench.Run> runs() {
    List<PreScreenBench.Run> out = new ArrayList<>();
    for (String dataset : List.of("a", "b")) {
      double base = dataset.equals("a") ? 0.2 : 0.8;
      for (long seed = 1; seed <= 3; seed++) {
        out.add(run(dataset, "clean", seed, base + seed * 0.001, Decision.APPROVE));
        out.add(
            run(dataset, "exact_duplicates", seed, base + 0.05 + seed * 0.001, Decision.REJECT));
      }
    }
    return out;
  }

  private static PreScreenBench.Run run(
      String dataset, String family, long seed, double x, Decision decision) {
    double[] f = new double[Feature.values().length];
    Arrays.fill(f, x);
    Signature s =
        new Signature(
            "val-" + dataset + family + seed,
            "0".repeat(64),
            ProfileFeatures.of(f),
            Map.of(),
            decision,
            decision == Decision.REJECT ? 70 : 10,
            List.of());
    return new PreScreenBench.Run(dataset, family, seed, s, 1_000_000_000L, 10_000_000L);
  }

  @Test
  void otherDatasetsAreNotApplicableAndOtherSplitsFindTheirFamily() {
    List<PreScreenBench.Screened> lodo =
        PreScreenBench.screenAll(runs(), 10, 0.05, (q, e) -> !e.dataset().equals(q.dataset()));
    assertThat(lodo).allMatch(s -> s.result() instanceof PreScreen.NotApplicable);

    List<PreScreenBench.Screened> loso =
        PreScreenBench.screenAll(
            runs(), 2, 0.05, (q, e) -> e.dataset().equals(q.dataset()) && e.seed() != q.seed());
    for (PreScreenBench.Screened s : loso) {
      assertThat(s.result().neighbours())
          .allSatisfy(
              n -> {
                assertThat(n.validationId()).contains(s.run().family());
                assertThat(n.validationId()).doesNotEndWith(String.valueOf(s.run().seed()));
              });
      PreScreen.Estimate e = (PreScreen.Estimate) s.result();
      assertThat(e.risk()).isCloseTo(s.run().signature().risk(), within(1e-9));
    }
  }

  @Test
  void theTableCountsApplicabilityAucAndCost() {
    String md = PreScreenBench.markdown(runs(), 2, 12.0, 2, "./bench prescreen --test");
    assertThat(md)
        .contains("12 validations (6 rejected by the full verdict) on 2 datasets, k = 2")
        .contains("| other datasets only (leave one dataset out) | 0/12 = 0.0% | n/a")
        .contains(
            "| the same dataset's other splits (leave one split out) | 12/12 = 100.0% | 1.000")
        .contains("median full validation 1000 ms, median pre-screen pass 10.0 ms (1.0% of a");
  }
}
