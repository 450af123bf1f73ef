package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PairsOptionsTest {
  @Test
  void defaultsTimeFiveRunsOfFourThousandRowHalvesEveryWay() {
    PairsOptions o = PairsOptions.parse(new String[0]);
    assertThat(o.repeats()).isEqualTo(5);
    assertThat(o.warmup()).isEqualTo(1);
    assertThat(o.size()).isEqualTo(4000);
    assertThat(o.datasets()).isEmpty();
    assertThat(o.defects()).containsExactly("exact_duplicates", "correlation_break");
    assertThat(o.cli()).isTrue();
    assertThat(o.cds()).isTrue();
    assertThat(o.launcher()).isTrue();
    assertThat(o.archive()).isEqualTo(Path.of("synthos-cli/target/synthos.jsa"));
  }

  @Test
  void optionsTurnWaysOffAndAddVariants() {
    PairsOptions o =
        PairsOptions.parse(
            new String[] {
              "--repeats",
              "3",
              "--datasets",
              "flights,movies",
              "--defects",
              "none",
              "--no-cli",
              "--no-cds",
              "--no-launcher",
              "--variant",
              "c1=-XX:TieredStopAtLevel=1 -Xss1m",
              "--jar",
              "x/s.jar"
            });
    assertThat(o.repeats()).isEqualTo(3);
    assertThat(o.datasets()).containsExactly("flights", "movies");
    assertThat(o.defects()).isEmpty();
    assertThat(o.cli() || o.cds() || o.launcher()).isFalse();
    assertThat(o.variants()).containsEntry("c1", List.of("-XX:TieredStopAtLevel=1", "-Xss1m"));
    assertThat(o.archive()).isEqualTo(Path.of("x/s.jsa"));
  }

  @Test
  void badValuesAreRejectedWithTheOptionNamed() {
    assertThatThrownBy(() -> PairsOptions.parse(new String[] {"--repeats", "0"}))
        .hasMessageContaining("--repeats");
    assertThatThrownBy(() -> PairsOptions.parse(new String[] {"--variant", "c1"}))
        .hasMessageContaining("NAME=JVM-OPTIONS");
    assertThatThrownBy(() -> PairsOptions.parse(new String[] {"--size"}))
        .hasMessageContaining("--size");
    assertThatThrownBy(() -> PairsOptions.parse(new String[] {"--fast"}))
        .hasMessageContaining("--fast");
  }
}
