package org.synthos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Per-stage times and row counts as the CLI reports them. */
final class StageTimes {
  /** The first line of {@code synthos profile}: {@code FILE: csv, 1,000 rows, ... (0.12 s)}. */
  private static final Pattern PROFILE_HEADER =
      Pattern.compile(", ([0-9,]+) rows, .*\\(([0-9.]+) s\\)\\s*$");

  private StageTimes() {}

  /**
   * {@code profile} seconds from the table output's header line; empty when there is none. The
   * header is searched line by line because JVM options such as JFR print to stdout first.
   */
  static Map<String, Double> fromProfileText(String stdout) {
    Map<String, Double> stages = new LinkedHashMap<>();
    header(stdout).ifPresent(m -> stages.put("profile", Double.parseDouble(m.group(2))));
    return stages;
  }

  static OptionalLong rowsFromProfileText(String stdout) {
    return header(stdout)
        .map(m -> OptionalLong.of(Long.parseLong(m.group(1).replace(",", ""))))
        .orElse(OptionalLong.empty());
  }

  private static Optional<Matcher> header(String stdout) {
    for (String line : stdout.split("\n")) {
      Matcher m = PROFILE_HEADER.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Stage seconds from a validate report (docs/report-schema.md: {@code internal.stages} as {@code
   * [{name, millis}]} and {@code internal.total_millis}). A {@code stages} object keyed by name
   * with {@code time_seconds} or {@code seconds} members is read too, at any depth.
   */
  static Map<String, Double> fromReport(JsonNode report) {
    Map<String, Double> stages = new LinkedHashMap<>();
    collect(report, stages);
    JsonNode millis = report.findValue("total_millis");
    JsonNode seconds = report.findValue("total_time_seconds");
    if (millis != null && millis.isNumber()) {
      stages.put("total", millis.asDouble() / 1000);
    } else if (seconds != null && seconds.isNumber()) {
      stages.put("total", seconds.asDouble());
    }
    return stages;
  }

  /** Rows and rows analysed of the candidate and the reference, from a report's provenance. */
  static Map<String, Long> rowCounts(JsonNode report) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String side : new String[] {"candidate", "reference"}) {
      JsonNode n = report.path("provenance").path(side);
      for (String field : new String[] {"rows", "rows_analysed"}) {
        if (n.path(field).isNumber()) {
          counts.put(side + "_" + field, n.path(field).asLong());
        }
      }
    }
    return counts;
  }

  private static void collect(JsonNode node, Map<String, Double> stages) {
    if (node.isObject()) {
      JsonNode s = node.get("stages");
      if (s != null && s.isObject()) {
        for (Map.Entry<String, JsonNode> e : s.properties()) {
          seconds(e.getValue()).ifPresent(t -> stages.putIfAbsent(e.getKey(), t));
        }
      } else if (s != null && s.isArray()) {
        for (JsonNode stage : s) {
          String name = stage.path("name").asText("");
          if (!name.isEmpty()) {
            seconds(stage).ifPresent(t -> stages.putIfAbsent(name, t));
          }
        }
      }
      node.elements().forEachRemaining(child -> collect(child, stages));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collect(child, stages));
    }
  }

  private static Optional<Double> seconds(JsonNode stage) {
    if (stage.path("millis").isNumber()) {
      return Optional.of(stage.path("millis").asDouble() / 1000);
    }
    for (String key : new String[] {"time_seconds", "seconds"}) {
      if (stage.path(key).isNumber()) {
        return Optional.of(stage.path(key).asDouble());
      }
    }
    return Optional.empty();
  }
}
