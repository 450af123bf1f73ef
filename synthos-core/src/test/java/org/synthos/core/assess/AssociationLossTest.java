package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.judge.Bands;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.AssociationLoss;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;
import org.synthos.core.metric.Golden;

/**
 * The association-loss and distinct-value measures: golden values from {@code
 * tools/golden/association_loss.py} (scipy {@code spearmanr}, {@code chi2_contingency} and
 * Bergsma's corrected V transcribed; numpy {@code unique}), and their behaviour on breaks made by
 * hand.
 */
class AssociationLossTest {
  private static Pool pool(Batches cand, Batches ref) {
    return Pool.pool(
        RawTable.read(cand.source("c"), 100_000, 1), RawTable.read(ref.source("r"), 100_000, 1));
  }

  private static Pool.Var var(Pool d, String name) {
    return d.vars.stream().filter(v -> v.name.equals(name)).findFirst().orElseThrow();
  }

  /** A column of the committed example, as strings (null when empty or NA). */
  private static String[] column(ExampleData.Text t, String name) {
    int c = t.header().indexOf(name);
    return t.rows().stream()
        .map(r -> r[c] == null || r[c].isEmpty() || r[c].equals("NA") ? null : r[c])
        .toArray(String[]::new);
  }

  private static Double[] numbers(String[] s) {
    return Arrays.stream(s).map(x -> x == null ? null : Double.valueOf(x)).toArray(Double[]::new);
  }

