package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes against the Kubernetes API schemas, offline, with
 * deploy/kubernetes/validate/validate.mjs. Runs when SYNTHOS_TEST_K8S_VALIDATE names that folder
 * with its packages installed (.ci/services.sh runs npm ci there and prints it).
 */
@Tag("integration")
class KubernetesSchemaTest {
  @TempDir Path dir;

  private static Path validator() {
    String folder = System.getenv("SYNTHOS_TEST_K8S_VALIDATE");
    assumeTrue(
        folder != null && Files.isDirectory(Path.of(folder, "node_modules")),
        "SYNTHOS_TEST_K8S_VALIDATE is not set: run .ci/services.sh (needs node and npm)");
    return Path.of(folder, "validate.mjs");
  }

  private static Result validate(Path validator, List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", validator.toString()));
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  record Result(int status, String output) {}

  @Test
  void theManifestsMatchTheKubernetesSchemas() throws Exception {
    Path validator = validator();
    List<Path> manifests;
    try (var files = Files.list(DeploymentFilesTest.ROOT.resolve("deploy/kubernetes"))) {
      manifests = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    Result ok = validate(validator, manifests);
    assertThat(ok.status()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("5 resource(s) valid, 0 failure(s)");

    // The validator does reject what the schemas forbid: a port given as a string, a wrong kind.
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(DeploymentFilesTest.ROOT.resolve("deploy/kubernetes/deployment.yaml"))
                .replace("containerPort: 8000", "containerPort: \"8000\"")
            + "---\napiVersion: policy/v1\nkind: PodDisruptionBudgets\nmetadata: {name: x}\n");
    Result refused = validate(validator, List.of(bad));
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.output()).contains("containerPort must be integer", "PodDisruptionBudgets");
  }
}
