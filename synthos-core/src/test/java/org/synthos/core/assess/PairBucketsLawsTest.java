package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.core.assess.measure.Association;
import org.synthos.core.assess.measure.BucketPairs;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.PairBuckets;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.state.CoMomentsState;
import org.synthos.core.state.ContingencyState;
import org.synthos.core.state.TestBatches;

/**
 * Merge laws of the pass's pair states ({@link PairBuckets}, carried by {@link Buckets}): merging
 * the states of consecutive parts equals folding the file at once, merge is associative and
 * commutative, and the empty states are the identity. Combination counts are exact; co-moments
 * agree to rounding (Chan, Golub and LeVeque's update). The bytes read back to the same states, and
 * a split of the buckets gives the measures of the rows those buckets hold.
 */
@Tag("laws")
class PairBucketsLawsTest {
  private static final double ROUNDING = 1e-9;

  @Property(tries = 60)
  void pairStatesMergeLikeOnePass(@ForAll("parts") List<List<BucketsLawsTest.Row>> parts) {
    long firstB = parts.get(0).size();
    long firstC = firstB + parts.get(1).size();
    PairBuckets a = BucketsLawsTest.fold(parts.get(0), 0, Buckets.SAMPLE_SIZE).pairs();
    PairBuckets b = BucketsLawsTest.fold(parts.get(1), firstB, Buckets.SAMPLE_SIZE).pairs();
    PairBuckets c = BucketsLawsTest.fold(parts.get(2), firstC, Buckets.SAMPLE_SIZE).pairs();
    List<BucketsLawsTest.Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    PairBuckets whole = BucketsLawsTest.fold(all, 0, Buckets.SAMPLE_SIZE).pairs();
    same(a.merge(b).merge(c), whole);
    same(a.merge(b), b.merge(a));
    same(a.merge(b).merge(c), a.merge(b.merge(c)));
    same(PairBuckets.empty().merge(a), a);
    same(a.merge(PairBuckets.empty()), a);
    assertThat(a.moments("x", "n")).hasSize(Buckets.COUNT);
    assertThat(a.table("a", "f")).isNotNull();
    assertThat(a.table("x", "a")).isNull();
    assertThat(a.table("a", "t")).isNull();
  }

  /** Provided by {@link BucketsLawsTest}: three parts of rows. */
  @Provide
  Arbitrary<List<List<BucketsLawsTest.Row>>> parts() {
    return new BucketsLawsTest().parts();
  }

  @Property(tries = 60)
  void pairStatesReadBackFromTheirBytes(@ForAll("parts") List<List<BucketsLawsTest.Row>> parts) {
    Buckets a = BucketsLawsTest.fold(parts.get(0), 0, Buckets.SAMPLE_SIZE);
    Buckets merged =
        a.merge(BucketsLawsTest.fold(parts.get(1), parts.get(0).size(), Buckets.SAMPLE_SIZE));
    for (Buckets s : List.of(Buckets.empty(), a, merged)) {
      byte[] bytes = s.toBytes();
      Buckets back = Buckets.fromBytes(bytes);
      assertThat(back.toBytes()).isEqualTo(bytes);
      if (s.pairs().moments("x", "n") != null) {
        assertThat(back.pairs().moments("x", "n")).containsExactly(s.pairs().moments("x", "n"));
        assertThat(view(back.pairs().table("a", "f"))).isEqualTo(view(s.pairs().table("a", "f")));
      }
    }
  }

  /**
   * A split of the buckets is a labelling of the rows: Pearson r and Cramér's V of each side from
   * the merged states equal those over the rows the buckets hold.
   */
  @Property(tries = 40)
  void aSplitOfPairStatesIsALabellingOfRows(
      @ForAll("parts") List<List<BucketsLawsTest.Row>> parts, @ForAll long splitSeed) {
    Assume.that(!parts.get(0).isEmpty() && !parts.get(1).isEmpty());
    List<BucketsLawsTest.Row> c = finite(parts.get(0));
    List<BucketsLawsTest.Row> r = finite(parts.get(1));
    Batches cand = batches(c);
    Batches ref = batches(r);
    Pool d = VerdictMeasuresGoldenTest.pool(cand, ref);
    PairBuckets pc = VerdictMeasuresGoldenTest.buckets(cand, "c").pairs();
    PairBuckets pr = VerdictMeasuresGoldenTest.buckets(ref, "r").pairs();
    SplittableRandom random = new SplittableRandom(splitSeed);
    boolean[] split = new boolean[Buckets.COUNT];
    for (int j = 0; j < split.length; j++) {
      split[j] = random.nextBoolean();
    }
    boolean[] labels = new boolean[d.n];
    for (int i = 0; i < d.n; i++) {
      long row = d.rowNumbers[i] - 1;
      labels[i] = split[Buckets.of(row, 1, Buckets.COUNT)];
    }
    Pool.Var x = var(d, "x");
    Pool.Var n = var(d, "n");
    Pool.Var a = var(d, "a");
    Pool.Var f = var(d, "f");
    BucketPairs.Moments m = BucketPairs.Moments.of(pc, pr, "x", "n");
    BucketPairs.Table t = BucketPairs.Table.of(pc, pr, "a", "f");
    for (boolean side : new boolean[] {true, false}) {
      close(m.association(split, side), Association.association(x, n, labels, side));
      double v = Association.association(a, f, labels, side);
      if (Association.formed(a.categories(), f.categories())) {
        assertThat(Double.valueOf(t.association(split, side))).isEqualTo(Double.valueOf(v));
      }
    }
  }

