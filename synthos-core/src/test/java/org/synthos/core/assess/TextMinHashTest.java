package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.measure.MinHash;
import org.synthos.core.assess.pool.TextLengths;

/** MinHash near-duplicate texts and tokenisation. */
@Tag("unit")
class TextMinHashTest {
  private static final String LONG =
      "The committee met on Tuesday to review the budget for the coming year and agreed to"
          + " postpone the decision on the new library until the spring";

  @Test
  void nearTextsClusterAndUnrelatedTextsDoNot() {
    String[] texts = {
      LONG,
      LONG.replace("Tuesday", "Thursday"),
      "  the COMMITTEE met on tuesday to review the budget for the coming year and agreed to"
          + " postpone the decision on the new library until the spring ",
      "A completely different sentence about rivers, mountains and the sea in winter",
      "Another unrelated line: twelve ships sailed north before the storm arrived"
    };
    int[] c = MinHash.clusters(texts);
    assertThat(c[1]).isEqualTo(c[0]);
    assertThat(c[2]).isEqualTo(c[0]);
    assertThat(c[3]).isNotEqualTo(c[0]).isEqualTo(3);
    assertThat(c[4]).isEqualTo(4);
  }

  @Test
  void similarityEstimatesJaccardOfShingles() {
    assertThat(MinHash.similarity(MinHash.signature(LONG), MinHash.signature(LONG))).isEqualTo(1);
    double s =
        MinHash.similarity(
            MinHash.signature(LONG), MinHash.signature("rivers and mountains in winter light"));
    assertThat(s).isLessThan(0.2);
  }

  @Test
  void clustersDependOnTheTextsAlone() {
    String[] texts = {LONG, "short", LONG + " again", "short"};
    assertThat(MinHash.clusters(texts)).containsExactly(MinHash.clusters(texts.clone()));
    // Texts shorter than a shingle are one shingle: equal only when equal.
    int[] c = MinHash.clusters(new String[] {"abc", "abd", "abc"});
    assertThat(c).containsExactly(0, 1, 0);
  }

  @Test
  void tokensAreLowerCasedRunsOfLettersAndDigits() {
    assertThat(TextLengths.tokenise("Hello, WORLD-42 naïve_café  x"))
        .containsExactly("hello", "world", "42", "naïve", "café", "x");
    assertThat(TextLengths.tokenise(" ,;")).isEmpty();
  }
}
