package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.AssociationLoss;
import org.synthos.core.assess.measure.BucketAssociationLoss;
import org.synthos.core.assess.measure.BucketPairs;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.FullPass;
import org.synthos.core.assess.pool.LeadingCuts;
import org.synthos.core.assess.pool.PairBuckets;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.state.TestBatches;

/**
 * A number paired with a category over every row: the pass counts (bin, value) per bucket with the
 * cuts fixed from the files' leading rows ({@link LeadingCuts}). The counts merge like one pass and
 * read back from their bytes; where the leading rows are every row, the cuts are the held rows'
 * quintiles and a split of the buckets gives, to the bit, the Cramér's V that the held rows give
 * under the same labelling (the path {@link VerdictMeasuresGoldenTest} checks against scipy); and a
 * validation of files larger than the held sample judges such a pair over every row.
 */
@Tag("laws")
class MixedPairStatesTest {
  private static final Map<String, double[]> CUTS =
      Map.of("x", new double[] {-200, 0, 350}, "n", new double[] {-1, 2});

  @Property(tries = 60)
  void binnedPairsMergeLikeOnePass(@ForAll("parts") List<List<BucketsLawsTest.Row>> parts) {
    long firstB = parts.get(0).size();
    long firstC = firstB + parts.get(1).size();
    PairBuckets a = fold(parts.get(0), 0).pairs();
    PairBuckets b = fold(parts.get(1), firstB).pairs();
    PairBuckets c = fold(parts.get(2), firstC).pairs();
    List<BucketsLawsTest.Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    PairBuckets whole = fold(all, 0).pairs();
    same(a.merge(b).merge(c), whole);
    same(a.merge(b), b.merge(a));
    same(a.merge(b).merge(c), a.merge(b.merge(c)));
    same(PairBuckets.empty().merge(a), a);
    same(a.merge(PairBuckets.empty()), a);
    assertThat(whole.cuts("x")).containsExactly(CUTS.get("x"));
    assertThat(whole.cuts("a")).isNull();
    // The text column is not a category: it is paired with no number.
    assertThat(whole.hasTable("x", "t")).isFalse();
  }

  @Provide
  Arbitrary<List<List<BucketsLawsTest.Row>>> parts() {
    return new BucketsLawsTest().parts();
  }

  @Property(tries = 40)
  void binnedPairsReadBackFromTheirBytes(@ForAll("parts") List<List<BucketsLawsTest.Row>> parts) {
    Buckets s = fold(parts.get(0), 0).merge(fold(parts.get(1), parts.get(0).size()));
    byte[] bytes = s.toBytes();
    Buckets back = Buckets.fromBytes(bytes);
    assertThat(back.toBytes()).isEqualTo(bytes);
    same(back.pairs(), s.pairs());
    assertThat(back.pairs().cuts("n")).containsExactly(CUTS.get("n"));
  }

  /**
   * With the leading rows every row, the cuts are the pooled quintiles the held rows use, and each
   * side's Cramér's V of a number with a category under a split of the buckets equals, to the bit,
   * the held rows' V under the labelling that split gives them.
   */
  @Property(tries = 40)
  void aSplitOfBinnedPairsIsALabellingOfHeldRows(
      @ForAll("parts") List<List<BucketsLawsTest.Row>> parts, @ForAll long splitSeed) {
    Assume.that(!parts.get(0).isEmpty() && !parts.get(1).isEmpty());
    Batches cand = PairBucketsLawsTest.batches(parts.get(0));
    Batches ref = PairBucketsLawsTest.batches(parts.get(1));
    Pool d = VerdictMeasuresGoldenTest.pool(cand, ref);
    int[] all = IntStream.range(0, 4).toArray();
    Map<String, double[]> cuts =
        LeadingCuts.of(cand.source("c"), all, ref.source("r"), all, Integer.MAX_VALUE - 1);
    Assume.that(cuts.containsKey("x"));
    PairBuckets pc =
        FullPass.read(cand.source("c"), all, 1000, 1, 1, Long.MAX_VALUE, cuts).buckets.pairs();
    PairBuckets pr =
        FullPass.read(ref.source("r"), all, 1000, 1, 1, Long.MAX_VALUE, cuts).buckets.pairs();
    Pool.Var x = PairBucketsLawsTest.var(d, "x");
    assertThat(LeadingCuts.agree(cuts.get("x"), x)).isTrue();
    boolean[] split = randomSplit(new SplittableRandom(splitSeed));
    boolean[] labels = labelsOf(d, split);
    for (String category : new String[] {"a", "f"}) {
      Pool.Var c = PairBucketsLawsTest.var(d, category);
      BucketPairs.Table t = BucketPairs.Table.of(pc, pr, "x", category);
      assertThat(t).isNotNull();
      if (!Association.formed(x.categories(), c.categories()) || !everyCodeUsed(x, c)) {
        continue;
      }
      for (boolean side : new boolean[] {true, false}) {
        assertThat(Double.valueOf(t.association(split, side)))
            .isEqualTo(Double.valueOf(Association.association(x, c, labels, side)));
      }
    }
  }

