package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.measure.Identifiers;
import org.synthos.core.assess.measure.Measures;
import org.synthos.core.assess.measure.TextColumn;
import org.synthos.core.assess.measure.TextMeasures;
import org.synthos.core.assess.pool.Pool;
import org.synthos.core.assess.pool.TextLengths;
import org.synthos.core.metric.Golden;

/**
 * The text measures and identifier shapes against {@code tools/golden/text.py}: Python's regular
 * expressions for tokens, zlib for the compression ratio, scipy's {@code jensenshannon} and {@code
 * ks_2samp}, and plain counting for distinct-n, entropy, top-text and top-head share, coverage and
 * out-of-vocabulary rate.
 */
@Tag("golden")
class TextMeasuresGoldenTest {
  private static final double EXACT = 1e-12;

  @SuppressWarnings("unchecked")
  private static String[] strings(Map<String, Object> c, String key) {
    return ((List<Object>) c.get(key)).stream().map(o -> (String) o).toArray(String[]::new);
  }

  @Test
  void textMeasuresMatchPython() {
    Map<String, Object> c = Golden.cases("text").get(0);
    Pool pool =
        VerdictMeasuresGoldenTest.pool(
            new Batches().strings("t", ColumnType.TEXT, strings(c, "candidate")),
            new Batches().strings("t", ColumnType.TEXT, strings(c, "reference")));
    TextColumn t = TextColumn.of(pool.vars.get(0));
    boolean[] l = pool.observedLabels();
    Map<String, Object> e = Golden.map(c, "expected");
    assertThat(TextLengths.tokenise(strings(c, "reference")[0]))
        .containsExactly(strings(e, "tokens_of_first"));
    check(e, "distinct_1_deficit", TextMeasures.distinctDeficit(t, 1, l));
    check(e, "distinct_2_deficit", TextMeasures.distinctDeficit(t, 2, l));
    check(e, "compression_deficit", TextMeasures.compressionDeficit(t, l));
    check(e, "entropy_deficit", TextMeasures.entropyDeficit(t, l));
    check(e, "top_share_excess", TextMeasures.topShareExcess(t, l));
    check(e, "head_share_excess", TextMeasures.headShareExcess(t, l));
    check(e, "coverage_gap", TextMeasures.coverageGap(t, l));
    check(e, "js_distance", TextMeasures.jensenShannon(t, l));
    check(e, "oov_rate", TextMeasures.oovRate(t, l));
    check(e, "length_ks", Measures.ks(t.characters, l));
    check(e, "tokens_ks", Measures.ks(t.tokens, l));
  }

  @Test
  void identifierShapesMatchPython() {
    Map<String, Object> c = Golden.cases("text").get(1);
    String[] ids = strings(c, "ids");
    String[] expected = strings(Golden.map(c, "expected"), "shapes");
    for (int i = 0; i < ids.length; i++) {
      assertThat(Identifiers.shape(ids[i])).as(ids[i]).isEqualTo(expected[i]);
    }
  }

  private static void check(Map<String, Object> expected, String key, double actual) {
    assertThat(actual).as(key).isCloseTo(Golden.number(expected, key), within(EXACT));
  }
}
