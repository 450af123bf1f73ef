package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus scrapes the service's /metrics and stores the earlier service's series. Runs
 * when SYNTHOS_TEST_PROMETHEUS names the prometheus binary (.ci/services.sh prints it).
 */
@Tag("integration")
class PrometheusScrapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /**
   * The result vector of an instant query; empty while Prometheus still answers 503 (it opens its
   * port before its storage and query engine are ready).
   */
  private static JsonNode query(HttpClient http, int port, String promql) throws Exception {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return JSON.createArrayNode();
    }
    return JSON.readTree(response.body()).at("/data/result");
  }

  @Test
  void prometheusScrapesTheSeedSeries() throws Exception {
    String binary = System.getenv("SYNTHOS_TEST_PROMETHEUS");
    assumeTrue(
        binary != null && !binary.isBlank(),
        "SYNTHOS_TEST_PROMETHEUS is not set: run .ci/services.sh to install Debian's prometheus");
    Harness.csv(dir.resolve("storage/m.csv"), 1000, 2);
    try (SynthosService s = SynthosService.start(Harness.config(dir));
        JobStore store = Harness.store(Harness.config(dir))) {
      JobManagerAccess.submitAndAwait(s, store, "m.csv", 1000);
      int promPort = ChildProcesses.freePort();
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "global:",
              "  scrape_interval: 1s",
              "scrape_configs:",
              "  - job_name: synthos",
              "    static_configs:",
              "      - targets: ['127.0.0.1:" + s.httpPort() + "']",
              ""));
      Process prom =
          ChildProcesses.start(
              List.of(
                  binary,
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("tsdb"),
                  "--web.listen-address=127.0.0.1:" + promPort),
              dir.resolve("prometheus.log"));
      try {
        ChildProcesses.awaitPort(promPort, prom, 30);
        HttpClient http = HttpClient.newHttpClient();
        List<String> series =
            List.of(
                "synthos_validation_requests_total{status=\"succeeded\",dataset_format=\"csv\"}",
                "synthos_active_validations",
                "synthos_validation_duration_seconds_bucket{stage=\"total\"}",
                "synthos_validation_duration_seconds_bucket{stage=\"multivariate\"}",
                "synthos_dataset_rows_processed_bucket",
                "synthos_collapse_score_count",
                "synthos_diversity_score_count",
                "synthos_cpu_percent",
                "synthos_memory_used_bytes",
                "up{job=\"synthos\"}");
        for (String q : series) {
          JsonNode result = null;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (System.nanoTime() < deadline) {
            result = query(http, promPort, q);
            if (result.size() > 0) {
              break;
            }
            Thread.sleep(250);
          }
          assertThat(result).as("series %s in Prometheus", q).isNotNull();
          assertThat(result.size()).as("series %s in Prometheus", q).isPositive();
        }
        JsonNode rows = query(http, promPort, "synthos_dataset_rows_processed_sum");
        assertThat(rows.at("/0/value/1").asText()).isEqualTo("1000");
      } finally {
        ChildProcesses.stop(prom);
      }
    }
  }
}
