package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
import net.jqwik.api.constraints.IntRange;
import org.synthos.api.ColumnType;
import org.synthos.api.ErrorCode;
import org.synthos.api.Field;
import org.synthos.api.Schema;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.pool.BucketSample;
import org.synthos.core.assess.pool.Bucketed;
import org.synthos.core.assess.pool.Buckets;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.SampleBounds;
import org.synthos.core.assess.pool.TextLengths;
import org.synthos.core.state.TestBatches;

/**
 * Merge laws of the pass's bucketed states: merging the states of parts of a file, cut anywhere and
 * merged in any order, equals folding the file at once, and merge is associative and commutative
 * with the empty states as identity. Checked both with every bucket exact (the production sample
 * size) and with samples of 1 to 4 values per bucket, so that most buckets are sampled. States are
 * compared by everything they say: column states exactly, pair co-moments to rounding. The bytes
 * read back to the same states, sampled buckets included.
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
    Arbitrary<String> t =
        Arbitraries.frequencyOf(
            Tuple.of(10, Arbitraries.strings().alpha().ofMaxLength(5)),
            Tuple.of(5, Arbitraries.of("two words", "İstanbul, naïve", " ,;", "a-b c_d 42", "")),
            Tuple.of(2, Arbitraries.just((String) null)));
    return Combinators.combine(x, n, a, f, t).as(Row::new).list().ofMaxSize(300).list().ofSize(3);
  }

  /**
   * The states of {@code rows}, the first being file row {@code first}, keeping {@code size} values
   * per bucket.
   */
  static Buckets fold(List<Row> rows, long first, int size) {
    Buckets.Accumulator acc = new Buckets.Accumulator(SCHEMA, ALL, 7, size);
    feed(acc, rows, first);
    return acc.snapshot();
  }

  /** The cuts within {@code rows}, with 0 and {@code rows}, ascending. */
  private static List<Integer> cutPoints(List<Integer> cuts, int rows) {
    List<Integer> at = new ArrayList<>(cuts.stream().map(x -> Math.min(x, rows)).toList());
    at.add(0);
    at.add(rows);
    Collections.sort(at);
    return at;
  }

  private static void feed(Buckets.Accumulator acc, List<Row> rows, long first) {
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
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Buckets.SAMPLE_SIZE)),
        Tuple.of(3, Arbitraries.integers().between(1, 4)));
  }

  @Property(tries = 80)
  void bucketStatesMergeLikeOnePass(
      @ForAll("parts") List<List<Row>> parts, @ForAll("sizes") int size) {
    long firstB = parts.get(0).size();
    long firstC = firstB + parts.get(1).size();
    Buckets a = fold(parts.get(0), 0, size);
    Buckets b = fold(parts.get(1), firstB, size);
    Buckets c = fold(parts.get(2), firstC, size);
    List<Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    assertSame(a.merge(b).merge(c), fold(all, 0, size));
    assertSame(a.merge(b), b.merge(a));
    assertSame(a.merge(b).merge(c), a.merge(b.merge(c)));
    assertSame(Buckets.empty().merge(a), a);
    assertSame(a.merge(Buckets.empty()), a);
    assertSame(fold(List.of(), 0, size).merge(a), a);
    assertThat(a.column("t")).as("text columns keep no categories").isNull();
    assertThat(a.column("t (characters)").numeric()).isTrue();
    assertThat(a.column("t (tokens)").numeric()).isTrue();
    assertThat(Arrays.stream(a.rows()).sum()).isEqualTo(parts.get(0).size());
  }

  /**
   * Partitions folded one after another, each skipping the values that the bounds of the states
   * merged before it rule out ({@link SampleBounds}) and growing into the sample arrays released by
   * the parts before it, merge to the states of one unbounded pass: a bound only drops values that
   * cannot reach the merged samples, and reused arrays hold only values overwritten.
   */
  @Property(tries = 80)
  void boundedPartitionsMergeToTheUnboundedStates(
      @ForAll("parts") List<List<Row>> parts,
      @ForAll("sizes") int size,
      @ForAll List<@IntRange(min = 0, max = 900) Integer> cuts) {
    List<Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    List<Integer> at = cutPoints(cuts, all.size());
    SampleBounds bounds = new SampleBounds(size);
    Buckets merged = Buckets.empty();
    for (int i = 0; i + 1 < at.size(); i++) {
      Buckets.Accumulator acc = new Buckets.Accumulator(SCHEMA, ALL, 7, size, bounds);
      feed(acc, all.subList(at.get(i), at.get(i + 1)), at.get(i));
      merged = merged.merge(acc.snapshot());
      // Later parts grow into this part's arrays, holding its values until overwritten.
      acc.release();
      bounds.tighten(merged);
    }
    assertSame(merged, fold(all, 0, size));
  }

  /**
   * The rows cut at arbitrary points into parts (empty ones included) and the parts' states merged
   * in a random order and grouping give the states of the whole file: the column states depend on
   * the set of rows alone.
   */
  @Property(tries = 80)
  void anyCutsMergedInAnyOrderGiveTheSameStates(
      @ForAll("parts") List<List<Row>> parts,
      @ForAll("sizes") int size,
      @ForAll List<@IntRange(min = 0, max = 900) Integer> cuts,
      @ForAll long order) {
    List<Row> all = new ArrayList<>();
    parts.forEach(all::addAll);
    List<Integer> at = cutPoints(cuts, all.size());
    List<Buckets> states = new ArrayList<>();
    for (int i = 0; i + 1 < at.size(); i++) {
      states.add(fold(all.subList(at.get(i), at.get(i + 1)), at.get(i), size));
    }
    SplittableRandom random = new SplittableRandom(order);
    while (states.size() > 1) {
      Buckets x = states.remove(random.nextInt(states.size()));
      Buckets y = states.remove(random.nextInt(states.size()));
      states.add(random.nextBoolean() ? x.merge(y) : y.merge(x));
    }
    assertSame(states.get(0), fold(all, 0, size));
  }

  @Property(tries = 60)
  void bucketStatesReadBackFromTheirBytes(
      @ForAll("parts") List<List<Row>> parts, @ForAll("sizes") int size) {
    Buckets a = fold(parts.get(0), 0, size);
    Buckets merged = a.merge(fold(parts.get(1), parts.get(0).size(), size));
    for (Buckets s : List.of(Buckets.empty(), a, merged)) {
      byte[] bytes = s.toBytes();
      Buckets back = Buckets.fromBytes(bytes);
      assertThat(view(back)).isEqualTo(view(s));
      assertThat(back.toBytes()).isEqualTo(bytes);
      for (String name : List.of("x", "n")) {
        if (s.column(name) != null) {
          assertThat(back.column(name).samples()).containsExactly(s.column(name).samples());
        }
      }
    }
  }

  /**
   * Equal column states, item for item, and pair states equal to rounding: co-moments merged in
   * another grouping differ in the last bits ({@link PairBucketsLawsTest}).
   */
  private static void assertSame(Buckets actual, Buckets expected) {
    assertThat(view(actual)).isEqualTo(view(expected));
    PairBucketsLawsTest.same(actual.pairs(), expected.pairs());
  }

  /**
   * A text column's length states hold, per bucket, the texts' lengths in code points and tokens as
   * {@link TextLengths} defines them, and read back from bytes.
   */
  @Example
  void textLengthsAreKeptAsNumbers() {
    List<Row> rows = new ArrayList<>();
    String[] texts = {"İstanbul, naïve café", "a-b c_d 42", " ,;", "", "one", null, "😀 smile"};
    for (int i = 0; i < 70; i++) {
      rows.add(new Row(1.0, 1L, "p", true, texts[i % texts.length]));
    }
    Buckets s = fold(rows, 0, Buckets.SAMPLE_SIZE);
    Buckets.Col chars = s.column(TextLengths.charactersName("t"));
    Buckets.Col tokens = s.column(TextLengths.tokensName("t"));
    assertThat(Arrays.stream(chars.nulls()).sum()).isEqualTo(10);
    List<Double> expectedChars = new ArrayList<>();
    List<Double> expectedTokens = new ArrayList<>();
    for (Row r : rows) {
      if (r.t() != null) {
        expectedChars.add((double) TextLengths.characters(r.t()));
        expectedTokens.add((double) TextLengths.tokenise(r.t()).length);
      }
    }
    assertThat(kept(chars)).containsExactlyInAnyOrderElementsOf(expectedChars);
    assertThat(kept(tokens)).containsExactlyInAnyOrderElementsOf(expectedTokens);
    assertThat(expectedTokens).contains(4.0, 5.0, 0.0);
    assertThat(view(Buckets.fromBytes(s.toBytes()))).isEqualTo(view(s));
  }

  private static List<Double> kept(Buckets.Col col) {
    List<Double> out = new ArrayList<>();
    for (BucketSample q : col.samples()) {
      for (double v : q.values()) {
        out.add(v);
      }
    }
    return out;
  }

  /** Buckets past the sample size keep samples; their bytes still read back item for item. */
  @Example
  void sampledBucketsAndOverflowedCategoriesReadBack() {
    Schema schema =
        Schema.of(new Field("x", ColumnType.FLOAT), new Field("a", ColumnType.CATEGORICAL));
    Buckets.Accumulator acc = new Buckets.Accumulator(schema, new int[] {0, 1}, 3);
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
    assertThat(s.column("x").samples()).allMatch(q -> !q.exact());
    assertThat(s.column("x").samples()).allMatch(q -> q.size() == Buckets.SAMPLE_SIZE);
    assertThat(s.column("a").overflowed()).isTrue();
    Buckets back = Buckets.fromBytes(s.toBytes());
    assertThat(back.column("x").samples()).containsExactly(s.column("x").samples());
    assertThat(back.column("x").nulls()).containsExactly(s.column("x").nulls());
    assertThat(back.column("a").overflowed()).isTrue();
    assertThat(back.column("a").nulls()).containsExactly(s.column("a").nulls());
    assertThat(back.rows()).containsExactly(s.rows());
    byte[] bytes = s.toBytes();
    assertCorrupt(Arrays.copyOf(bytes, bytes.length - 1));
    assertCorrupt(Arrays.copyOf(bytes, bytes.length + 1));
    // The first sample's kept size set past its capacity: it follows the bucket count, the rows,
    // the column count, the name "x" (a flag, a length, a byte), the kind, the nulls, then the
    // sample's capacity and count.
    byte[] oversized = bytes.clone();
    int at = 4 + 8 * Buckets.COUNT + 4 + 6 + 1 + 8 * Buckets.COUNT + 4 + 8;
    oversized[at] = 0x7f;
    assertCorrupt(oversized);
  }

  private static void assertCorrupt(byte[] bytes) {
    assertThatThrownBy(() -> Buckets.fromBytes(bytes))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE));
  }

  /**
   * With every bucket sampled, each bucket's weights sum to its present values, and the KS
   * statistic from the samples is within the sampling error of the one from every value (states
   * that hold every value, on pooled-quantile cells: off by at most 1/8,192).
   */
  @Example
  void sampledBucketsEstimateTheHistogramsOfEveryValue() {
    Buckets[] sampled = new Buckets[2];
    Buckets[] every = new Buckets[2];
    for (int side = 0; side < 2; side++) {
      sampled[side] = normals(side, 64);
      every[side] = normals(side, Buckets.SAMPLE_SIZE);
    }
    Pool.Var v = VerdictMeasuresGoldenTest.pool(batch(1), batch(2)).vars.get(0);
    Bucketed col = Bucketed.of(v, sampled[0], sampled[1]);
    Bucketed all = Bucketed.of(v, every[0], every[1]);
    assertThat(col.sampled).isTrue();
    assertThat(all.sampled).isFalse();
    for (int j = 0; j < 2 * col.count; j++) {
      BucketSample q = sampled[j / col.count].column("x").samples()[j % col.count];
      assertThat(Arrays.stream(col.weight[j]).sum()).isCloseTo(q.count(), within(1e-6));
      assertThat(q.count()).isEqualTo(col.rows[j] - col.nulls[j]);
    }
    // 128 x 64 values a side: the DKW bound at 99.9% is sqrt(ln(2000) / (2 * 8192)) = 0.022 a side.
    assertThat(Marginals.ks(Marginals.sides(col, null)))
        .isCloseTo(Marginals.ks(Marginals.sides(all, null)), within(0.045));
  }

  /** 100,000 rows of a normal shifted by 0.05 per side, one in 50 null. */
  private static Buckets normals(int side, int size) {
    Schema schema = Schema.of(new Field("x", ColumnType.FLOAT));
    Buckets.Accumulator acc = new Buckets.Accumulator(schema, new int[] {0}, side + 1, size);
    SplittableRandom random = new SplittableRandom(side);
    Double[] x = new Double[100_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 50 == 0 ? null : random.nextGaussian() + 0.05 * side;
    }
    acc.update(TestBatches.batch(schema, 0, TestBatches.doubles(x)));
    return acc.snapshot();
  }

  private static Batches batch(double x) {
    return new Batches().doubles("x", x, x + 1);
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
    for (String name : List.of("x", "n", "a", "f", "t (characters)", "t (tokens)")) {
      Buckets.Col col = s.column(name);
      if (col == null) {
        out.add(name + ": none");
        continue;
      }
      out.add(name + " nulls " + Arrays.toString(col.nulls()));
      if (col.numeric()) {
        for (BucketSample q : col.samples()) {
          out.add(q.count() + " " + q.capacity() + " " + Arrays.toString(q.values()));
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
