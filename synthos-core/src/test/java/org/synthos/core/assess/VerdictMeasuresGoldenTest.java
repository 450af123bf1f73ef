package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.Temporal;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;
import org.synthos.core.metric.Golden;

/**
 * The verdict's column and pair measures, the exact band of its set deficits and its temporal drift
 * statistic against the fixtures of {@code tools/golden/}, whose definitions {@code
 * tools/golden/verdict.py} transcribes with numpy and scipy: {@code two_sample.py} (KS via {@code
 * ks_2samp}, winsorised spread, tail and distinct-value deficits), {@code distributions.py} (TVD,
 * entropy via {@code scipy.stats.entropy}, entropy and rare-category deficits), {@code
 * association.py} (Cramér's V via {@code contingency.association}) and {@code verdict_measures.py}
 * (missing gap, Pearson and quintile-binned Cramér's V gaps, rare combinations, {@code
 * hypergeom.ppf}, drift). An expected value of null means the measure is undefined (NaN).
 */
@Tag("golden")
class VerdictMeasuresGoldenTest {
  private static final double EXACT = 1e-12;
  private static final int MAX_ROWS = 1_000_000;

  // Engine access: the only places that name the verdict path's internals.

  /** Both sides pooled as the verdict pools them; {@code reference} may be null. */
  static Pool pool(Batches candidate, Batches reference) {
    return Pool.pool(
        RawTable.read(candidate.source("c"), MAX_ROWS, 1),
        reference == null ? null : RawTable.read(reference.source("r"), MAX_ROWS, 1));
  }

  /**
   * The observed sides of the first column as the verdict merges them from bucketed states (of the
   * held rows; {@link #passStatesGiveTheSameSides} ties them to the pass's states of every row).
   */
  private static Marginals.Sides sides(Pool d) {
    return Marginals.sides(Bucketed.of(d.vars.get(0), d, 1, 2, Buckets.COUNT, true), null);
  }

  /** The observed sides of the first column from the passes' states of every row. */
  private static Marginals.Sides passSides(Pool d, Batches candidate, Batches reference) {
    return Marginals.sides(
        Bucketed.of(d.vars.get(0), buckets(candidate, "c"), buckets(reference, "r")), null);
  }

  static Buckets buckets(Batches side, String uri) {
    DatasetSource source = side.source(uri);
    int[] all = IntStream.range(0, source.schema().size()).toArray();
    return FullPass.read(source, all, MAX_ROWS, 1, 1).buckets;
  }

  /** A measure of the first column under the observed labelling, by its fixture name. */
  private static double columnMeasure(String name, Pool d) {
    Pool.Var v = d.vars.get(0);
    boolean[] cand = d.observedLabels();
    return switch (name) {
      case "ks" -> Marginals.ks(sides(d));
      case "tvd" -> Marginals.tvd(sides(d));
      case "missing_gap" -> Marginals.missingGap(sides(d));
      case "spread_deficit" -> Marginals.spreadDeficit(sides(d));
      case "tail_deficit" -> setDeficit(Marginals.tailCounts(sides(d)));
      case "rare_deficit" -> setDeficit(Marginals.rareCounts(sides(d)));
      case "distinct_deficit" ->
          Measures.distinctDeficit(
              v, Measures.firstOfGroup(IntStream.range(0, d.n).toArray(), cand), cand);
      case "entropy_candidate" ->
          Measures.entropy(Measures.shares(v.codes, v.categories(), cand)[0]);
      case "entropy_reference" ->
          Measures.entropy(Measures.shares(v.codes, v.categories(), cand)[1]);
      case "entropy_deficit" -> Marginals.entropyDeficit(sides(d));
      default -> throw new IllegalArgumentException("no column measure " + name);
    };
  }

  /** The relative loss of marked present cells from the verdict's exact-band counts. */
  private static double setDeficit(long[] counts) {
    return Measures.setDeficit((int) counts[0], (int) counts[1], (int) counts[2], (int) counts[3]);
  }

  /** A measure of columns "x" and "y" under the observed labelling, by its fixture name. */
  private static double pairMeasure(String name, Pool d) {
    Pool.Var x = d.vars.stream().filter(v -> v.name.equals("x")).findFirst().orElseThrow();
    Pool.Var y = d.vars.stream().filter(v -> v.name.equals("y")).findFirst().orElseThrow();
    boolean[] cand = d.observedLabels();
    return switch (name) {
      case "cramers_v" -> Association.cramersV(x, y, cand, true);
      case "association_candidate" -> Association.association(x, y, cand, true);
      case "association_reference" -> Association.association(x, y, cand, false);
      case "association_gap" -> Association.associationGap(x, y, cand);
      default -> throw new IllegalArgumentException("no pair measure " + name);
    };
  }

