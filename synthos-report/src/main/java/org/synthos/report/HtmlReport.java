package org.synthos.report;

import static org.synthos.report.Svg.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.synthos.core.assess.CauseSummary;
import org.synthos.core.assess.Charts;
import org.synthos.core.assess.Check;
import org.synthos.core.assess.DimensionResult;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Impact;
import org.synthos.core.assess.Recommendation;
import org.synthos.core.assess.SchemaDifference;
import org.synthos.core.assess.SourceInfo;
import org.synthos.core.assess.StageTiming;
import org.synthos.core.assess.ValidationResult;
import org.synthos.core.assess.Verdict;

/**
 * The human report: one self-contained HTML file (inline CSS and SVG, no script, no network) with
 * the verdict on top, dimension bars, per-column reference-vs-candidate distributions, the
 * association-difference heatmap, tail quantile plots, localisation, recommendations, evidence and
 * provenance.
 */
public final class HtmlReport {
  private static final String CSS =
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
          + "margin:0;color:#212121;background:#fafafa}"
          + "main{max-width:1120px;margin:0 auto;padding:0 20px 40px}"
          + "header.verdict{padding:22px 28px;color:#fff}header.approve{background:#2e7d32}"
          + "header.reject{background:#c62828}header h1{margin:0 0 4px;font-size:30px}"
          + "header p{margin:4px 0}header ul{margin:8px 0 0 18px;padding:0}"
          + "h2{margin:28px 0 10px;font-size:20px;border-bottom:1px solid #ddd;padding-bottom:4px}"
          + "table{border-collapse:collapse;width:100%;background:#fff}"
          + "th,td{border:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f5f5f5}.grid{display:flex;flex-wrap:wrap;gap:12px}"
          + ".chart{background:#fff;border:1px solid #e0e0e0}.ct{font-size:12px;font-weight:600}"
          + ".ax{font-size:10px;fill:#616161}.axis{stroke:#9e9e9e;stroke-width:1}"
          + ".pass{color:#2e7d32}.warn{color:#ef6c00}.fail{color:#c62828}.na{color:#757575}"
          + ".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}"
          + "details{margin:6px 0}summary{cursor:pointer;font-weight:600}code{font-size:12px}";

  private HtmlReport() {}

