package org.synthos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Per-stage times and row counts as the CLI reports them. */
final class StageTimes {
  /** The first line of {@code synthos profile}: {@code FILE: csv, 1,000 rows, ... (0.12 s)}. */
  private static final Pattern PROFILE_HEADER =
      Pattern.compile(", ([0-9,]+) rows, .*\\(([0-9.]+) s\\)\\s*$");

  private StageTimes() {}

  /** {@code profile} seconds from the table output's first line; empty when it is not there. */
  static Map<String, Double> fromProfileText(String stdout) {
    Map<String, Double> stages = new LinkedHashMap<>();
    Matcher m = PROFILE_HEADER.matcher(firstLine(stdout));
    if (m.find()) {
      stages.put("profile", Double.parseDouble(m.group(2)));
    }
    return stages;
  }

  static OptionalLong rowsFromProfileText(String stdout) {
    Matcher m = PROFILE_HEADER.matcher(firstLine(stdout));
    return m.find()
        ? OptionalLong.of(Long.parseLong(m.group(1).replace(",", "")))
        : OptionalLong.empty();
  }

  /**
   * Stage seconds from a validate report: every member of a {@code stages} object (at any depth)
   * that carries {@code time_seconds} or {@code seconds}, plus the report's total when it has one.
   */
  static Map<String, Double> fromReport(JsonNode report) {
    Map<String, Double> stages = new LinkedHashMap<>();
    collect(report, stages);
    JsonNode total = report.findValue("total_time_seconds");
    if (total != null && total.isNumber()) {
      stages.put("total", total.asDouble());
    }
    return stages;
  }

  private static void collect(JsonNode node, Map<String, Double> stages) {
    if (node.isObject()) {
      JsonNode s = node.get("stages");
      if (s != null && s.isObject()) {
        for (Map.Entry<String, JsonNode> e : s.properties()) {
          JsonNode t =
              e.getValue().has("time_seconds")
                  ? e.getValue().get("time_seconds")
                  : e.getValue().get("seconds");
          if (t != null && t.isNumber()) {
            stages.putIfAbsent(e.getKey(), t.asDouble());
          }
        }
      }
      node.elements().forEachRemaining(child -> collect(child, stages));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collect(child, stages));
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
