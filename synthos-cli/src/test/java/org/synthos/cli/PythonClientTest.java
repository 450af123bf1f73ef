package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Python client's tests ({@code clients/python/tests}, pytest) against {@code synthos serve}
 * child processes run from this module's test class path, so {@code mvn verify} checks the client
 * against the service built in the same run. {@code run-tests.sh} exits 77 when no python3 with the
 * client's packages (or no protoc) is installed: the test is then skipped with that reason, except
 * under {@code CI=true}, where the script fails instead. The pytest output is in {@code
 * target/python-client-tests.log}.
 */
@Tag("integration")
class PythonClientTest {
  private static final int SKIPPED = 77;

  @Test
  void thePythonClientPassesItsTestsAgainstTheService() throws Exception {
    Path script = Path.of("../clients/python/run-tests.sh").toAbsolutePath().normalize();
    Path log = Path.of("target/python-client-tests.log").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SYNTHOS_CLASSPATH", System.getProperty("java.class.path"));
    builder
        .environment()
        .put("SYNTHOS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process = builder.start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      // The servers the fixtures started are descendants: stop them with the run.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      fail("the Python client tests ran over 20 minutes; output: " + tail(log));
    }
    Assumptions.assumeTrue(process.exitValue() != SKIPPED, () -> tail(log));
    assertThat(process.exitValue()).as("pytest output:%n%s", tail(log)).isZero();
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.substring(Math.max(0, s.length() - 6000));
    } catch (java.io.IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
