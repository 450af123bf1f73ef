package org.synthos.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.bench.ScaleOptions.Mode;

@Tag("unit")
class ScaleOptionsTest {
  @Test
  void defaultsCoverOneThousandToTenMillionRowsInBothFormatsAndAllModes() {
    ScaleOptions o = ScaleOptions.parse(new String[0]);
    assertThat(o.sizes()).containsExactly(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
    assertThat(o.formats()).containsExactly("csv", "parquet");
    assertThat(o.modes()).containsExactly(Mode.PROFILE, Mode.VALIDATE, Mode.VALIDATE_REF);
    assertThat(o.columns()).isEqualTo(20);
    assertThat(o.xmx()).isEqualTo("1g");
    assertThat(o.real()).containsExactly(Path.of("data/derived/flights-3m.parquet"));
    assertThat(o.repeatsFor(1_000_000)).isEqualTo(3);
    assertThat(o.repeatsFor(10_000_000)).isEqualTo(1);
  }

  @Test
  void runsGoThroughTheLauncherUnlessDirect() {
    assertThat(ScaleOptions.parse(new String[0]).launcher()).isEqualTo(Path.of("synthos"));
    assertThat(ScaleOptions.parse(new String[] {"--launcher", "bin/x"}).launcher())
        .isEqualTo(Path.of("bin/x"));
    assertThat(ScaleOptions.parse(new String[] {"--direct"}).launcher()).isNull();
  }

  @Test
  void oneHundredMillionIsOptIn() {
    ScaleOptions o = ScaleOptions.parse(new String[] {"--sizes", "10_000,1000", "--with-100m"});
    assertThat(o.sizes()).containsExactly(1_000L, 10_000L, 100_000_000L);
  }

  @Test
  void badValuesAreRejectedWithTheOptionNamed() {
    assertThatThrownBy(() -> ScaleOptions.parse(new String[] {"--sizes", "0"}))
        .hasMessageContaining("--sizes");
    assertThatThrownBy(() -> ScaleOptions.parse(new String[] {"--formats", "xlsx"}))
        .hasMessageContaining("xlsx");
    assertThatThrownBy(() -> ScaleOptions.parse(new String[] {"--modes", "train"}))
        .hasMessageContaining("train");
    assertThatThrownBy(() -> ScaleOptions.parse(new String[] {"--repeats"}))
        .hasMessageContaining("needs a value");
  }
}
