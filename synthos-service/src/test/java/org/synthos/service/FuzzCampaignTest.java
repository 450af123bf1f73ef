package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CI's bounded fuzzing run: {@link FuzzCampaign} over every target for {@code SYNTHOS_FUZZ_SECONDS}
 * (default 10), one worker. Logs and any finding go to {@code target/fuzz/}; a finding fails the
 * test, and its input becomes a regression input of {@link FuzzRegressionTest} once fixed.
 */
@Tag("integration")
class FuzzCampaignTest {
  @Test
  void everyTargetSurvivesABoundedRun() throws Exception {
    int seconds = Integer.parseInt(System.getenv().getOrDefault("SYNTHOS_FUZZ_SECONDS", "10"));
    Path out = Path.of("target/fuzz");
    FuzzCampaign.Result r = FuzzCampaign.run(seconds, 1, out, 1);
    Files.writeString(
        out.resolve("campaign.txt"),
        "seconds=" + seconds + "\nexecutions=" + r.executions() + "\n");
    assertThat(r.failedWorkers()).as("finding or failure; see %s", r.logs()).isZero();
    assertThat(r.executions()).as("executions; see %s", r.logs()).isPositive();
  }
}