  @Example
  void leadingCutsThatMissTheHeldQuintilesDoNotAgree() {
    Double[] values = new Double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (double) i;
    }
    Batches side = new Batches().doubles("x", values).strings("g", strings(values.length));
    Pool d = VerdictMeasuresGoldenTest.pool(side, side);
    Pool.Var x = PairBucketsLawsTest.var(d, "x");
    assertThat(LeadingCuts.agree(new double[] {200, 400, 600, 800}, x)).isTrue();
    assertThat(LeadingCuts.agree(new double[] {210, 400, 600, 800}, x)).isTrue();
    // A file sorted by the number: its first rows' quintiles sit in the lowest bins.
    assertThat(LeadingCuts.agree(new double[] {20, 40, 60, 80}, x)).isFalse();
    assertThat(LeadingCuts.agree(new double[] {200, 400, 600}, x)).isFalse();
  }

  /** Counts tied in runs of 100: a cut may sit on either side of the run its quintile falls in. */
  @Example
  void aCutNextToTheHeldOneAgreesOnTiedValues() {
    Double[] values = new Double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (double) (i / 100);
    }
    Batches side = new Batches().doubles("x", values).strings("g", strings(values.length));
    Pool.Var x = PairBucketsLawsTest.var(VerdictMeasuresGoldenTest.pool(side, side), "x");
    assertThat(LeadingCuts.agree(new double[] {2, 4, 6, 8}, x)).isTrue();
    assertThat(LeadingCuts.agree(new double[] {3, 4, 6, 8}, x)).isTrue();
    assertThat(LeadingCuts.agree(new double[] {1, 4, 6, 8}, x)).isTrue();
    assertThat(LeadingCuts.agree(new double[] {0, 4, 6, 8}, x)).isFalse();
    assertThat(LeadingCuts.agree(new double[] {2, 4, 6, 9.5}, x)).isFalse();
  }

  /**
   * Files larger than the held sample: the number-with-category pair and the association loss are
   * judged over every row, the pair's value the gap of Cramér's V over every row with the pooled
   * quintiles of the files (their leading rows are every row here); held whole, both stay on the
   * held rows.
   */
  @Example
  void aNumberWithACategoryIsJudgedOverEveryRowWhenRowsAreSampled() {
    Batches cand = associated(6_000, 11, 1.0);
    Batches ref = associated(6_000, 12, 0.2);
    ValidationResult large = validate(cand, ref, 1_000);
    Evidence sampled = evidence(large, Measure.CRAMERS_V_GAP);
    assertThat(sampled.rows()).isEqualTo(Evidence.RowScope.ALL);
    assertThat(evidence(large, Measure.ASSOCIATION_LOSS).rows()).isEqualTo(Evidence.RowScope.ALL);
    assertThat(sampled.detail()).contains("every row").contains("first " + LeadingCuts.ROWS);
    Pool whole = VerdictMeasuresGoldenTest.pool(cand, ref);
    boolean[] labels = whole.observedLabels();
    double expected =
        Math.abs(
            Association.association(
                    PairBucketsLawsTest.var(whole, "x"),
                    PairBucketsLawsTest.var(whole, "g"),
                    labels,
                    true)
                - Association.association(
                    PairBucketsLawsTest.var(whole, "x"),
                    PairBucketsLawsTest.var(whole, "g"),
                    labels,
                    false));
    assertThat(sampled.value()).isCloseTo(expected, within(5e-7));
    assertThat(expected).isGreaterThan(0.1);

    ValidationResult heldWhole = validate(cand, ref, 20_000);
    Evidence held = evidence(heldWhole, Measure.CRAMERS_V_GAP);
    assertThat(held.rows()).isEqualTo(Evidence.RowScope.ANALYSED);
    assertThat(evidence(heldWhole, Measure.ASSOCIATION_LOSS).rows())
        .isEqualTo(Evidence.RowScope.ANALYSED);
    assertThat(held.value()).isCloseTo(expected, within(5e-7));
  }

  /**
   * The pooled association loss from the pass's states chooses the pairs the held rows choose and
   * gives their loss, observed and under splits of the buckets, when the held rows are every row.
   */
  @Example
  void theAssociationLossFromStatesIsTheHeldRowsLoss() {
    Batches cand = fourColumns(3_000, 21, 0.4);
    Batches ref = fourColumns(3_000, 22, 1.0);
    Pool d = VerdictMeasuresGoldenTest.pool(cand, ref);
    int[] all = IntStream.range(0, 4).toArray();
    Map<String, double[]> cuts =
        LeadingCuts.of(cand.source("c"), all, ref.source("r"), all, Integer.MAX_VALUE - 1);
    PairBuckets pc =
        FullPass.read(cand.source("c"), all, 10_000, 1, 1, Long.MAX_VALUE, cuts).buckets.pairs();
    PairBuckets pr =
        FullPass.read(ref.source("r"), all, 10_000, 1, 1, Long.MAX_VALUE, cuts).buckets.pairs();
    List<BucketAssociationLoss.Pair> states = new ArrayList<>();
    for (int a = 0; a < d.vars.size(); a++) {
      for (int b = a + 1; b < d.vars.size(); b++) {
        Pool.Var va = d.vars.get(a);
        Pool.Var vb = d.vars.get(b);
        states.add(
            va.numeric && vb.numeric
                ? new BucketAssociationLoss.Pair(
                    BucketPairs.Moments.of(pc, pr, va.name, vb.name), null, false)
                : new BucketAssociationLoss.Pair(
                    null,
                    BucketPairs.Table.of(pc, pr, va.name, vb.name),
                    va.numeric || vb.numeric));
      }
    }
    List<BucketAssociationLoss.Pair> chosen = BucketAssociationLoss.associated(states);
    List<AssociationLoss.Pair> held = AssociationLoss.associatedPairs(d.vars, null, d.n);
    assertThat(chosen).hasSize(held.size()).hasSizeGreaterThan(3);
    assertThat(BucketAssociationLoss.loss(chosen, null))
        .isCloseTo(AssociationLoss.loss(held, null, d.observedLabels()), within(1e-9))
        .isGreaterThan(0.1);
    SplittableRandom random = new SplittableRandom(5);
    for (int t = 0; t < 5; t++) {
      boolean[] split = randomSplit(random);
      assertThat(BucketAssociationLoss.loss(chosen, split))
          .isCloseTo(AssociationLoss.loss(held, null, labelsOf(d, split)), within(1e-9));
    }
  }

  /** A random split of the pooled buckets: true sends bucket j of both files to the candidate. */
  private static boolean[] randomSplit(SplittableRandom random) {
    boolean[] split = new boolean[Buckets.COUNT];
    for (int j = 0; j < split.length; j++) {
      split[j] = random.nextBoolean();
    }
    return split;
  }

  /** The labelling of the held rows that a split of the buckets (seed 1 on both sides) gives. */
  private static boolean[] labelsOf(Pool d, boolean[] split) {
    boolean[] labels = new boolean[d.n];
    for (int i = 0; i < d.n; i++) {
      labels[i] = split[Buckets.of(d.rowNumbers[i] - 1, 1, Buckets.COUNT)];
    }
    return labels;
  }

  /** Two numbers and two categories, all associated with strength {@code s}. */
  private static Batches fourColumns(int rows, long seed, double s) {
    SplittableRandom random = new SplittableRandom(seed);
    Double[] x = new Double[rows];
    Double[] y = new Double[rows];
    String[] g = new String[rows];
    String[] h = new String[rows];
    for (int i = 0; i < rows; i++) {
      int k = random.nextInt(3);
      g[i] = "g" + k;
      h[i] = "h" + (random.nextDouble() < s ? k : random.nextInt(3));
      x[i] = s * k + random.nextGaussian();
      y[i] = s * x[i] + random.nextGaussian();
    }
    return new Batches().doubles("x", x).doubles("y", y).strings("g", g).strings("h", h);
  }

  private static Evidence evidence(ValidationResult result, Measure measure) {
    return result.dimensions().stream()
        .filter(r -> r instanceof DimensionResult.Scored)
        .flatMap(r -> ((DimensionResult.Scored) r).evidence().stream())
        .filter(e -> e.measure() == measure)
        .findFirst()
        .orElseThrow();
  }

  private static ValidationResult validate(Batches cand, Batches ref, int maxRows) {
    ValidationOptions options =
        new ValidationOptions(Policy.defaults(), 5, null, null, maxRows, 200, 5, 0);
    return Validator.validate(
        ValidationInput.of(cand.source("cand.csv"), ref.source("ref.csv")),
        options,
        ProgressListener.NONE,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
        2);
  }

  /** A number that follows a three-valued category with the given strength, plus noise. */
  private static Batches associated(int rows, long seed, double strength) {
    SplittableRandom random = new SplittableRandom(seed);
    Double[] x = new Double[rows];
    String[] g = new String[rows];
    for (int i = 0; i < rows; i++) {
      int k = random.nextInt(3);
      g[i] = "g" + k;
      x[i] = strength * k + random.nextGaussian();
    }
    return new Batches().doubles("x", x).strings("g", g);
  }

  private static String[] strings(int rows) {
    String[] out = new String[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = "g" + (i % 3);
    }
    return out;
  }

  /** Whether every bin of x and every value of c occur with both present (no empty margin). */
  private static boolean everyCodeUsed(Pool.Var x, Pool.Var c) {
    boolean[] bins = new boolean[x.categories()];
    boolean[] values = new boolean[c.categories()];
    for (int i = 0; i < x.codes.length; i++) {
      if (x.codes[i] >= 0 && c.codes[i] >= 0) {
        bins[x.codes[i]] = true;
        values[c.codes[i]] = true;
      }
    }
    for (boolean b : bins) {
      if (!b) {
        return false;
      }
    }
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }

  private static Buckets fold(List<BucketsLawsTest.Row> rows, long first) {
    Buckets.Accumulator acc =
        new Buckets.Accumulator(
            BucketsLawsTest.SCHEMA, BucketsLawsTest.ALL, 7, Buckets.SAMPLE_SIZE, null, CUTS);
    for (int from = 0; from < rows.size(); from += 64) {
      List<BucketsLawsTest.Row> chunk = rows.subList(from, Math.min(rows.size(), from + 64));
      acc.update(
          TestBatches.batch(
              BucketsLawsTest.SCHEMA,
              first + from,
              TestBatches.doubles(
                  chunk.stream().map(BucketsLawsTest.Row::x).toArray(Double[]::new)),
              TestBatches.longs(chunk.stream().map(BucketsLawsTest.Row::n).toArray(Long[]::new)),
              TestBatches.strings(
                  chunk.stream().map(BucketsLawsTest.Row::a).toArray(String[]::new)),
              TestBatches.booleans(
                  chunk.stream().map(BucketsLawsTest.Row::f).toArray(Boolean[]::new)),
              TestBatches.strings(
                  chunk.stream().map(BucketsLawsTest.Row::t).toArray(String[]::new))));
    }
    return acc.snapshot();
  }

  private static void same(PairBuckets p, PairBuckets q) {
    for (String[] pair :
        new String[][] {{"x", "a"}, {"x", "f"}, {"n", "a"}, {"n", "f"}, {"a", "x"}, {"a", "f"}}) {
      assertThat(PairBucketsLawsTest.view(p.table(pair[0], pair[1])))
          .as("%s ~ %s", pair[0], pair[1])
          .isEqualTo(PairBucketsLawsTest.view(q.table(pair[0], pair[1])));
    }
    for (String name : new String[] {"x", "n"}) {
      assertThat(Arrays.toString(p.cuts(name))).isEqualTo(Arrays.toString(q.cuts(name)));
    }
  }
}
