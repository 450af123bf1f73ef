package org.synthos.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ProgressTest {
  @Test
  void rendersFractionBytesAndRows() {
    ReadStats s = new ReadStats(120_000, Map.of("a", 2L), 12_300_000, 35_100_000);
    assertThat(s.fraction()).hasValueCloseTo(0.3504, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(Progress.render(s, 10))
        .isEqualTo("[####......]  35.0%  12.3 MB / 35.1 MB  120000 rows");
    assertThat(s.invalidCellsTotal()).isEqualTo(2);
  }

  @Test
  void unknownSizeShowsRowsOnly() {
    assertThat(Progress.render(new ReadStats(5, Map.of(), 0, 0), 10)).isEqualTo("5 rows");
    assertThat(Progress.bytes(999)).isEqualTo("999 B");
    assertThat(Progress.bytes(1_500)).isEqualTo("1.5 kB");
  }
}
