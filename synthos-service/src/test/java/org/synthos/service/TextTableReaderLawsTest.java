package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Round trip: any table written with RFC 4180 quoting reads back cell for cell. */
@Tag("laws")
class TextTableReaderLawsTest {

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> cell =
        Arbitraries.strings().withChars("ab,\"\n\r 1é").ofMinLength(0).ofMaxLength(6);
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(width -> cell.list().ofSize(width).list().ofMinSize(1).ofMaxSize(20));
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  @Property(tries = 200)
  void csvRoundTrip(@ForAll("tables") List<List<String>> rows) throws IOException {
    int width = rows.get(0).size();
    StringBuilder csv = new StringBuilder();
    for (int c = 0; c < width; c++) {
      csv.append(c == 0 ? "" : ",").append("c").append(c);
    }
    csv.append("\r\n");
    for (List<String> row : rows) {
      for (int c = 0; c < width; c++) {
        csv.append(c == 0 ? "" : ",").append(quote(row.get(c)));
      }
      csv.append("\n");
    }
    Path f = Files.createTempFile("laws", ".csv");
    try {
      Files.writeString(f, csv, StandardCharsets.UTF_8);
      List<List<String>> read = new ArrayList<>();
      try (TextTableReader r = new TextTableReader(f, "t.csv")) {
        assertThat(r.header()).hasSize(width);
        String[] cells;
        while ((cells = r.next()) != null) {
          read.add(List.of(cells));
        }
        assertThat(r.bytesRead()).isEqualTo(Files.size(f));
      }
      assertThat(read).isEqualTo(rows);
    } finally {
      Files.delete(f);
    }
  }
}