  /** The rare-combination deficit over the categorical columns, as the verdict forms it. */
  private static double rareCombinationDeficit(Pool d) {
    List<Pool.Var> categorical = d.vars.stream().filter(v -> !v.numeric).toList();
    return Measures.rareCombinationDeficit(
        Measures.rareCombinationWeights(categorical, d.n), d.observedLabels());
  }

  private static int hypergeometricLowerQuantile(int total, int marked, int n, double q) {
    return Hypergeometric.lowerQuantile(total, marked, n, q);
  }

  /** The drift statistic and segment distances of the first column, in file order. */
  private static double[] drift(Pool d) {
    Temporal.Drift drift =
        Temporal.drift(d.vars.get(0), Temporal.order(d, null, true), 2, new SplittableRandom(1));
    double[] out = new double[Temporal.SEGMENTS + 1];
    out[0] = drift.statistic();
    System.arraycopy(drift.segmentDistances(), 0, out, 1, Temporal.SEGMENTS);
    return out;
  }

  // Fixture reading.

  /** The cases of fixture {@code name} of the given kind. */
  static List<Map<String, Object>> cases(String name, String kind) {
    return Golden.cases(name).stream().filter(c -> kind.equals(c.get("kind"))).toList();
  }

  /** A side of a case: its columns, numbers for the names listed under "numeric". */
  @SuppressWarnings("unchecked")
  static Batches side(Map<String, Object> c, String side) {
    Map<String, Object> columns = Golden.map(c, side);
    if (columns == null) {
      return null;
    }
    List<Object> numeric = (List<Object>) c.get("numeric");
    Batches b = new Batches();
    columns.forEach(
        (name, cells) -> {
          List<Object> l = (List<Object>) cells;
          if (numeric.contains(name)) {
            b.doubles(name, l.stream().map(x -> (Double) x).toArray(Double[]::new));
          } else {
            b.strings(name, l.stream().map(x -> (String) x).toArray(String[]::new));
          }
        });
    return b;
  }

  static Pool pool(Map<String, Object> c) {
    return pool(side(c, "candidate"), side(c, "reference"));
  }

