package org.synthos.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;
import org.synthos.core.rows.Tables;

/**
 * Merge laws of the pre-screen's states: screening parts and merging gives the features of
 * screening the whole, in any grouping, and an empty part is the identity. Features are compared
 * within 1e-9, the rounding of merged moments.
 *
 * <p>jqwik reads only its own tag annotation, so the class carries both.
 */
@Tag("laws")
@net.jqwik.api.Tag("laws")
class ScreenPassLawsTest {
  @Provide
  Arbitrary<List<Object[]>> tables() {
    Arbitrary<Object> ints = Arbitraries.longs().between(-3, 3).injectNull(0.15).map(v -> v);
    Arbitrary<Object> doubles =
        Arbitraries.of(0.0, 1.0, 1.5, -2.25, 7.0, 1e3).injectNull(0.15).map(v -> v);
    Arbitrary<Object> strings = Arbitraries.of("a", "b", "c", "d").injectNull(0.15).map(v -> v);
    Arbitrary<Object> booleans = Arbitraries.of(true, false).injectNull(0.15).map(v -> v);
    return Combinators.combine(ints, doubles, strings, booleans)
        .as((i, f, s, b) -> new Object[] {i, f, s, b})
        .list()
        .ofMinSize(1)
        .ofMaxSize(80);
  }

  private static ScreenPass.Screened screen(List<Object[]> rows, int from, int to) {
    List<Object[]> part = rows.subList(from, to);
    return ScreenPass.read(
        Tables.MIXED, List.of(Tables.batch(Tables.MIXED, part, from)).iterator(), 1);
  }

  private static void assertSame(ScreenPass.Screened a, ScreenPass.Screened b) {
    double[] x = a.features().values();
    double[] y = b.features().values();
    for (int i = 0; i < x.length; i++) {
      assertThat(x[i]).as(Feature.values()[i].key()).isCloseTo(y[i], within(1e-9));
    }
    assertThat(a.rows().estimate()).isEqualTo(b.rows().estimate());
  }

  @Property(tries = 60)
  void mergingPartsGivesTheWholeInAnyGrouping(
      @ForAll("tables") List<Object[]> rows,
      @ForAll @IntRange(min = 0, max = 80) int cutA,
      @ForAll @IntRange(min = 0, max = 80) int cutB) {
    int n = rows.size();
    int a = Math.min(cutA, n);
    int b = Math.max(a, Math.min(cutB, n));
    ScreenPass.Screened whole = screen(rows, 0, n);
    ScreenPass.Screened x = screen(rows, 0, a);
    ScreenPass.Screened y = screen(rows, a, b);
    ScreenPass.Screened z = screen(rows, b, n);
    assertSame(x.merge(y).merge(z), whole);
    assertSame(x.merge(y.merge(z)), whole);
  }

  @Property(tries = 40)
  void anEmptyScreenIsTheIdentity(@ForAll("tables") List<Object[]> rows) {
    ScreenPass.Screened s = screen(rows, 0, rows.size());
    ScreenPass.Screened empty = screen(rows, 0, 0);
    assertSame(empty.merge(s), s);
    assertSame(s.merge(empty), s);
  }
}