  private static Map<String, Object> golden(String kind, String name) {
    return Golden.cases("association_loss").stream()
        .filter(c -> kind.equals(c.get("kind")) && name.equals(c.get("name")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @Tag("golden")
  void rankCorrelationInsideASegmentMatchesScipySpearman() {
    ExampleData.Text t = ExampleData.readText("penguins.csv");
    String[] species = column(t, "Species");
    Double[] beak = numbers(column(t, "Beak Length (mm)"));
    Double[] mass = numbers(column(t, "Body Mass (g)"));
    Batches b =
        new Batches().strings("Species", species).doubles("beak", beak).doubles("mass", mass);
    Pool d = pool(b, b);
    int[] rows =
        IntStream.range(0, d.nC)
            .filter(i -> "Adelie".equals(species[i]) && beak[i] != null && mass[i] != null)
            .toArray();
    Pool.Var x = AssociationLoss.restrict(var(d, "beak"), rows);
    Pool.Var y = AssociationLoss.restrict(var(d, "mass"), rows);
    boolean[] all = new boolean[rows.length];
    Arrays.fill(all, true);
    // scipy.stats.spearmanr(x[rows], y[rows]).correlation
    assertThat(Association.pearson(x, y, null, all, true))
        .isCloseTo(
            Golden.number(
                golden("spearman_in_segment", "penguins Adelie beak length ~ body mass"),
                "expected"),
            within(1e-12));
  }

  @Test
  @Tag("golden")
  void correctedCramersVMatchesTheTranscribedFormulaOnScipyChiSquare() {
    for (String[] c :
        List.of(
            new String[] {"penguins.csv", "Species", "Island", "penguins species x island"},
            new String[] {"credit-g.csv", "housing", "purpose", "credit-g housing x purpose"})) {
      ExampleData.Text t = ExampleData.readText(c[0]);
      Batches b = new Batches().strings("a", column(t, c[1])).strings("b", column(t, c[2]));
      Pool d = pool(b, b);
      double[] table =
          Association.contingency(var(d, "a"), var(d, "b"), null, d.observedLabels(), true);
      Map<String, Object> g = golden("corrected_v", c[3]);
      // scipy.stats.chi2_contingency(table, correction=False)[0]
      assertThat(table[1]).as(c[3]).isCloseTo(Golden.number(g, "chi2"), within(1e-9));
      assertThat(table[3]).as(c[3]).isEqualTo(Golden.number(g, "n"));
      assertThat(AssociationLoss.correctedV(table[1], table[3], table[4], table[5]))
          .as(c[3])
          .isCloseTo(Golden.number(g, "expected"), within(1e-12));
    }
    Map<String, Object> g = golden("corrected_v", "independent 4 x 3");
    assertThat(
            AssociationLoss.correctedV(
                Golden.number(g, "chi2"),
                Golden.number(g, "n"),
                Golden.number(g, "r"),
                Golden.number(g, "k")))
        .isCloseTo(Golden.number(g, "expected"), within(1e-12));
  }

  @Test
  @Tag("golden")
  void distinctDeficitMatchesNumpyUnique() {
    Map<String, Object> g = golden("distinct_deficit", "bootstrap of 500 draws from 300 values");
    Double[] cand = Arrays.stream(Golden.doubles(g, "candidate")).boxed().toArray(Double[]::new);
    Double[] ref = Arrays.stream(Golden.doubles(g, "reference")).boxed().toArray(Double[]::new);
    Pool d = pool(new Batches().doubles("x", cand), new Batches().doubles("x", ref));
    int[] ownGroups = IntStream.range(0, d.n).toArray();
    assertThat(
            Measures.distinctDeficit(
                d.vars.get(0),
                Measures.firstOfGroup(ownGroups, d.observedLabels()),
                d.observedLabels()))
        .isCloseTo(Golden.number(g, "expected"), within(1e-12));
  }

  @Test
  void repeatedRowsDoNotCountAsLostValues() {
    Double[] ref = Batches.normal(400, 0, 1, 3);
    Double[] cand = Batches.normal(400, 0, 1, 4);
    Double[] doubled = new Double[800];
    for (int i = 0; i < 400; i++) {
      doubled[2 * i] = cand[i];
      doubled[2 * i + 1] = cand[i];
    }
    Pool d = pool(new Batches().doubles("x", doubled), new Batches().doubles("x", ref));
    assertThat(
            Measures.distinctDeficit(
                d.vars.get(0),
                Measures.firstOfGroup(d.nearGroup, d.observedLabels()),
                d.observedLabels()))
        .isEqualTo(0);
    // Counted row by row, every second candidate row would be a lost value.
    int[] ownGroups = IntStream.range(0, d.n).toArray();
    assertThat(
            Measures.distinctDeficit(
                d.vars.get(0),
                Measures.firstOfGroup(ownGroups, d.observedLabels()),
                d.observedLabels()))
        .isCloseTo(0.5, within(1e-12));
  }

  /** Two correlated columns and a segment label; rows of segment "a" broken when asked. */
  private static Batches correlated(int n, long seed, boolean breakSegmentA) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] seg = new String[n];
    Double[] x = new Double[n];
    Double[] y = new Double[n];
    List<Integer> inA = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seg[i] = i % 2 == 0 ? "a" : "b";
      double u = r.nextGaussian();
      x[i] = u;
      y[i] = 0.9 * u + Math.sqrt(1 - 0.81) * r.nextGaussian();
      if (seg[i].equals("a")) {
        inA.add(i);
      }
    }
    if (breakSegmentA) {
      for (int k = inA.size() - 1; k > 0; k--) {
        int j = r.nextInt(k + 1);
        Double t = y[inA.get(k)];
        y[inA.get(k)] = y[inA.get(j)];
        y[inA.get(j)] = t;
      }
    }
    return new Batches().strings("seg", seg).doubles("x", x).doubles("y", y);
  }