  /** An expected value (null: undefined) against the engine's, with an absolute tolerance. */
  static void check(String what, double actual, Object expected, double tolerance) {
    if (expected == null) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo((Double) expected, within(tolerance));
    }
  }

  /**
   * Every expected value of case {@code c} against {@code measure(name, d)}; returns how many were
   * checked.
   */
  static int checkExpected(
      Map<String, Object> c, Pool d, ToDoubleBiFunction<String, Pool> measure) {
    Map<String, Object> expected = Golden.map(c, "expected");
    expected.forEach(
        (name, value) ->
            check(c.get("name") + ": " + name, measure.applyAsDouble(name, d), value, EXACT));
    return expected.size();
  }

  /** The pooled data of a case, as each fixture spells its sides. */
  private static Pool pool(String fixture, Map<String, Object> c) {
    Batches[] sides = sidesOf(fixture, c);
    return pool(sides[0], sides[1]);
  }

  /** The candidate and reference of a case, as each fixture spells them. */
  private static Batches[] sidesOf(String fixture, Map<String, Object> c) {
    return switch (fixture) {
      case "two_sample" -> new Batches[] {numbers(c, "a"), numbers(c, "b")};
      case "distributions" ->
          new Batches[] {counted(c, "candidate_counts"), counted(c, "reference_counts")};
      case "association" -> new Batches[] {codes(c), codes(c)};
      default -> new Batches[] {side(c, "candidate"), side(c, "reference")};
    };
  }

  /** Numeric column "x" from a list of numbers. */
  private static Batches numbers(Map<String, Object> c, String key) {
    return new Batches()
        .doubles("x", Arrays.stream(Golden.doubles(c, key)).boxed().toArray(Double[]::new));
  }

  /**
   * Categorical column "x": category {@code k%03d} repeated as often as distributions.py counts it.
   */
  private static Batches counted(Map<String, Object> c, String key) {
    double[] counts = Golden.doubles(c, key);
    String[] cells =
        IntStream.range(0, counts.length)
            .boxed()
            .flatMap(k -> Collections.nCopies((int) counts[k], "k%03d".formatted(k)).stream())
            .toArray(String[]::new);
    return new Batches().strings("x", cells);
  }

  /** Categorical columns "x" and "y" from association.py's integer codes. */
  static Batches codes(Map<String, Object> c) {
    return new Batches()
        .strings(
            "x", IntStream.of(Golden.ints(c, "x")).mapToObj(String::valueOf).toArray(String[]::new))
        .strings(
            "y",
            IntStream.of(Golden.ints(c, "y")).mapToObj(String::valueOf).toArray(String[]::new));
  }

  // Tests.

  /**
   * two_sample: KS, spread, tail and distinct-value deficits of numbers; distributions: TVD,
   * entropies, entropy and rare-category deficits; association: Cramér's V on one side (both
   * datasets hold the same rows); verdict_measures: missing gaps with nulls, Pearson and
   * quintile-binned Cramér's V gaps.
   */
  @ParameterizedTest(name = "{0}: {1} measures")
  @CsvSource({
    "two_sample, column, 36",
    "distributions, column, 35",
    "association, pair, 4",
    "verdict_measures, column, 8",
    "verdict_measures, pair, 18"
  })
  void measuresMatchTheirFixtures(String fixture, String kind, int values) {
    List<Map<String, Object>> cases =
        fixture.equals("verdict_measures") ? cases(fixture, kind) : Golden.cases(fixture);
    ToDoubleBiFunction<String, Pool> measure =
        kind.equals("pair")
            ? VerdictMeasuresGoldenTest::pairMeasure
            : VerdictMeasuresGoldenTest::columnMeasure;
    int checked = cases.stream().mapToInt(c -> checkExpected(c, pool(fixture, c), measure)).sum();
    assertThat(checked).isEqualTo(values);
  }

  /**
   * The pass's bucketed states of every row give the same histograms as the held rows, so every
   * column fixture above also checks the statistics judged over all rows.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"two_sample", "distributions", "verdict_measures"})
  void passStatesGiveTheSameSides(String fixture) {
    List<Map<String, Object>> cases =
        fixture.equals("verdict_measures") ? cases(fixture, "column") : Golden.cases(fixture);
    for (Map<String, Object> c : cases) {
      Batches[] sides = sidesOf(fixture, c);
      Pool d = pool(sides[0], sides[1]);
      Marginals.Sides held = sides(d);
      Marginals.Sides all = passSides(d, sides[0], sides[1]);
      assertThat(all.cand()).as(c.get("name") + " candidate").containsExactly(held.cand());
      assertThat(all.ref()).as(c.get("name") + " reference").containsExactly(held.ref());
      assertThat(new long[] {all.nullsC(), all.rowsC(), all.nullsR(), all.rowsR()})
          .containsExactly(held.nullsC(), held.rowsC(), held.nullsR(), held.rowsR());
      if (held.grid() != null) {
        assertThat(all.grid()).containsExactly(held.grid());
      }
    }
    assertThat(cases).isNotEmpty();
  }

  @Test
  void rareCombinationDeficitMatchesTheTranscribedDefinition() {
    List<Map<String, Object>> cases = cases("verdict_measures", "rare_combinations");
    for (Map<String, Object> c : cases) {
      check(
          (String) c.get("name"),
          rareCombinationDeficit(pool(c)),
          Golden.map(c, "expected").get("rare_combination_deficit"),
          EXACT);
    }
    assertThat(cases).hasSize(2);
  }

  /** scipy.stats.hypergeom(M, n, N).ppf(q): the smallest x with P(X <= x) >= q. */
  @Test
  void hypergeometricLowerQuantileMatchesScipyPpf() {
    List<Map<String, Object>> cases = cases("verdict_measures", "hypergeometric");
    for (Map<String, Object> c : cases) {
      assertThat(
              hypergeometricLowerQuantile(
                  (int) Golden.number(c, "total"),
                  (int) Golden.number(c, "marked"),
                  (int) Golden.number(c, "n"),
                  Golden.number(c, "q")))
          .as((String) c.get("name"))
          .isEqualTo((int) Golden.number(c, "expected"));
    }
    assertThat(cases).hasSize(13);
  }

  @Test
  void driftStatisticIsTheLargestDistanceOfAFifthFromTheRest() {
    List<Map<String, Object>> cases = cases("verdict_measures", "drift");
    for (Map<String, Object> c : cases) {
      double[] drift = drift(pool(c));
      Map<String, Object> e = Golden.map(c, "expected");
      check(c.get("name") + ": statistic", drift[0], e.get("statistic"), EXACT);
      double[] distances = Golden.doubles(e, "distances");
      for (int s = 0; s < distances.length; s++) {
        check(c.get("name") + ": segment " + s, drift[s + 1], distances[s], EXACT);
      }
    }
    assertThat(cases).hasSize(6);
  }
}
