package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import org.synthos.core.assess.pool.TextLengths;

/**
 * The token count the pass keeps per row equals the number of tokens the text measures see, on any
 * text: ASCII (counted without lower-casing), accented, other scripts and supplementary characters.
 */
@Tag("unit")
class TextLengthsTest {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.strings().ascii().ofMaxLength(40)),
        Tuple.of(5, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(
            3,
            Arbitraries.strings()
                .withChars("aZ9 _-,.İıßé\u0307\u00A0")
                .withChars("😀𝔸")
                .ofMaxLength(30)));
  }

  @Property(tries = 500)
  void tokenCountIsTheTokensLength(@ForAll("texts") String text) {
    assertThat(TextLengths.tokens(text)).isEqualTo(TextLengths.tokenise(text).length);
    assertThat(TextLengths.characters(text)).isEqualTo((int) text.codePoints().count());
  }

  @Example
  void lowerCasingSplitsADottedCapitalI() {
    // U+0130 lower-cases to "i" and a combining dot, which ends the run: Python's
    // re.findall(r"[^\W_]+", "İstanbul".lower()) gives ['i', 'stanbul'] too.
    assertThat(TextLengths.tokenise("İstanbul")).containsExactly("i", "stanbul");
    assertThat(TextLengths.tokens("İstanbul")).isEqualTo(2);
    assertThat(TextLengths.tokens("Hello, WORLD-42 naïve_café  x")).isEqualTo(6);
  }
}
