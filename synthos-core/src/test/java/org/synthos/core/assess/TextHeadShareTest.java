package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.measure.TextMeasures;
import org.synthos.core.assess.pool.Pool;

/** Heads (a text's tokens but the last) and the head share on hand-counted texts. */
class TextHeadShareTest {
  private static TextColumn column(String[] cand, String[] ref) {
    Pool pool =
        VerdictMeasuresGoldenTest.pool(
            new Batches().strings("t", ColumnType.TEXT, cand),
            new Batches().strings("t", ColumnType.TEXT, ref));
    return TextColumn.of(pool.vars.get(0));
  }

  @Test
  void equalTokensButTheLastShareAHeadAndOneTokenTextsHaveNone() {
    TextColumn t =
        column(
            new String[] {"Ford Pinto", "ford, torino", "ford", "amc rebel sst", "AMC rebel (sw)"},
            new String[] {"chevrolet chevelle malibu", "ford pinto"});
    int[] heads = t.headOfRows();
    assertThat(heads[0]).isEqualTo(heads[1]).isEqualTo(heads[6]).isNotNegative();
    assertThat(heads[2]).isEqualTo(-1);
    assertThat(heads[3]).isEqualTo(heads[4]).isNotEqualTo(heads[0]);
    assertThat(heads[5]).isNotIn(heads[0], heads[3], -1);
    assertThat(t.headCount()).isEqualTo(3);
  }

  @Test
  void headShareExcessCountsEveryPresentRowInTheDenominator() {
    // Candidate: 12 texts over 12 distinct heads of which "a x" takes 3, one text without a head:
    // the ten largest heads hold 3 + 9 * 1 = 12 of 13 rows. Reference: 13 distinct heads of one
    // text each, ten of 13 rows.
    String[] cand = new String[13];
    cand[0] = "a x one";
    cand[1] = "a x two";
    cand[2] = "a x three";
    for (int k = 3; k < 12; k++) {
      cand[k] = "head" + k + " tail";
    }
    cand[12] = "alone";
    String[] ref = new String[13];
    for (int k = 0; k < 13; k++) {
      ref[k] = "other" + k + " tail";
    }
    TextColumn t = column(cand, ref);
    boolean[] observed = new boolean[26];
    for (int i = 0; i < 13; i++) {
      observed[i] = true;
    }
    assertThat(TextMeasures.headShareExcess(t, observed))
        .isCloseTo(12.0 / 13 - 10.0 / 13, within(1e-12));
  }

  @Test
  void headShareIsUndefinedWithoutATextOfTwoTokens() {
    TextColumn t = column(new String[] {"alpha", "beta"}, new String[] {"gamma", "delta"});
    boolean[] observed = {true, true, false, false};
    assertThat(TextMeasures.headShareExcess(t, observed)).isNaN();
  }
}
