package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.Cause;
import org.synthos.core.assess.FlaggedRow;

@Tag("unit")
class FlaggedRowsCsvTest {
  @Test
  void writesOneQuotedLinePerFlaggedRow() throws Exception {
    StringWriter w = new StringWriter();
    FlaggedRowsCsv.write(
        List.of(
            new FlaggedRow(7, Cause.EXACT_DUPLICATE, 3, "same values as row 3"),
            new FlaggedRow(9, Cause.OUT_OF_SUPPORT, -1, "x = 5, \"far\" outside [0, 1]")),
        w);
    assertThat(w.toString())
        .isEqualTo(
            "row,cause,group,reason\n"
                + "7,exact_duplicate,3,same values as row 3\n"
                + "9,out_of_support,,\"x = 5, \"\"far\"\" outside [0, 1]\"\n");
  }
}
