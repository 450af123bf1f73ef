package org.synthos.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.synthos.api.ColumnType;
import org.synthos.api.Field;
import org.synthos.api.Schema;

/**
 * Merge laws of the pair states (co-moments, contingency tables, correlation ratios), folded
 * through {@link PairAccumulator}. Contingency tables are exact, including overflow; co-moments and
 * group moments agree to 1e-9 relative.
 */
@Tag("laws")
class PairStateLawsTest {
  static final Schema SCHEMA =
      Schema.of(
          new Field("x", ColumnType.FLOAT),
          new Field("y", ColumnType.FLOAT),
          new Field("a", ColumnType.CATEGORICAL),
          new Field("b", ColumnType.CATEGORICAL));

  record Row(Double x, Double y, String a, String b) {}

  @Provide
  Arbitrary<List<List<Row>>> parts() {
    Arbitrary<Double> num =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(-1000, 1000)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just((Double) null)));
    Arbitrary<String> cat =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, Arbitraries.of("p", "q", "r", "s")),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().alpha().ofLength(2)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just((String) null)));
    return Combinators.combine(num, num, cat, cat)
        .as(Row::new)
        .list()
        .ofMaxSize(150)
        .list()
        .ofSize(3);
  }

  static PairStates fold(List<Row> rows, StateConfig config) {
    PairAccumulator acc = PairAccumulator.of(SCHEMA, config, 10, 10);
    for (List<Row> chunk : ColumnStateLawsTest.chunks(rows)) {
      acc.update(
          TestBatches.batch(
              SCHEMA,
              0,
              TestBatches.doubles(chunk.stream().map(Row::x).toArray(Double[]::new)),
              TestBatches.doubles(chunk.stream().map(Row::y).toArray(Double[]::new)),
              TestBatches.strings(chunk.stream().map(Row::a).toArray(String[]::new)),
              TestBatches.strings(chunk.stream().map(Row::b).toArray(String[]::new))));
    }
    return acc.snapshot();
  }

  @Property(tries = 50)
  void pairStatesMergeLikeOnePass(@ForAll("parts") List<List<Row>> parts) {
    // a small category cap makes some tables overflow, so overflow merging is exercised too
    for (StateConfig config :
        List.of(StateConfig.defaults(), StateConfig.defaults().withPairCategoryCap(5))) {
      PairStates a = fold(parts.get(0), config);
      PairStates b = fold(parts.get(1), config);
      PairStates c = fold(parts.get(2), config);
      List<Row> ab = new ArrayList<>(parts.get(0));
      ab.addAll(parts.get(1));
      assertClose(a.merge(b), fold(ab, config));
      assertClose(a.merge(b), b.merge(a));
      assertClose(a.merge(b).merge(c), a.merge(b.merge(c)));
      assertThat(PairStates.EMPTY.merge(a)).isEqualTo(a);
      assertThat(a.merge(PairStates.EMPTY)).isEqualTo(a);
      PairStates none = fold(List.of(), config);
      assertClose(none.merge(a), a);
      assertClose(a.merge(none), a);
      for (State s : states(a.merge(b))) {
        assertThat(StateCodec.decode(StateCodec.encode(s))).isEqualTo(s);
      }
    }
  }

  static List<State> states(PairStates p) {
    List<State> out = new ArrayList<>();
    out.addAll(p.coMoments().values());
    out.addAll(p.contingency().values());
    out.addAll(p.correlationRatio().values());
    return out;
  }

  static void assertClose(PairStates x, PairStates y) {
    assertThat(x.contingency()).isEqualTo(y.contingency());
    assertThat(x.coMoments().keySet()).isEqualTo(y.coMoments().keySet());
    x.coMoments()
        .forEach(
            (k, s) -> {
              CoMomentsState t = y.coMoments().get(k);
              assertThat(s.count()).isEqualTo(t.count());
              double scale = 1e-9 * (1 + Math.abs(s.m2X()) + Math.abs(s.m2Y()));
              assertThat(s.cXY()).isCloseTo(t.cXY(), within(scale));
              assertThat(s.m2X()).isCloseTo(t.m2X(), within(scale));
              assertThat(s.meanX()).isCloseTo(t.meanX(), within(1e-9));
            });
    assertThat(x.correlationRatio().keySet()).isEqualTo(y.correlationRatio().keySet());
    x.correlationRatio()
        .forEach(
            (k, s) -> {
              CorrelationRatioState t = y.correlationRatio().get(k);
              assertThat(s.overflowed()).isEqualTo(t.overflowed());
              assertThat(s.groups().keySet()).isEqualTo(t.groups().keySet());
              if (s.eta().isPresent() && t.eta().isPresent()) {
                assertThat(s.eta().getAsDouble()).isCloseTo(t.eta().getAsDouble(), within(1e-9));
              }
            });
  }
}
