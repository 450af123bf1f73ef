package org.synthos.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HtmlReportTest {
  @Test
  void pageIsSelfContainedAndHasEverySection() {
    String html = HtmlReport.render(Fixtures.rejected());

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html)
        .contains(
            "id=\"verdict\"",
            "Rejected",
            "id=\"dimensions\"",
            "id=\"distributions\"",
            "id=\"correlation\"",
            "id=\"tails\"",
            "id=\"recommendations\"",
            "id=\"provenance\"");
    assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("id=\"dimensions\""));
    assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
    // Column names and values from the data are escaped.
    assertThat(html).contains("note &lt;b&gt;&amp;amp;").doesNotContain("<b>&amp;");
  }

  @Test
  void approvedPageSaysSo() {
    String html = HtmlReport.render(Fixtures.approved());
    assertThat(html).contains("class=\"verdict approve\"", "Approved");
  }
}
