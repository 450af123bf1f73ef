package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The alerting rules in deploy/prometheus against their runbooks and their promtool tests: every
 * alert has a severity, a runbook file with the four sections an on-call engineer needs, a firing
 * case in the promtool tests, and uses only series the service exports (or Prometheus's {@code
 * up}).
 */
@Tag("unit")
class AlertRulesTest {
  static final Path ROOT = Path.of("..");
  static final Path RULES = ROOT.resolve("deploy/prometheus/synthos-alerts.yml");
  static final Path TESTS = ROOT.resolve("deploy/prometheus/tests/synthos-alerts.test.yml");

  @SuppressWarnings("unchecked")
  static <T> T yaml(Path file) throws IOException {
    return (T) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alerts() throws IOException {
    Map<String, Object> doc = yaml(RULES);
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
      alerts.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return alerts;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasASeverityAndACompleteRunbook() throws IOException {
    List<Map<String, Object>> alerts = alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
    Set<String> names = new HashSet<>();
    for (Map<String, Object> alert : alerts) {
      String name = (String) alert.get("alert");
      assertThat(names.add(name)).as("duplicate alert %s", name).isTrue();
      Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
      assertThat(labels.get("severity")).as(name).isIn("critical", "warning");
      Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
      assertThat(annotations).as(name).containsKeys("summary", "description", "runbook_url");
      Path runbook = ROOT.resolve((String) annotations.get("runbook_url"));
      assertThat(runbook).as("runbook of %s", name).isRegularFile();
      String text = Files.readString(runbook);
      assertThat(text)
          .as("runbook of %s", name)
          .startsWith("# " + name)
          .contains("## Meaning", "## Confirm", "## Act", "## Roll back")
          .contains("severity: " + labels.get("severity"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertIsShownFiringInThePromtoolTests() throws IOException {
    Map<String, Object> doc = yaml(TESTS);
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (Map<String, Object> test : (List<Map<String, Object>>) doc.get("tests")) {
      for (Map<String, Object> c : (List<Map<String, Object>>) test.get("alert_rule_test")) {
        List<Object> expected = (List<Object>) c.get("exp_alerts");
        (expected == null || expected.isEmpty() ? quiet : firing).add((String) c.get("alertname"));
      }
    }
    for (Map<String, Object> alert : alerts()) {
      assertThat(firing).as("a firing case").contains((String) alert.get("alert"));
      assertThat(quiet).as("a quiet case").contains((String) alert.get("alert"));
    }
  }

  @Test
  void theRulesUseOnlySeriesTheServiceExports() throws IOException {
    ServiceMetrics metrics = new ServiceMetrics(ServiceMetrics.GpuProbe.none());
    metrics.queue(() -> 0, 10);
    String text = metrics.scrape();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\b((?:synthos|jvm)_[a-z_]+)")
            .matcher(Files.readString(RULES));
    Set<String> used = new HashSet<>();
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).contains("synthos_validation_errors_total", "synthos_ready");
    for (String series : used) {
      if (series.startsWith("synthos_gpu_")) {
        // Only where nvidia-smi lists a GPU: ServiceMetricsTest covers both names.
        assertThat(series).isIn("synthos_gpu_memory_used_bytes", "synthos_gpu_memory_total_bytes");
        continue;
      }
      assertThat(text).as("series %s on /metrics", series).contains("\n" + series);
    }
  }
}