  /** A pair past the combination cap drops its counts, in one pass and merged. */
  @Example
  void pairsPastTheCapDropTheirCounts() {
    Schema schema =
        Schema.of(new Field("a", ColumnType.CATEGORICAL), new Field("b", ColumnType.CATEGORICAL));
    int rows = 3 * PairBuckets.COMBINATION_CAP;
    String[] a = new String[rows];
    String[] b = new String[rows];
    for (int i = 0; i < rows; i++) {
      a[i] = "a" + i;
      b[i] = "b" + (i % 2);
    }
    Buckets.Accumulator acc = new Buckets.Accumulator(schema, new int[] {0, 1}, 3, 0);
    acc.update(TestBatches.batch(schema, 0, TestBatches.strings(a), TestBatches.strings(b)));
    Buckets s = acc.snapshot();
    assertThat(s.pairs().hasTable("a", "b")).isTrue();
    assertThat(s.pairs().table("a", "b")).isNull();
    assertThat(Buckets.fromBytes(s.toBytes()).pairs().table("a", "b")).isNull();
    assertThat(s.merge(Buckets.empty()).pairs().table("a", "b")).isNull();
  }

  static Pool.Var var(Pool d, String name) {
    return d.vars.stream().filter(v -> v.name.equals(name)).findFirst().orElseThrow();
  }

  private static List<BucketsLawsTest.Row> finite(List<BucketsLawsTest.Row> rows) {
    return rows.stream()
        .map(
            r ->
                new BucketsLawsTest.Row(
                    r.x() == null || Double.isNaN(r.x()) || Double.isInfinite(r.x()) ? null : r.x(),
                    r.n(),
                    r.a(),
                    r.f(),
                    r.t()))
        .toList();
  }

  static Batches batches(List<BucketsLawsTest.Row> rows) {
    return new Batches()
        .doubles("x", rows.stream().map(BucketsLawsTest.Row::x).toArray(Double[]::new))
        .doubles(
            "n",
            rows.stream().map(r -> r.n() == null ? null : (double) r.n()).toArray(Double[]::new))
        .strings("a", rows.stream().map(BucketsLawsTest.Row::a).toArray(String[]::new))
        .strings(
            "f",
            rows.stream().map(r -> r.f() == null ? null : r.f().toString()).toArray(String[]::new));
  }

  static void same(PairBuckets p, PairBuckets q) {
    CoMomentsState[] mp = p.moments("x", "n");
    CoMomentsState[] mq = q.moments("x", "n");
    assertThat(mp == null).isEqualTo(mq == null);
    if (mp != null) {
      for (int j = 0; j < mp.length; j++) {
        assertThat(mp[j].count()).isEqualTo(mq[j].count());
        double[] u = {mp[j].meanX(), mp[j].meanY(), mp[j].m2X(), mp[j].m2Y(), mp[j].cXY()};
        double[] w = {mq[j].meanX(), mq[j].meanY(), mq[j].m2X(), mq[j].m2Y(), mq[j].cXY()};
        for (int k = 0; k < u.length; k++) {
          close(u[k], w[k]);
        }
      }
    }
    assertThat(view(p.table("a", "f"))).isEqualTo(view(q.table("a", "f")));
  }

  private static void close(double u, double w) {
    if (!Double.isFinite(u) || !Double.isFinite(w)) {
      // An infinite value makes a bucket's co-moments, and so r, undefined in either order.
      assertThat(Double.isFinite(u)).isEqualTo(Double.isFinite(w));
    } else {
      assertThat(Math.abs(u - w)).isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(u) + Math.abs(w)));
    }
  }

  static List<String> view(SortedMap<ContingencyState.Cell, long[]> t) {
    List<String> out = new ArrayList<>();
    if (t == null) {
      out.add("dropped");
    } else {
      t.forEach((c, v) -> out.add(c + " " + Arrays.toString(v)));
    }
    return out;
  }
}
