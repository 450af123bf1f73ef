package org.synthos.service;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * The fuzz targets under JUnit: {@code mvn verify} replays each target's inputs under {@code
 * src/test/resources/org/synthos/service/FuzzRegressionTestInputs/<method>/} (seeds and every
 * finding, kept as regression tests). With {@code JAZZER_FUZZ=1} one target is fuzzed for its
 * {@code maxDuration}; {@link FuzzCampaignTest} fuzzes all of them in one bounded run.
 */
@Tag("unit")
class FuzzRegressionTest {
  @FuzzTest(maxDuration = "30s")
  void csv(byte[] input) {
    FuzzTargets.csv(input);
  }

  @FuzzTest(maxDuration = "30s")
  void jsonLines(byte[] input) {
    FuzzTargets.jsonLines(input);
  }

  @FuzzTest(maxDuration = "30s")
  void parquet(byte[] input) {
    FuzzTargets.parquet(input);
  }

  @FuzzTest(maxDuration = "30s")
  void policy(byte[] input) {
    FuzzTargets.policy(input);
  }

  @FuzzTest(maxDuration = "30s")
  void config(byte[] input) {
    FuzzTargets.config(input);
  }

  @FuzzTest(maxDuration = "30s")
  void httpBody(byte[] input) {
    FuzzTargets.httpBody(input);
  }
}
