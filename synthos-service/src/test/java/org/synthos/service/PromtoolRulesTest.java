package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool check rules} and {@code promtool test rules} on deploy/prometheus. Runs when
 * SYNTHOS_TEST_PROMTOOL names Debian's promtool (.ci/services.sh prints it).
 */
@Tag("integration")
class PromtoolRulesTest {
  private static String promtool() {
    String binary = System.getenv("SYNTHOS_TEST_PROMTOOL");
    assumeTrue(
        binary != null && !binary.isBlank() && Files.isExecutable(Path.of(binary)),
        "SYNTHOS_TEST_PROMTOOL is not set: run .ci/services.sh to install Debian's prometheus");
    return binary;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s:%n%s", List.of(command), out).isZero();
    return out;
  }

  @Test
  void theRulesAreValidAndPassTheirUnitTests() throws Exception {
    String promtool = promtool();
    assertThat(run(promtool, "check", "rules", AlertRulesTest.RULES.toString()))
        .contains("SUCCESS: " + AlertRulesTest.alerts().size() + " rules found");
    assertThat(run(promtool, "test", "rules", AlertRulesTest.TESTS.toString())).contains("SUCCESS");
  }

  @Test
  void theComposePrometheusConfigurationLoadsTheRules(@TempDir Path dir) throws Exception {
    // The compose file mounts the rules at this path; here it points at the repository's copy.
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        Files.readString(Path.of("..", "deploy", "compose", "prometheus.yml"))
            .replace(
                "/etc/prometheus/rules/synthos-alerts.yml",
                AlertRulesTest.RULES.toAbsolutePath().normalize().toString()));
    assertThat(run(promtool(), "check", "config", config.toString()))
        .contains("SUCCESS: 1 rule files found");
  }
}