  /** Writes the report to {@code out}, replacing it. */
  public static void write(ValidationResult r, Path out) {
    try {
      Files.writeString(out, render(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.IO_FAILURE,
          "cannot write the HTML report: " + e.getMessage(),
          Location.ofFile(out.toString()),
          e);
    }
  }

  /** The whole page. */
  public static String render(ValidationResult r) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Synthos report ")
        .append(esc(r.datasetId()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    verdict(sb, r);
    sb.append("<main>\n");
    dimensions(sb, r);
    checks(sb, r);
    distributions(sb, r.charts(), r.reference() != null);
    correlation(sb, r.charts());
    tails(sb, r.charts());
    texts(sb, r.charts(), r.reference() != null);
    LearnabilityHtml.section(sb, r.learnability());
    localisation(sb, r);
    recommendations(sb, r);
    evidence(sb, r);
    provenance(sb, r);
    sb.append("</main></body></html>\n");
    return sb.toString();
  }

  private static void verdict(StringBuilder sb, ValidationResult r) {
    Verdict v = r.verdict();
    boolean ok = v.decision() == org.synthos.core.assess.Decision.APPROVE;
    sb.append("<header id=\"verdict\" class=\"verdict ")
        .append(ok ? "approve" : "reject")
        .append("\">")
        .append("<h1>")
        .append(ok ? "Approved" : "Rejected")
        .append("</h1>")
        .append(
            String.format(
                Locale.ROOT,
                "<p><b>Risk %.1f</b> (%s) &middot; collapse probability %.2f &middot; confidence %.2f</p>",
                v.riskScore(),
                v.riskLevel().key(),
                v.collapseProbability(),
                v.confidence()));
    if (!v.collapseTypes().isEmpty()) {
      sb.append("<p>Collapse types: ")
          .append(
              v.collapseTypes().stream()
                  .map(t -> esc(t.code() + " \u2013 " + t.description()))
                  .collect(Collectors.joining("; ")))
          .append("</p>");
    }
    if (!v.rootCauses().isEmpty()) {
      sb.append("<p>Root causes: ")
          .append(
              v.rootCauses().stream()
                  .map(
                      c ->
                          esc(c.type().code())
                              + String.format(Locale.ROOT, " %.0f%%", 100 * c.share()))
                  .collect(Collectors.joining(", ")))
          .append("</p>");
    }
    sb.append("<ul>");
    for (String reason : v.reasons()) {
      sb.append("<li>").append(esc(reason)).append("</li>");
    }
    sb.append("</ul><p><small>").append(esc(r.candidate().uri()));
    if (r.reference() != null) {
      sb.append(" against ").append(esc(r.reference().uri()));
    }
    sb.append(" &middot; ").append(esc(r.validationId())).append("</small></p></header>\n");
  }

  private static void dimensions(StringBuilder sb, ValidationResult r) {
    sb.append("<section id=\"dimensions\"><h2>Dimensions</h2>");
    int rowH = 30;
    int left = 250;
    int barW = 560;
    int h = rowH * r.dimensions().size() + 30;
    sb.append("<svg class=\"chart\" role=\"img\" width=\"")
        .append(left + barW + 90)
        .append("\" height=\"")
        .append(h)
        .append("\"><title>Dimension scores, 0 to 100</title>");
    int y = 10;
    for (DimensionResult d : r.dimensions()) {
      sb.append("<text x=\"8\" y=\"")
          .append(y + 18)
          .append("\" font-size=\"13\">")
          .append(esc(d.dimension().title()))
          .append("</text>");
      sb.append("<rect x=\"")
          .append(left)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(barW)
          .append("\" height=\"18\" fill=\"#eeeeee\"/>");
      if (d instanceof DimensionResult.Scored s) {
        String colour =
            switch (s.status()) {
              case PASS -> "#43a047";
              case WARN -> "#fb8c00";
              case FAIL -> "#e53935";
            };
        sb.append(
            Svg.rect(
                left,
                y + 4,
                barW * s.score() / 100,
                18,
                colour,
                d.dimension().title()
                    + ": "
                    + String.format(Locale.ROOT, "%.1f", s.score())
                    + " ("
                    + s.status().key()
                    + ")"));
        for (double t : new double[] {s.failBelow(), s.warnBelow()}) {
          double x = left + barW * t / 100;
          sb.append("<line x1=\"")
              .append(Svg.f(x))
              .append("\" y1=\"")
              .append(y + 1)
              .append("\" x2=\"")
              .append(Svg.f(x))
              .append("\" y2=\"")
              .append(y + 25)
              .append("\" stroke=\"#424242\" stroke-dasharray=\"2 2\"/>");
        }
        sb.append("<text x=\"")
            .append(left + barW + 8)
            .append("\" y=\"")
            .append(y + 18)
            .append("\" font-size=\"13\" class=\"")
            .append(s.status().key())
            .append("\">")
            .append(String.format(Locale.ROOT, "%.1f", s.score()))
            .append("</text>");
      } else {
        DimensionResult.NotApplicable na = (DimensionResult.NotApplicable) d;
        sb.append("<text x=\"")
            .append(left + 8)
            .append("\" y=\"")
            .append(y + 17)
            .append("\" font-size=\"12\" class=\"na\">not judged: ")
            .append(esc(Svg.clip(na.reason(), 80)))
            .append("<title>")
            .append(esc(na.reason()))
            .append("</title></text>");
      }
      y += rowH;
    }
    sb.append(
        "</svg><p><small>Dashed lines: the policy's fail and warn thresholds. Scores are 0.5 &times; mean + 0.5 &times; minimum of the sub-scores; each sub-score counts only what exceeds the noise of re-split real data.</small></p>");
    sb.append("</section>\n");
  }

  private static void checks(StringBuilder sb, ValidationResult r) {
    if (r.checks().isEmpty() && r.schemaDifferences().isEmpty()) {
      return;
    }
    sb.append(
        "<section id=\"checks\"><h2>Checks</h2><table><tr><th>Status</th><th>Check</th><th>Column</th><th>Detail</th></tr>");
    for (Check c : r.checks()) {
      sb.append("<tr><td class=\"")
          .append(c.status().key())
          .append("\">")
          .append(c.status().key())
          .append("</td><td>")
          .append(esc(c.kind().key()))
          .append("</td><td>")
          .append(esc(c.column()))
          .append("</td><td>")
          .append(esc(c.detail()))
          .append("</td></tr>");
    }
    for (SchemaDifference d : r.schemaDifferences()) {
      sb.append("<tr><td>schema</td><td>")
          .append(esc(d.kind().name().toLowerCase(Locale.ROOT)))
          .append("</td><td>")
          .append(esc(d.column()))
          .append("</td><td>reference ")
          .append(d.referenceType() == null ? "\u2013" : d.referenceType().label())
          .append(", candidate ")
          .append(d.candidateType() == null ? "\u2013" : d.candidateType().label())
          .append("</td></tr>");
    }
    sb.append("</table></section>\n");
  }

  private static String legend(boolean reference) {
    return "<p class=\"legend\">"
        + (reference ? "<span style=\"background:" + Svg.REFERENCE + "\"></span>reference" : "")
        + "<span style=\"background:"
        + Svg.CANDIDATE
        + "\"></span>candidate</p>";
  }

  private static void distributions(StringBuilder sb, Charts charts, boolean reference) {
    sb.append("<section id=\"distributions\"><h2>Distributions</h2>")
        .append(legend(reference))
        .append("<div class=\"grid\">");
    for (Charts.ColumnChart c : charts.columns()) {
      sb.append(Svg.bars(c.column(), c.bins(), c.reference(), c.candidate(), !c.numeric()));
    }
    sb.append("</div></section>\n");
  }

  private static void texts(StringBuilder sb, Charts charts, boolean reference) {
    if (charts.texts().isEmpty()) {
      return;
    }
    sb.append("<section id=\"texts\"><h2>Text columns</h2>")
        .append(
            "<p><small>Per text column: length in tokens, the most frequent words (shares of each"
                + " side's words), and the largest clusters of equal or near-duplicate texts"
                + " (shares of each side's rows).</small></p>")
        .append(legend(reference))
        .append("<div class=\"grid\">");
    for (Charts.ColumnChart c : charts.texts()) {
      sb.append(Svg.bars(c.column(), c.bins(), c.reference(), c.candidate(), !c.numeric()));
    }
    sb.append("</div></section>\n");
  }

  private static void correlation(StringBuilder sb, Charts charts) {
    Charts.Correlation c = charts.correlation();
    if (c.columns().size() < 2) {
      return;
    }
    sb.append("<section id=\"correlation\"><h2>Association difference</h2>")
        .append(
            "<p><small>Candidate minus reference: Pearson r between numeric columns, Cramér's V otherwise.</small></p>")
        .append(Svg.heatmap(c.columns(), c.difference()))
        .append("</section>\n");
  }

  private static void tails(StringBuilder sb, Charts charts) {
    if (charts.tails().isEmpty()) {
      return;
    }
    sb.append(
        "<section id=\"tails\"><h2>Tails</h2><p><small>Quantiles of the outer 10% on each side; a collapsing dataset pulls its curve towards the middle.</small></p><div class=\"grid\">");
    for (Charts.TailPlot t : charts.tails()) {
      sb.append(Svg.tails(t.column(), t.probabilities(), t.reference(), t.candidate()));
    }
    sb.append("</div></section>\n");
  }

  private static void localisation(StringBuilder sb, ValidationResult r) {
    sb.append("<section id=\"localisation\"><h2>Rows responsible</h2>");
    if (r.localisation().isEmpty()) {
      sb.append("<p>No rows were flagged.</p></section>\n");
      return;
    }
    sb.append(
        "<table><tr><th>Cause</th><th>Rows</th><th>Groups</th><th>Example rows</th><th>Summary</th></tr>");
    for (CauseSummary c : r.localisation()) {
      sb.append("<tr><td>")
          .append(esc(c.cause().key()))
          .append("</td><td>")
          .append(c.rows())
          .append("</td><td>")
          .append(c.groups())
          .append("</td><td><code>")
          .append(c.exampleRows().stream().map(String::valueOf).collect(Collectors.joining(", ")))
          .append("</code></td><td>")
          .append(esc(c.summary()))
          .append("</td></tr>");
    }
    sb.append("</table></section>\n");
  }

  private static void recommendations(StringBuilder sb, ValidationResult r) {
    sb.append("<section id=\"recommendations\"><h2>Recommendations</h2>");
    if (r.recommendations().isEmpty()) {
      sb.append("<p>Nothing to fix.</p></section>\n");
      return;
    }
    sb.append(
        "<table><tr><th>Priority</th><th>Recommendation</th><th>Why</th><th>Measured impact</th></tr>");
    for (Recommendation rec : r.recommendations()) {
      sb.append("<tr><td>")
          .append(rec.priority().key())
          .append("</td><td><b>")
          .append(esc(rec.title()))
          .append("</b><br>")
          .append(esc(rec.action()))
          .append("</td><td>")
          .append(esc(rec.trigger()))
          .append("</td><td>");
      if (rec.impact() instanceof Impact.Measured m) {
        sb.append(
                String.format(
                    Locale.ROOT,
                    "risk %.1f &rarr; %.1f (%s after)",
                    m.riskBefore(),
                    m.riskAfter(),
                    m.decisionAfter().key()))
            .append("<br><small>")
            .append(esc(m.applied()))
            .append("</small>");
      } else {
        sb.append("<small>not measured: ")
            .append(esc(((Impact.NotMeasured) rec.impact()).reason()))
            .append("</small>");
      }
      sb.append("</td></tr>");
    }
    sb.append("</table></section>\n");
  }

  private static void evidence(StringBuilder sb, ValidationResult r) {
    sb.append("<section id=\"evidence\"><h2>Evidence</h2>");
    for (DimensionResult d : r.dimensions()) {
      if (!(d instanceof DimensionResult.Scored s)) {
        continue;
      }
      sb.append("<details><summary>")
          .append(esc(d.dimension().title()))
          .append(String.format(Locale.ROOT, " \u2013 %.1f", s.score()))
          .append(
              "</summary><table><tr><th>Measure</th><th>Column</th><th>Value</th><th>Rows</th><th>Noise band (mean / upper)</th><th>Score</th><th>Detail</th></tr>");
      for (Evidence e : s.evidence()) {
        sb.append("<tr><td>")
            .append(esc(e.measure().key()))
            .append("</td><td>")
            .append(esc(e.column()))
            .append("</td><td>")
            .append(Svg.num(e.value()))
            .append("</td><td>")
            .append(esc(e.rows().key().replace('_', ' ')))
            .append("</td><td>")
            .append(Svg.num(e.nullBand().mean()))
            .append(" / ")
            .append(Svg.num(e.nullBand().upper()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f", e.score()))
            .append("</td><td>")
            .append(esc(e.detail()))
            .append("</td></tr>");
      }
      sb.append("</table></details>");
    }
    sb.append("</section>\n");
  }

  private static void provenance(StringBuilder sb, ValidationResult r) {
    sb.append("<footer id=\"provenance\"><h2>Provenance</h2><table>");
    source(sb, "candidate", r.candidate());
    if (r.reference() != null) {
      source(sb, "reference", r.reference());
    }
    sb.append("<tr><th>seed</th><td>")
        .append(r.options().seed())
        .append("</td></tr>")
        .append("<tr><th>policy</th><td>")
        .append(esc(r.options().policy().name()))
        .append("</td></tr>")
        .append("<tr><th>engine</th><td>synthos ")
        .append(esc(r.engineVersion()))
        .append("</td></tr>")
        .append("<tr><th>created</th><td>")
        .append(esc(r.createdAt().toString()))
        .append("</td></tr>")
        .append("<tr><th>stages</th><td>");
    for (StageTiming t : r.timings()) {
      sb.append(esc(t.stage().key())).append(' ').append(t.millis()).append(" ms; ");
    }
    sb.append("</td></tr></table></footer>\n");
  }

  private static void source(StringBuilder sb, String label, SourceInfo s) {
    sb.append("<tr><th>")
        .append(label)
        .append("</th><td>")
        .append(esc(s.uri()))
        .append("<br><code>sha256 ")
        .append(esc(s.fingerprint()))
        .append("</code><br>")
        .append(s.rows())
        .append(" rows, ")
        .append(s.rowsAnalysed())
        .append(" analysed, ")
        .append(s.schema().size())
        .append(" columns</td></tr>");
  }
}
