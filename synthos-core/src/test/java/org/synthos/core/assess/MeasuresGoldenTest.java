package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.RawTable;

/**
 * Measures against values computed with scipy 1.10 / numpy (Debian python3-scipy): {@code
 * ks_2samp(a, b).statistic}, {@code corrcoef}, and Cramér's V from {@code chi2_contingency(table,
 * correction=False)}.
 */
@Tag("golden")
class MeasuresGoldenTest {
  private static Pool pool(Batches cand, Batches ref) {
    return Pool.pool(
        RawTable.read(cand.source("c"), 1000, 1), RawTable.read(ref.source("r"), 1000, 1));
  }

  @Test
  void ksStatisticMatchesScipyWithTies() {
    Double[] a = {1.0, 2.5, 2.5, 3.0, 4.2, 5.0, 7.5, 8.0, 9.1, 10.0};
    Double[] b = {0.5, 2.5, 3.5, 3.5, 6.0, 6.5, 11.0, 12.0};
    Pool d = pool(new Batches().doubles("x", a), new Batches().doubles("x", b));
    assertThat(Measures.ks(d.vars.get(0), d.observedLabels())).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void pearsonMatchesNumpy() {
    Double[] x = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.5};
    Double[] y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.3, 19.0};
    Pool d =
        pool(
            new Batches().doubles("x", x).doubles("y", y),
            new Batches().doubles("x", x).doubles("y", y));
    assertThat(Measures.pearson(d.vars.get(0), d.vars.get(1), d.observedLabels(), true))
        .isCloseTo(0.9950871326150184, within(1e-12));
  }

  @Test
  void cramersVMatchesScipyContingency() {
    String[] a = {"a", "a", "b", "b", "c", "c", "a", "b", "c", "a", "a", "b"};
    String[] b = {"x", "x", "y", "y", "x", "y", "x", "y", "y", "x", "y", "x"};
    Pool d =
        pool(
            new Batches().strings("a", a).strings("b", b),
            new Batches().strings("a", a).strings("b", b));
    assertThat(Measures.cramersV(d.vars.get(0), d.vars.get(1), d.observedLabels(), true))
        .isCloseTo(0.510990323891863, within(1e-12));
  }

  @Test
  void tvdIsHalfTheL1DistanceOfShares() {
    String[] c = {"a", "a", "a", "a", "a", "b", "b", "b", "c", "c", "c", "c"};
    String[] r = {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"};
    Pool d = pool(new Batches().strings("k", c), new Batches().strings("k", r));
    assertThat(Measures.tvd(d.vars.get(0), d.observedLabels())).isCloseTo(1.0 / 12, within(1e-12));
    assertThat(Arrays.stream(d.vars.get(0).dictionary).toList()).containsExactly("a", "b", "c");
  }

  /** scipy.stats.hypergeom(M, n, N).ppf(q): the smallest x with P(X <= x) >= q. */
  @Test
  void hypergeometricQuantileMatchesScipy() {
    assertThat(Hypergeometric.lowerQuantile(1461, 79, 730, 0.00135)).isEqualTo(27);
    assertThat(Hypergeometric.lowerQuantile(1000, 41, 500, 0.00135 / 13)).isEqualTo(9);
    assertThat(Hypergeometric.lowerQuantile(342, 34, 171, 0.00135 / 7)).isEqualTo(7);
    assertThat(Hypergeometric.lowerQuantile(50, 10, 25, 0.5)).isEqualTo(5);
  }
}