  @Test
  void pooledLossSeesAGlobalBreakAndTheSegmentDropSeesALocalOne() {
    Pool clean = pool(correlated(2000, 1, false), correlated(2000, 2, false));
    Pool local = pool(correlated(2000, 1, true), correlated(2000, 2, false));
    for (Pool d : List.of(clean, local)) {
      List<AssociationLoss.Pair> pairs = AssociationLoss.associatedPairs(d.vars, null, d.n);
      assertThat(pairs).extracting(p -> p.a().name + "~" + p.b().name).contains("x~y");
    }
    List<AssociationLoss.Pair> pooled = AssociationLoss.associatedPairs(clean.vars, null, clean.n);
    assertThat(AssociationLoss.loss(pooled, null, clean.observedLabels())).isLessThan(0.05);
    List<AssociationLoss.Pair> localPairs =
        AssociationLoss.associatedPairs(local.vars, null, local.n);
    // Half the rows lose their correlation: the pooled loss is about one half.
    assertThat(AssociationLoss.loss(localPairs, null, local.observedLabels()))
        .isBetween(0.35, 0.65);

    Pool.Var seg = var(local, "seg");
    assertThat(AssociationLoss.segmenting(seg)).isTrue();
    List<AssociationLoss.Segment> segments =
        AssociationLoss.segments(seg, local.vars, local.n, new SplittableRandom(1));
    assertThat(segments).extracting(AssociationLoss.Segment::category).containsExactly("a", "b");
    long[] observed = new long[(local.n + 63) / 64];
    for (int i = 0; i < local.nC; i++) {
      observed[i / 64] |= 1L << i;
    }
    double[] dropA = segments.get(0).drops(observed);
    double[] dropB = segments.get(1).drops(observed);
    // Inside segment a the candidate lost a rank correlation of about 0.9; b kept it.
    assertThat(dropA).hasSize(1);
    assertThat(dropA[0]).isGreaterThan(0.7);
    assertThat(Math.abs(dropB[0])).isLessThan(0.05);

    // Weighted by pooled association over re-split variance, the observation stands far out.
    SplittableRandom random = new SplittableRandom(9);
    double[][] drops = new double[41][];
    drops[0] = dropA;
    for (int b = 1; b < drops.length; b++) {
      int[] perm = Shuffle.permutation(0, local.n, random);
      long[] labels = new long[(local.n + 63) / 64];
      for (int i = 0; i < local.nC; i++) {
        labels[perm[i] / 64] |= 1L << perm[i];
      }
      drops[b] = segments.get(0).drops(labels);
    }
    double[] s = AssociationLoss.combine(segments.get(0).pairs(), drops);
    double[] nulls = Arrays.copyOfRange(s, 1, s.length);
    NullBand band = Bands.of(nulls);
    assertThat(s[0]).isGreaterThan(band.upper() + 10 * (band.upper() - band.mean()) / 3);
  }

  @Test
  void aStatisticStuckAtOneValueInMostResplitsGetsNoWeight() {
    double[] stuck = new double[100];
    stuck[3] = 0.2;
    assertThat(AssociationLoss.varies(stuck)).isFalse();
    double[] spread = new double[100];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = Math.sin(i);
    }
    assertThat(AssociationLoss.varies(spread)).isTrue();
    // A pair whose drop is 0 in all re-splits but one is left out of the segment statistic.
    AssociationLoss.Pair p = new AssociationLoss.Pair(null, null, 0.9);
    double[][] drops = new double[21][];
    for (int b = 0; b < drops.length; b++) {
      drops[b] = new double[] {b == 0 ? 0.8 : b == 5 ? 1e-6 : 0};
    }
    assertThat(AssociationLoss.combine(List.of(p), drops)).containsOnly(Double.NaN);
  }

  @Test
  void sparseTablesAreNotChosenAsAssociatedPairs() {
    // 60 rows over 30 x 2 categories: two rows per cell, far below five.
    String[] a = new String[60];
    String[] b = new String[60];
    for (int i = 0; i < 60; i++) {
      a[i] = "k" + (i % 30);
      b[i] = (i % 30) < 15 ? "x" : "y";
    }
    Batches batch = new Batches().strings("a", a).strings("b", b);
    Pool d = pool(batch, batch);
    assertThat(AssociationLoss.associatedPairs(d.vars, null, d.n)).isEmpty();
  }

  @Test
  void winsorisedSpreadIgnoresAFewHugeValues() {
    Double[] ref = Batches.normal(1000, 0, 1, 5);
    Double[] cand = Batches.normal(1000, 0, 1, 6);
    for (int i = 0; i < 5; i++) {
      ref[i] = 1e6;
    }
    Pool d = pool(new Batches().doubles("x", cand), new Batches().doubles("x", ref));
    assertThat(Marginals.spreadDeficit(Marginals.sides(d.vars.get(0), d.observedLabels())))
        .isLessThan(0.1);
    Double[] narrow = Arrays.stream(cand).map(x -> 0.5 * x).toArray(Double[]::new);
    Pool shrunk = pool(new Batches().doubles("x", narrow), new Batches().doubles("x", ref));
    assertThat(
            Marginals.spreadDeficit(Marginals.sides(shrunk.vars.get(0), shrunk.observedLabels())))
        .isCloseTo(Math.log(2), within(0.15));
  }
}
