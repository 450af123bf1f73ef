package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class ServiceConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsServeLoopbackWithAnEmbeddedStore() {
    ServiceConfig c = ServiceConfig.defaults(dir);
    assertThat(c.grpc().port()).isEqualTo(50051);
    assertThat(c.http().port()).isEqualTo(8000);
    assertThat(c.grpc().host()).isEqualTo("127.0.0.1");
    assertThat(c.grpc().tls()).isEmpty();
    assertThat(c.store().jdbcUrl()).startsWith("jdbc:h2:file:").contains("WRITE_DELAY=0");
    assertThat(c.storage().localRoot()).isEqualTo(dir.resolve("storage"));
    assertThat(c.jobs().timeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void yamlThenEnvironmentThenOverrides() throws Exception {
    Path yaml = dir.resolve("s.yaml");
    Files.writeString(
        yaml,
        "grpc:\n  port: 6000\nhttp:\n  port: 6001\njobs:\n  concurrency: 4\n  queue_capacity: 9\n");
    ServiceConfig c =
        ServiceConfig.load(
            Optional.of(yaml),
            Map.of("SYNTHOS_HTTP_PORT", "7001", "SYNTHOS_JOBS_CONCURRENCY", "3"),
            Map.of("jobs.concurrency", "5"));
    assertThat(c.grpc().port()).isEqualTo(6000);
    assertThat(c.http().port()).isEqualTo(7001);
    assertThat(c.jobs().concurrency()).isEqualTo(5);
    assertThat(c.jobs().queueCapacity()).isEqualTo(9);
  }

  @Test
  void aFullDeploymentFile() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "dbpw");
    Path yaml = dir.resolve("full.yaml");
    Files.writeString(
        yaml,
        String.join(
            "\n",
            "data_dir: " + dir.resolve("data"),
            "grpc:",
            "  host: 0.0.0.0",
            "  port: 50051",
            "http: { host: 0.0.0.0, port: 8000 }",
            "jobs: { concurrency: 4, queue_capacity: 200, timeout_seconds: 1800 }",
            "store:",
            "  url: jdbc:postgresql://db.internal:5432/synthos",
            "  user: synthos",
            "  password_file: " + pw,
            "storage:",
            "  root: /srv/datasets",
            "  s3: { enabled: true, endpoint: \"http://minio.internal:9000\", bucket: data }",
            ""));
    ServiceConfig c = ServiceConfig.load(Optional.of(yaml), Map.of(), Map.of());
    assertThat(c.grpc().host()).isEqualTo("0.0.0.0");
    assertThat(c.jobs().timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.store().user()).isEqualTo("synthos");
    assertThat(c.store().password().orElseThrow().value()).isEqualTo("dbpw");
    ServiceConfig.S3 s3 = c.storage().s3().orElseThrow();
    assertThat(s3.bucket()).isEqualTo("data");
    assertThat(s3.endpoint().orElseThrow().getPort()).isEqualTo(9000);
    assertThat(c.storage().localRoot()).isEqualTo(Path.of("/srv/datasets"));
  }

  @Test
  void badValuesAreNamedWithTheirKey() throws Exception {
    assertThatThrownBy(
            () -> ServiceConfig.load(Optional.empty(), Map.of(), Map.of("jobs.concurrency", "0")))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("jobs.concurrency must be between 1 and 256, got 0");
    assertThatThrownBy(
            () ->
                ServiceConfig.load(Optional.empty(), Map.of("SYNTHOS_GRPC_PORT", "http"), Map.of()))
        .hasMessageContaining("grpc.port must be a whole number, got 'http'");
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "grpc:\n  prot: 1\n");
    assertThatThrownBy(() -> ServiceConfig.load(Optional.of(yaml), Map.of(), Map.of()))
        .hasMessageContaining("unknown configuration key 'grpc.prot'")
        .hasMessageContaining(yaml.toString());
    Files.writeString(yaml, "grpc: [1, 2\n");
    assertThatThrownBy(() -> ServiceConfig.load(Optional.of(yaml), Map.of(), Map.of()))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(), Map.of(), Map.of("grpc.tls.cert", yaml.toString())))
        .hasMessageContaining("grpc.tls.cert and grpc.tls.key must be given together");
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(), Map.of(), Map.of("store.url", "jdbc:mysql://x")))
        .hasMessageContaining("store.url must be a jdbc:h2: or jdbc:postgresql: URL");
  }

  @Test
  void secretsComeFromFilesOrTheEnvironmentAndAreNeverPrinted() throws Exception {
    Path yaml = dir.resolve("secret.yaml");
    Files.writeString(yaml, "store:\n  password: hunter2\n");
    assertThatThrownBy(() -> ServiceConfig.load(Optional.of(yaml), Map.of(), Map.of()))
        .hasMessageContaining("store.password must not be written in the config file")
        .hasMessageContaining("SYNTHOS_STORE_PASSWORD")
        .hasMessageNotContaining("hunter2");

    Path pw = dir.resolve("pw");
    Files.writeString(pw, "s3cret\n");
    Files.writeString(yaml, "store:\n  password_file: " + pw + "\n");
    ServiceConfig fromFile = ServiceConfig.load(Optional.of(yaml), Map.of(), Map.of());
    assertThat(fromFile.store().password().orElseThrow().value()).isEqualTo("s3cret");
    assertThat(fromFile.toString()).doesNotContain("s3cret").contains("***");

    ServiceConfig fromEnv =
        ServiceConfig.load(Optional.empty(), Map.of("SYNTHOS_STORE_PASSWORD", "envpw"), Map.of());
    assertThat(fromEnv.store().password().orElseThrow().value()).isEqualTo("envpw");
    assertThat(fromEnv.toString()).doesNotContain("envpw");
  }

  @Test
  void uploadsLieOutsideTheStorageRootAndDefaultToTheSubmissionLimit() {
    ServiceConfig d = ServiceConfig.defaults(dir);
    assertThat(d.uploads().root()).isEqualTo(dir.resolve("uploads"));
    assertThat(d.uploads().maxBytes()).isEqualTo(d.security().maxFileBytes());
    assertThat(d.uploads().partialTtl()).isEqualTo(java.time.Duration.ofHours(24));
    assertThat(
            ServiceConfig.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("data_dir", dir.toString(), "uploads.max_bytes", "5000000000"))
                .uploads()
                .maxBytes())
        .isEqualTo(5_000_000_000L);
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of(
                        "data_dir",
                        dir.toString(),
                        "uploads.root",
                        dir.resolve("storage/up").toString())))
        .hasMessageContaining("uploads.root and storage.root must not contain each other");
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("data_dir", dir.toString(), "uploads.max_bytes", "0")))
        .hasMessageContaining("uploads.max_bytes");
  }

  @Test
  void everyKeyHasAnEnvironmentName() {
    assertThat(ServiceConfig.envName("jobs.queue_capacity"))
        .isEqualTo("SYNTHOS_JOBS_QUEUE_CAPACITY");
    assertThat(ServiceConfig.envName("storage.s3.endpoint"))
        .isEqualTo("SYNTHOS_STORAGE_S3_ENDPOINT");
  }

  @Test
  void sparkIsOffUntilAMasterIsSetAndThenNeedsACommand() {
    assertThat(ServiceConfig.defaults(dir).spark().handsOff(Long.MAX_VALUE)).isFalse();
    SparkSettings on =
        ServiceConfig.load(
                Optional.empty(),
                Map.of("SYNTHOS_SPARK_MIN_BYTES", "1000"),
                Map.of(
                    "data_dir",
                    dir.toString(),
                    "spark.master",
                    "yarn",
                    "spark.command",
                    " spark-submit  --class org.synthos.spark.SparkValidateMain s.jar "))
            .spark();
    assertThat(on.command())
        .containsExactly("spark-submit", "--class", "org.synthos.spark.SparkValidateMain", "s.jar");
    assertThat(on.handsOff(999)).isFalse();
    assertThat(on.handsOff(1000)).isTrue();
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("data_dir", dir.toString(), "spark.master", "local[2]")))
        .isInstanceOf(SynthosException.class)
        .hasMessageContaining("spark.command");
    assertThatThrownBy(
            () ->
                ServiceConfig.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("data_dir", dir.toString(), "spark.min_bytes", "-1")))
        .hasMessageContaining("spark.min_bytes");
  }
}
