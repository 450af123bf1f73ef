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
            "id=\"learnability\"",
            "Learning curves: spend",
            "id=\"recommendations\"",
            "id=\"provenance\"");
    assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("id=\"dimensions\""));
    assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
    // Column names and values from the data are escaped.
    assertThat(html).contains("note &lt;b&gt;&amp;amp;").doesNotContain("<b>&amp;");
  }

  @Test
  void learnabilityShowsBothModelsAndTheirCurves() {
    String html = HtmlReport.render(Fixtures.approved());
    int at = html.indexOf("id=\"learnability\"");
    assertThat(at).isPositive();
    String section = html.substring(at, html.indexOf("</section>", at));
    assertThat(section)
        .contains("trained on the candidate", "trained on real rows", "held-out mse")
        .contains("gradient-boosted trees (XGBoost, 15 trees of depth 3)")
        .contains("<polyline");
  }

  @Test
  void approvedPageSaysSo() {
    String html = HtmlReport.render(Fixtures.approved());
    assertThat(html).contains("class=\"verdict approve\"", "Approved");
  }

  @Test
  void pageWithoutReferenceSaysWhatWasNotJudged() {
    org.synthos.core.assess.ValidationResult r =
        org.synthos.core.assess.Validator.validate(
            org.synthos.core.assess.ValidationInput.of(
                Fixtures.source("alone.csv", Fixtures.table(300, 5), null)),
            org.synthos.core.assess.ValidationOptions.defaults(),
            org.synthos.core.assess.ProgressListener.NONE,
            Fixtures.CLOCK);
    String html = HtmlReport.render(r);
    assertThat(html)
        .contains("not judged: needs a reference dataset")
        .doesNotContain("</span>reference");
    assertThat(new String(JsonReport.toBytes(r), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"reference\" : null");
  }
}
