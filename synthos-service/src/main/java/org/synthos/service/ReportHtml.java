package org.synthos.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTML view of a report: the headline fields, then the full document. */
final class ReportHtml {
  private ReportHtml() {}

  static byte[] render(JsonNode report) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Synthos report ")
        .append(escape(report.path("validation_id").asText()))
        .append("</title></head><body><h1>Synthos validation report</h1><table>");
    for (String field :
        new String[] {
          "validation_id", "dataset_id", "job_id", "status", "created_at", "completed_at"
        }) {
      row(h, field, report.path(field).asText());
    }
    for (Map.Entry<String, JsonNode> e : report.path("results").properties()) {
      row(
          h,
          e.getKey(),
          e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
    }
    h.append("</table><h2>Full report</h2><pre>")
        .append(escape(report.toPrettyString()))
        .append("</pre></body></html>");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th align=\"left\">")
        .append(escape(key))
        .append("</th><td>")
        .append(escape(value))
        .append("</td></tr>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
