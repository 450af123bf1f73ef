package org.synthos.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.synthos.api.ErrorCode;
import org.synthos.api.Location;
import org.synthos.api.SynthosException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The whole typed configuration of the service. Built by {@link #load}, which layers, lowest first:
 * defaults, a YAML file, environment variables ({@code SYNTHOS_} + the key upper-cased with dots as
 * underscores, e.g. {@code SYNTHOS_JOBS_QUEUE_CAPACITY}), and explicit overrides (CLI flags). Every
 * value is checked at start-up. Secrets (database password, S3 keys) are read only from files or
 * environment variables and never printed: {@link Secret#toString()} is redacted.
 *
 * @param dataDir where the embedded job store and the local storage live by default
 * @param spark which jobs go to Spark, and how ({@link SparkSettings})
 */
public record ServiceConfig(
    Path dataDir,
    Grpc grpc,
    Http http,
    Jobs jobs,
    Store store,
    StorageSettings storage,
    SecuritySettings security,
    Uploads uploads,
    SparkSettings spark) {

  public ServiceConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(grpc, "grpc");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(spark, "spark");
  }

  /**
   * The gRPC listener.
   *
   * @param port 0 picks a free port
   * @param tls present to serve TLS; with a client CA, clients must present a certificate it signed
   */
  public record Grpc(String host, int port, Optional<Tls> tls) {}

  /** PEM files: the server's certificate chain and PKCS#8 key, and optionally the client CA. */
  public record Tls(Path certChain, Path privateKey, Optional<Path> clientCa) {
    /** Whether clients must authenticate with a certificate (mutual TLS). */
    public boolean mutual() {
      return clientCa.isPresent();
    }
  }

  /** The HTTP listener; port 0 picks a free port. */
  public record Http(String host, int port) {}

  /**
   * The job queue.
   *
   * @param concurrency jobs run at once
   * @param queueCapacity jobs waiting at most; beyond it submissions are refused with QUEUE_FULL
   * @param timeout the default per-job limit
   * @param shutdownGrace how long running jobs may go on after SIGTERM before they are re-queued
   * @param maxAttempts how often a job interrupted by a crash is started before it is failed
   */
  public record Jobs(
      int concurrency,
      int queueCapacity,
      Duration timeout,
      Duration shutdownGrace,
      int maxAttempts) {}

  /** The job store: an embedded H2 file by default, or PostgreSQL by JDBC URL. */
  public record Store(String jdbcUrl, String user, Optional<Secret> password) {}

  /**
   * Where inputs and reports live: a local root for paths and file URIs, S3 for {@code s3://}.
   *
   * @param localRoot relative dataset paths resolve under it; paths escaping it are refused
   */
  public record StorageSettings(Path localRoot, Optional<S3> s3) {}

  /**
   * Datasets callers upload (gRPC {@code Upload}, HTTP {@code PUT /v1/datasets/NAME}).
   *
   * @param root where uploads live, one directory per caller; never inside the storage root, so no
   *     path a caller submits reaches another caller's upload
   * @param maxBytes the largest upload accepted
   * @param partialTtl how long an interrupted upload is kept for resuming
   */
  public record Uploads(Path root, long maxBytes, Duration partialTtl) {}

  /**
   * An S3-compatible endpoint.
   *
   * @param bucket the bucket that readiness checks
   * @param endpoint empty for AWS itself; set for another S3 API server (path-style addressing)
   * @param timeout limit for one whole call, retries excluded
   * @param maxAttempts attempts per call, with exponential backoff and jitter between them
   */
  public record S3(
      String bucket,
      Optional<URI> endpoint,
      String region,
      Optional<Secret> accessKeyId,
      Optional<Secret> secretAccessKey,
      Duration timeout,
      int maxAttempts) {}

  /** A secret value. Its text form is redacted so that it never reaches a log line. */
  public record Secret(String value) {
    public Secret {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return "Secret[***]";
    }
  }

  /** Every key the configuration knows, with its default ("" = unset). */
  static final Map<String, String> DEFAULTS = defaults();

  /** Keys whose values are secrets: allowed from the environment and overrides, never in YAML. */
  static final List<String> SECRET_KEYS =
      List.of(
          "store.password",
          "storage.s3.access_key_id",
          "storage.s3.secret_access_key",
          "encryption.keyset");

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("data_dir", "synthos-data");
    d.put("grpc.host", "127.0.0.1");
    d.put("grpc.port", "50051");
    d.put("grpc.tls.cert", "");
    d.put("grpc.tls.key", "");
    d.put("grpc.tls.client_ca", "");
    d.put("http.host", "127.0.0.1");
    d.put("http.port", "8000");
    d.put("jobs.concurrency", "2");
    d.put("jobs.queue_capacity", "100");
    d.put("jobs.timeout_seconds", "3600");
    d.put("jobs.shutdown_grace_seconds", "30");
    d.put("jobs.max_attempts", "3");
    d.put("store.url", "");
    d.put("store.user", "");
    d.put("store.password", "");
    d.put("store.password_file", "");
    d.put("storage.root", "");
    d.put("storage.s3.enabled", "false");
    d.put("storage.s3.bucket", "synthos");
    d.put("storage.s3.endpoint", "");
    d.put("storage.s3.region", "us-east-1");
    d.put("storage.s3.access_key_id", "");
    d.put("storage.s3.access_key_id_file", "");
    d.put("storage.s3.secret_access_key", "");
    d.put("storage.s3.secret_access_key_file", "");
    d.put("storage.s3.timeout_seconds", "30");
    d.put("storage.s3.max_attempts", "4");
    d.put("uploads.root", "");
    d.put("uploads.max_bytes", "");
    d.put("uploads.partial_ttl_hours", "24");
    SecuritySettings.defaults(d);
    SparkSettings.defaults(d);
    return Map.copyOf(d);
  }

  /** The configuration from defaults alone (local use: loopback ports, ./synthos-data). */
  public static ServiceConfig defaults(Path dataDir) {
    return load(Optional.empty(), Map.of(), Map.of("data_dir", dataDir.toString()));
  }

  /**
   * Loads and validates the configuration.
   *
   * @param yamlFile an optional YAML file of nested maps whose leaves are the keys listed in
   *     docs/service.md
   * @param environment the process environment (pass {@code System.getenv()})
   * @param overrides dotted keys to values, highest precedence (CLI flags)
   * @throws SynthosException INVALID_ARGUMENT naming the key, the value and what is expected
   */
  public static ServiceConfig load(
      Optional<Path> yamlFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>(DEFAULTS);
    String source = "defaults";
    if (yamlFile.isPresent()) {
      source = yamlFile.get().toString();
      Map<String, String> fromYaml = readYaml(yamlFile.get());
      for (String key : fromYaml.keySet()) {
        if (SECRET_KEYS.contains(key)) {
          throw configError(
              source,
              key
                  + " must not be written in the config file; use "
                  + key
                  + "_file or the environment variable "
                  + envName(key));
        }
      }
      values.putAll(fromYaml);
    }
    for (String key : DEFAULTS.keySet()) {
      String fromEnv = environment.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      checkKnown(e.getKey(), "override");
      if (SECRET_KEYS.contains(e.getKey())) {
        // A value on the command line shows in `ps` and in shell history.
        throw configError(
            "override",
            e.getKey()
                + " must not be given on the command line; use "
                + e.getKey()
                + "_file or the environment variable "
                + envName(e.getKey()));
      }
      values.put(e.getKey(), e.getValue());
    }
    return new Parser(values, source).parse();
  }

  /** The environment variable that overrides a key. */
  static String envName(String key) {
    return "SYNTHOS_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  private static Map<String, String> readYaml(Path file) {
    Object root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new SynthosException(
          ErrorCode.FILE_NOT_FOUND,
          "cannot read the config file: " + e.getMessage(),
          Location.ofFile(file.toString()),
          e);
    } catch (YAMLException e) {
      throw configError(
          file.toString(), "not valid YAML: " + e.getMessage().replace('\n', ' ').trim());
    }
    Map<String, String> flat = new TreeMap<>();
    if (root == null) {
      return flat;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw configError(file.toString(), "the top level must be a mapping of keys to values");
    }
    flatten("", map, flat, file.toString());
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, String file) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out, file);
      } else {
        checkKnown(key, file);
        out.put(key, e.getValue() == null ? "" : String.valueOf(e.getValue()));
      }
    }
  }

  private static void checkKnown(String key, String source) {
    if (!DEFAULTS.containsKey(key)) {
      throw configError(
          source, "unknown configuration key '" + key + "'; known keys: " + DEFAULTS.keySet());
    }
  }

  static SynthosException configError(String source, String message) {
    return new SynthosException(
        ErrorCode.INVALID_ARGUMENT, "configuration: " + message, Location.ofFile(source));
  }

  /** Turns checked string values into the typed records. */
  static final class Parser {
    private final Map<String, String> values;
    private final String source;

    Parser(Map<String, String> values, String source) {
      this.values = values;
      this.source = source;
    }

    ServiceConfig parse() {
      Path dataDir = Path.of(text("data_dir"));
      Optional<Path> cert = optionalPath("grpc.tls.cert");
      Optional<Path> key = optionalPath("grpc.tls.key");
      Optional<Path> clientCa = optionalPath("grpc.tls.client_ca");
      if (cert.isPresent() != key.isPresent()) {
        throw configError(source, "grpc.tls.cert and grpc.tls.key must be given together");
      }
      if (clientCa.isPresent() && cert.isEmpty()) {
        throw configError(source, "grpc.tls.client_ca needs grpc.tls.cert and grpc.tls.key");
      }
      Optional<Tls> tls = cert.map(c -> new Tls(c, key.orElseThrow(), clientCa));
      Grpc grpc = new Grpc(text("grpc.host"), port("grpc.port"), tls);
      Http http = new Http(text("http.host"), port("http.port"));
      Jobs jobs =
          new Jobs(
              intAtLeast("jobs.concurrency", 1, 256),
              intAtLeast("jobs.queue_capacity", 1, 1_000_000),
              Duration.ofSeconds(intAtLeast("jobs.timeout_seconds", 1, Integer.MAX_VALUE)),
              Duration.ofSeconds(intAtLeast("jobs.shutdown_grace_seconds", 0, 86_400)),
              intAtLeast("jobs.max_attempts", 1, 100));
      String url = text("store.url");
      if (url.isEmpty()) {
        // WRITE_DELAY=0: a job is acknowledged only once its row is on disk.
        url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("jobs") + ";WRITE_DELAY=0";
      } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
        throw configError(
            source, "store.url must be a jdbc:h2: or jdbc:postgresql: URL, got '" + url + "'");
      }
      Store store = new Store(url, text("store.user"), secret("store.password"));
      String root = text("storage.root");
      Path localRoot = root.isEmpty() ? dataDir.resolve("storage") : Path.of(root);
      Optional<S3> s3 = Optional.empty();
      if (bool("storage.s3.enabled")) {
        String endpoint = text("storage.s3.endpoint");
        Optional<URI> endpointUri = Optional.empty();
        if (!endpoint.isEmpty()) {
          try {
            endpointUri = Optional.of(URI.create(endpoint));
          } catch (IllegalArgumentException e) {
            throw configError(source, "storage.s3.endpoint is not a URI: '" + endpoint + "'");
          }
        }
        s3 =
            Optional.of(
                new S3(
                    text("storage.s3.bucket"),
                    endpointUri,
                    text("storage.s3.region"),
                    secret("storage.s3.access_key_id"),
                    secret("storage.s3.secret_access_key"),
                    Duration.ofSeconds(intAtLeast("storage.s3.timeout_seconds", 1, 3600)),
                    intAtLeast("storage.s3.max_attempts", 1, 20)));
      }
      SecuritySettings security = SecuritySettings.parse(this, dataDir, http.host(), grpc.host());
      if (security.httpTls() && tls.isEmpty()) {
        throw configError(source, "http.tls needs grpc.tls.cert and grpc.tls.key");
      }
      return new ServiceConfig(
          dataDir,
          grpc,
          http,
          jobs,
          store,
          new StorageSettings(localRoot, s3),
          security,
          uploads(dataDir, localRoot, security.maxFileBytes()),
          SparkSettings.parse(this));
    }

    private Uploads uploads(Path dataDir, Path storageRoot, long maxFileBytes) {
      Path root = pathOr("uploads.root", dataDir.resolve("uploads"));
      Path a = root.toAbsolutePath().normalize();
      Path b = storageRoot.toAbsolutePath().normalize();
      if (a.startsWith(b) || b.startsWith(a)) {
        throw configError(
            source, "uploads.root and storage.root must not contain each other: " + a + ", " + b);
      }
      String max = text("uploads.max_bytes");
      long maxBytes;
      try {
        // Unset: the submission limit, since a larger upload could never be validated.
        maxBytes = max.isEmpty() ? maxFileBytes : Long.parseLong(max);
      } catch (NumberFormatException e) {
        throw configError(source, "uploads.max_bytes must be a whole number, got '" + max + "'");
      }
      if (maxBytes < 1) {
        throw configError(source, "uploads.max_bytes must be at least 1, got " + maxBytes);
      }
      return new Uploads(
          root, maxBytes, Duration.ofHours(intAtLeast("uploads.partial_ttl_hours", 1, 24 * 365)));
    }

    String text(String key) {
      return values.getOrDefault(key, "").trim();
    }

    SynthosException error(String message) {
      return configError(source, message);
    }

    /** The path under KEY, or {@code fallback} when it is unset; it need not exist yet. */
    Path pathOr(String key, Path fallback) {
      String v = text(key);
      return v.isEmpty() ? fallback : Path.of(v);
    }

    private Optional<Path> optionalPath(String key) {
      String v = text(key);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      Path p = Path.of(v);
      if (!Files.isReadable(p)) {
        throw configError(source, key + " names a file that cannot be read: '" + v + "'");
      }
      return Optional.of(p);
    }

    /** A secret from KEY (environment or override only) or from the file named by KEY_file. */
    Optional<Secret> secret(String key) {
      String direct = values.getOrDefault(key, "");
      if (!direct.isEmpty()) {
        return Optional.of(new Secret(direct));
      }
      Optional<Path> file = optionalPath(key + "_file");
      if (file.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Secret(Files.readString(file.get(), StandardCharsets.UTF_8).strip()));
      } catch (IOException e) {
        throw configError(source, key + "_file cannot be read: " + e.getMessage());
      }
    }

    private int port(String key) {
      return intAtLeast(key, 0, 65_535);
    }

    boolean bool(String key) {
      String v = text(key).toLowerCase(java.util.Locale.ROOT);
      return switch (v) {
        case "true", "yes", "on", "1" -> true;
        case "false", "no", "off", "0", "" -> false;
        default -> throw configError(source, key + " must be true or false, got '" + v + "'");
      };
    }

    int intAtLeast(String key, int min, int max) {
      String v = text(key);
      int parsed;
      try {
        parsed = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw configError(source, key + " must be a whole number, got '" + v + "'");
      }
      if (parsed < min || parsed > max) {
        throw configError(
            source, key + " must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    }
  }
}
