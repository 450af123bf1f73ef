package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariants of the container and Kubernetes files that no schema checks: a non-root, read-only
 * image built with jlink and checked for health; configuration the service accepts; a grace period
 * longer than the service's own shutdown grace; probes on the service's health routes; selectors
 * that match.
 */
@Tag("unit")
class DeploymentFilesTest {
  static final Path ROOT = Path.of("..");
  @TempDir Path dir;

  /** The Dockerfile's stages, each as its instruction lines (continuations joined). */
  static List<List<String>> stages() throws IOException {
    String text = Files.readString(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
    List<List<String>> stages = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("FROM ")) {
        stages.add(new ArrayList<>());
      }
      if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).add(l);
      }
    }
    return stages;
  }

  @Test
  void theImageIsBuiltByMavenRunsOnAJlinkedJreAsANonRootUser() throws IOException {
    List<List<String>> stages = stages();
    assertThat(stages).hasSizeGreaterThanOrEqualTo(3);
    assertThat(stages.get(0).get(0)).endsWith(" AS build");
    assertThat(String.join("\n", stages.get(0))).contains("mvn ", " package", "synthos.jar");
    assertThat(stages)
        .anySatisfy(s -> assertThat(String.join("\n", s)).contains("jlink ", "jdeps "));
    List<String> last = stages.get(stages.size() - 1);
    String runtime = String.join("\n", last);
    assertThat(runtime).contains("COPY --from=jre /jre /opt/jre");
    Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(runtime);
    assertThat(user.find()).as("USER in the final stage").isTrue();
    assertThat(user.group(1)).doesNotStartWith("0").isNotEqualTo("root");
    assertThat(runtime).containsPattern("(?m)^HEALTHCHECK .*/health/ready");
    assertThat(runtime)
        .contains("ENTRYPOINT [\"/opt/jre/bin/java\"")
        .contains("EXPOSE 8000 50051")
        .doesNotContain("ADD http");
    assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("**/target", ".git");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheServiceReadOnlyWithItsStoreStorageAndPrometheus() throws Exception {
    Map<String, Object> compose = AlertRulesTest.yaml(ROOT.resolve("deploy/compose/compose.yaml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    assertThat(services).containsKeys("synthos", "postgres", "minio", "minio-bucket", "prometheus");
    Map<String, Object> synthos = (Map<String, Object>) services.get("synthos");
    assertThat(synthos.get("read_only")).isEqualTo(true);
    assertThat((String) synthos.get("user")).doesNotStartWith("0").isNotEqualTo("root");
    assertThat((List<String>) synthos.get("tmpfs")).contains("/tmp");
    Map<String, String> env = (Map<String, String>) synthos.get("environment");
    int grace = Integer.parseInt(env.get("SYNTHOS_JOBS_SHUTDOWN_GRACE_SECONDS"));
    String stop = (String) synthos.get("stop_grace_period");
    assertThat(Integer.parseInt(stop.replace("s", ""))).isGreaterThan(grace);

    // Every variable names a configuration key, and the service accepts the result.
    Map<String, String> environment = new HashMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      assertThat(ServiceConfig.DEFAULTS.keySet().stream().map(ServiceConfig::envName))
          .as("variable %s", e.getKey())
          .contains(e.getKey());
      String value = e.getValue();
      if (value.startsWith("/run/secrets/")) {
        Path secret = dir.resolve(value.substring("/run/secrets/".length()));
        Files.writeString(secret, "s3cret");
        value = secret.toString();
      }
      environment.put(e.getKey(), value);
    }
    ServiceConfig config =
        ServiceConfig.load(Optional.empty(), environment, Map.of("data_dir", dir.toString()));
    assertThat(config.store().jdbcUrl()).startsWith("jdbc:postgresql://postgres:");
    assertThat(config.store().password()).isPresent();
    assertThat(config.storage().s3()).isPresent();

    Map<String, Object> prometheus = (Map<String, Object>) services.get("prometheus");
    assertThat((List<String>) prometheus.get("volumes"))
        .contains("../prometheus/synthos-alerts.yml:/etc/prometheus/rules/synthos-alerts.yml:ro");
    Map<String, Object> scrape = AlertRulesTest.yaml(ROOT.resolve("deploy/compose/prometheus.yml"));
    assertThat((List<String>) scrape.get("rule_files"))
        .containsExactly("/etc/prometheus/rules/synthos-alerts.yml");
    assertThat(scrape.toString()).contains("job_name=synthos", "synthos:8000");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> manifest(String file) throws IOException {
    return AlertRulesTest.yaml(ROOT.resolve("deploy/kubernetes").resolve(file));
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String... path) {
    Object n = node;
    for (String p : path) {
      n = n instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) n).get(p);
    }
    return (T) n;
  }

  static Object value(Object node, String... path) {
    return at(node, path);
  }

  @Test
  void theDeploymentDrainsWithinItsGracePeriodAndProbesTheHealthRoutes() throws Exception {
    Map<String, Object> deployment = manifest("deployment.yaml");
    Map<String, Object> pod = at(deployment, "spec", "template", "spec");
    Map<String, Object> container = at(pod, "containers", "0");

    // The ConfigMap's synthos.yaml is a configuration the service accepts.
    String yaml = at(manifest("configmap.yaml"), "data", "synthos.yaml");
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    for (String name : List.of("store-password", "s3-access-key-id", "s3-secret-access-key")) {
      Files.writeString(secrets.resolve(name), "s3cret");
    }
    Path file = dir.resolve("synthos.yaml");
    Files.writeString(file, yaml.replace("/run/secrets/synthos", secrets.toString()));
    ServiceConfig config =
        ServiceConfig.load(Optional.of(file), Map.of(), Map.of("data_dir", dir.toString()));

    long grace = config.jobs().shutdownGrace().toSeconds();
    int termination = at(pod, "terminationGracePeriodSeconds");
    assertThat(termination).isBetween((int) grace + 10, (int) grace + 60);
    assertThat(config.http().port()).isEqualTo(8000);
    assertThat(config.grpc().port()).isEqualTo(50051);
    assertThat(config.http().host()).isEqualTo("0.0.0.0");
    assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
        .isEqualTo("/health/ready");
    assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
        .isEqualTo("/health/live");
    assertThat(value(container, "startupProbe")).isNotNull();
    assertThat(value(container, "args"))
        .isEqualTo(List.of("--config", "/etc/synthos/synthos.yaml"));

    assertThat(value(container, "resources", "requests", "cpu")).isEqualTo("2");
    assertThat(value(container, "resources", "requests", "memory")).isEqualTo("3Gi");
    assertThat(value(container, "resources", "limits", "memory")).isEqualTo("3Gi");
    assertThat(value(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(value(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(value(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(value(pod, "securityContext", "runAsUser")).isEqualTo(10001);
    List<Map<String, Object>> mounts = at(container, "volumeMounts");
    assertThat(mounts).extracting(m -> m.get("mountPath")).contains("/tmp", "/var/lib/synthos");
    List<Map<String, Object>> volumes = at(pod, "volumes");
    assertThat(volumes)
        .extracting(v -> v.get("secret"))
        .asString()
        .contains("secretName=synthos-secrets");
  }

  @Test
  void theServiceAndBudgetSelectThePods() throws Exception {
    Map<String, Object> labels =
        at(manifest("deployment.yaml"), "spec", "template", "metadata", "labels");
    Map<String, Object> selector =
        at(manifest("deployment.yaml"), "spec", "selector", "matchLabels");
    assertThat(labels).containsAllEntriesOf(selector);
    assertThat(labels)
        .containsAllEntriesOf(at(manifest("service.yaml"), "spec", "selector"))
        .containsAllEntriesOf(at(manifest("pdb.yaml"), "spec", "selector", "matchLabels"));
    assertThat(value(manifest("pdb.yaml"), "spec", "minAvailable")).isEqualTo(1);
    int replicas = at(manifest("deployment.yaml"), "spec", "replicas");
    assertThat(replicas).isGreaterThan(1);
    List<String> resources = at(manifest("kustomization.yaml"), "resources");
    try (var files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
      assertThat(resources)
          .containsExactlyInAnyOrderElementsOf(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                  .toList());
    }
  }
}
