package org.synthos.core.assess.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which heads count as over-represented on the candidate side (quantiles from scipy's hypergeom).
 */
class TemplatedTextsTest {
  @Test
  void onlyAHeadBeyondItsSplitQuantileIsOverRepresented() {
    // 100 present rows a side. Head 0: 30 candidate rows of its 32, beyond the 1 - 1e-4 quantile
    // of a random split (25); heads 1 and 2 split evenly; head 3 leans to the candidate (12 of 16)
    // but within its quantile (15).
    int[] cand = {30, 5, 5, 12};
    int[] ref = {2, 5, 5, 4};
    assertThat(TemplatedTexts.overRepresented(cand, ref, 100, 100))
        .containsExactly(true, false, false, false);
  }

  @Test
  void headsBeyondTheTenMostFrequentOnTheCandidateSideAreNotTested() {
    // 200 present rows a side. Ten heads of 30 rows on each side, then one of 20 candidate rows
    // and none in the reference: beyond its quantile (18), but not among the ten most frequent.
    int[] cand = new int[11];
    int[] ref = new int[11];
    for (int h = 0; h < 10; h++) {
      cand[h] = 30;
      ref[h] = 30;
    }
    cand[10] = 20;
    assertThat(TemplatedTexts.overRepresented(cand, ref, 200, 200)).containsOnly(false);
    cand[0] = 10;
    assertThat(TemplatedTexts.overRepresented(cand, ref, 200, 200)[10]).isTrue();
  }
}
