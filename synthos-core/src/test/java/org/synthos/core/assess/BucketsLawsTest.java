package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.state.QuantileState;
import org.synthos.core.state.TestBatches;

/**
 * Merge laws of the pass's bucketed states: merging the states of consecutive parts of a file
 * equals folding the file at once, and merge is associative and commutative with the empty states
 * as identity. Rows, nulls and category counts are exact; the sketches are compared by the values
 * and weights they hold, exact here since no bucket passes the sketch size. The states' bytes read
 * back to the same states, compacted sketches included.
 */
@Tag("laws")
class BucketsLawsTest {
  static final Schema SCHEMA =
      Schema.of(
          new Field("x", ColumnType.FLOAT),
          new Field("n", ColumnType.INTEGER),
          new Field("a", ColumnType.CATEGORICAL),
          new Field("f", ColumnType.BOOLEAN),
          new Field("t", ColumnType.TEXT));

  static final int[] ALL = {0, 1, 2, 3, 4};

  record Row(Double x, Long n, String a, Boolean f, String t) {}

  @Provide
  Arbitrary<List<List<Row>>> parts() {
    Arbitrary<Double> x =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.doubles().between(-1000, 1000)),
            Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY)),
            Tuple.of(2, Arbitraries.just((Double) null)));
    Arbitrary<Long> n =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.longs().between(-5, 5)),
            Tuple.of(2, Arbitraries.just((Long) null)));
    Arbitrary<String> a =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.of("p", "q", "r")),
            Tuple.of(2, Arbitraries.strings().alpha().ofLength(2)),
            Tuple.of(2, Arbitraries.just((String) null)));
    Arbitrary<Boolean> f = Arbitraries.of(true, false).injectNull(0.1);
    Arbitrary<String> t = Arbitraries.strings().alpha().ofMaxLength(5);
    return Combinators.combine(x, n, a, f, t).as(Row::new).list().ofMaxSize(300).list().ofSize(3);
  }

  /** The states of {@code rows}, the first being file row {@code first}. */
  static Buckets fold(List<Row> rows, long first, long partition) {
    Buckets.Accumulator acc = new Buckets.Accumulator(SCHEMA, ALL, 7, partition);
    for (int from = 0; from < rows.size(); from += 64) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 64));
      acc.update(
          TestBatches.batch(
              SCHEMA,
              first + from,
              TestBatches.doubles(chunk.stream().map(Row::x).toArray(Double[]::new)),
              TestBatches.longs(chunk.stream().map(Row::n).toArray(Long[]::new)),
              TestBatches.strings(chunk.stream().map(Row::a).toArray(String[]::new)),
              TestBatches.booleans(chunk.stream().map(Row::f).toArray(Boolean[]::new)),
              TestBatches.strings(chunk.stream().map(Row::t).toArray(String[]::new))));
    }
    return acc.snapshot();
  }

  @Property(tries = 60)
  void bucketStatesMergeLikeOnePass(@ForAll("parts") List<List<Row>> parts) {
    long firstB = parts.get(0).size();
    long firstC = firstB + parts.get(1).size();
    Buckets a = fold(parts.get(0), 0, 0);
    Buckets b = fold(parts.get(1), firstB, 1);
    Buckets c = fold(parts.get(2), firstC, 2);
    List<Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    assertThat(view(a.merge(b).merge(c))).isEqualTo(view(fold(all, 0, 0)));
    assertThat(view(a.merge(b))).isEqualTo(view(b.merge(a)));
    assertThat(view(a.merge(b).merge(c))).isEqualTo(view(a.merge(b.merge(c))));
    assertThat(view(Buckets.empty().merge(a))).isEqualTo(view(a));
    assertThat(view(a.merge(Buckets.empty()))).isEqualTo(view(a));
    assertThat(view(fold(List.of(), 0, 0).merge(a))).isEqualTo(view(a));
    assertThat(a.column("t")).as("text columns keep no states").isNull();
    assertThat(Arrays.stream(a.rows()).sum()).isEqualTo(parts.get(0).size());
  }

  @Property(tries = 60)
  void bucketStatesReadBackFromTheirBytes(@ForAll("parts") List<List<Row>> parts) {
    Buckets a = fold(parts.get(0), 0, 0);
    Buckets merged = a.merge(fold(parts.get(1), parts.get(0).size(), 1));
    for (Buckets s : List.of(Buckets.empty(), a, merged)) {
      byte[] bytes = s.toBytes();
      Buckets back = Buckets.fromBytes(bytes);
      assertThat(view(back)).isEqualTo(view(s));
      assertThat(back.toBytes()).isEqualTo(bytes);
      for (String name : List.of("x", "n")) {
        if (s.column(name) != null) {
          assertThat(back.column(name).quantiles()).containsExactly(s.column(name).quantiles());
        }
      }
    }
  }

  /** Sketches past their size compact; their bytes still read back image for image. */
  @Example
  void compactedSketchesAndOverflowedCategoriesReadBack() {
    Schema schema =
        Schema.of(new Field("x", ColumnType.FLOAT), new Field("a", ColumnType.CATEGORICAL));
    Buckets.Accumulator acc = new Buckets.Accumulator(schema, new int[] {0, 1}, 3, 5);
    SplittableRandom random = new SplittableRandom(11);
    int rows = 400_000;
    for (int from = 0; from < rows; from += 4096) {
      int n = Math.min(4096, rows - from);
      Double[] x = new Double[n];
      String[] a = new String[n];
      for (int i = 0; i < n; i++) {
        x[i] = i % 97 == 0 ? null : random.nextGaussian();
        a[i] = "c" + (from + i);
      }
      acc.update(TestBatches.batch(schema, from, TestBatches.doubles(x), TestBatches.strings(a)));
    }
    Buckets s = acc.snapshot();
    assertThat(s.column("x").quantiles()).anyMatch(q -> !q.isExact());
    assertThat(s.column("a").overflowed()).isTrue();
    Buckets back = Buckets.fromBytes(s.toBytes());
    assertThat(back.column("x").quantiles()).containsExactly(s.column("x").quantiles());
    assertThat(back.column("x").nulls()).containsExactly(s.column("x").nulls());
    assertThat(back.column("a").overflowed()).isTrue();
    assertThat(back.column("a").nulls()).containsExactly(s.column("a").nulls());
    assertThat(back.rows()).containsExactly(s.rows());
    byte[] bytes = s.toBytes();
    assertThatThrownBy(() -> Buckets.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE));
  }

  /**
   * A split of the buckets is a labelling of the rows: the histograms summed from the chosen
   * buckets equal those counted from the rows those buckets hold, for numbers and categories.
   */
  @Property(tries = 40)
  void aSplitOfBucketsIsALabellingOfRows(
      @ForAll("parts") List<List<Row>> parts, @ForAll long splitSeed) {
    Assume.that(!parts.get(0).isEmpty() && !parts.get(1).isEmpty());
    Batches cand = batches(parts.get(0));
    Batches ref = batches(parts.get(1));
    Pool d = VerdictMeasuresGoldenTest.pool(cand, ref);
    int count = Buckets.COUNT;
    SplittableRandom random = new SplittableRandom(splitSeed);
    boolean[] split = new boolean[count];
    for (int j = 0; j < count; j++) {
      split[j] = random.nextBoolean();
    }
    boolean[] labels = new boolean[d.n];
    for (int i = 0; i < d.n; i++) {
      long row = d.rowNumbers[i] - 1;
      labels[i] = split[i < d.nC ? Buckets.of(row, 1, count) : Buckets.of(row, 2, count)];
    }
    for (Pool.Var v : d.distributionVars()) {
      Marginals.Sides fromBuckets = Marginals.sides(Bucketed.of(v, d, 1, 2, count, true), split);
      Marginals.Sides fromRows = Marginals.sides(v, labels);
      assertThat(fromBuckets.cand()).as(v.name).containsExactly(fromRows.cand());
      assertThat(fromBuckets.ref()).as(v.name).containsExactly(fromRows.ref());
      assertThat(
              new long[] {
                fromBuckets.nullsC(), fromBuckets.rowsC(), fromBuckets.nullsR(), fromBuckets.rowsR()
              })
          .containsExactly(
              fromRows.nullsC(), fromRows.rowsC(), fromRows.nullsR(), fromRows.rowsR());
    }
  }

  private static Batches batches(List<Row> rows) {
    return new Batches()
        .doubles(
            "x",
            rows.stream()
                .map(r -> r.x() == null || Double.isInfinite(r.x()) ? null : r.x())
                .toArray(Double[]::new))
        .strings("a", rows.stream().map(Row::a).toArray(String[]::new));
  }

  /** Everything the states say, as comparable lists. */
  static List<Object> view(Buckets s) {
    List<Object> out = new ArrayList<>();
    out.add(Arrays.toString(s.rows()));
    for (String name : List.of("x", "n", "a", "f")) {
      Buckets.Col col = s.column(name);
      if (col == null) {
        out.add(name + ": none");
        continue;
      }
      out.add(name + " nulls " + Arrays.toString(col.nulls()));
      if (col.numeric()) {
        for (QuantileState q : col.quantiles()) {
          out.add(
              Arrays.toString(q.retainedValues()) + " " + Arrays.toString(q.cumulativeWeights()));
        }
      } else {
        Map<String, String> counts = new TreeMap<>();
        col.counts().forEach((k, v) -> counts.put(k, Arrays.toString(v)));
        out.add(counts);
      }
    }
    return out;
  }
}
