package org.synthos.api.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code synthos serve} and {@code synthos certs} run from the validation service. The command
 * line declares the commands (names, options, help) and reaches the service only through this
 * interface, found with {@link java.util.ServiceLoader}; synthos-service provides the one
 * implementation and registers it in {@code META-INF/services/org.synthos.api.spi.ServiceCommands}.
 * So the command line does not compile against the service, and a build without the service still
 * runs every other command.
 *
 * <p>Implementations need a public no-argument constructor. Failures that a user can act on are
 * {@link org.synthos.api.SynthosException}s, as everywhere.
 */
public interface ServiceCommands {
  /**
   * Loads the configuration (layers, lowest first: defaults, {@code configFile}, {@code SYNTHOS_*}
   * variables of {@code environment}, {@code overrides}), runs the service until the process gets
   * SIGTERM or SIGINT, then shuts down gracefully and ends the process with status 0. Returns only
   * if the service stops by other means.
   *
   * @param configFile an optional YAML configuration file
   * @param environment the process environment (pass {@code System.getenv()})
   * @param overrides dotted configuration keys to values, highest precedence
   * @throws org.synthos.api.SynthosException INVALID_ARGUMENT for a bad configuration, before
   *     anything starts
   */
  void serve(
      Optional<Path> configFile, Map<String, String> environment, Map<String, String> overrides);

  /**
   * Writes a private CA and, signed by it, a server certificate (subjectAltName localhost,
   * 127.0.0.1 and {@code extraDnsNames}) and a client certificate, with their keys, as PEM files
   * for the service's mutual TLS.
   *
   * @param dir the directory to write into (created if missing)
   * @param validity how long the certificates are valid from now
   * @param extraDnsNames further DNS names for the server certificate
   * @return the files written
   */
  TlsFiles generateTlsFiles(Path dir, Duration validity, List<String> extraDnsNames);

  /** The PEM files written by {@link #generateTlsFiles}. */
  record TlsFiles(
      Path caCert, Path caKey, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    /** All six files, CA first. */
    public List<Path> all() {
      return List.of(caCert, caKey, serverCert, serverKey, clientCert, clientKey);
    }
  }

  /**
   * Where the commands below read the configuration, as for {@link #serve}: the YAML file, the
   * process environment and {@code --set} overrides.
   */
  record ConfigSource(
      Optional<Path> configFile, Map<String, String> environment, Map<String, String> overrides) {}

  /**
   * Makes an API key (256 random bits) and stores only its hash. The returned text is the only copy
   * of the key.
   *
   * @param scopes any of {@code submit}, {@code read}, {@code admin}
   * @param validity how long the key is valid; empty for no expiry
   */
  String createApiKey(
      ConfigSource config, String name, List<String> scopes, Optional<Duration> validity);

  /** Every key ever made, revoked and expired ones included; never the key itself. */
  List<ApiKeyInfo> listApiKeys(ConfigSource config);

  /** Revokes every unrevoked key of that name; NOT_FOUND when there is none. */
  void revokeApiKey(ConfigSource config, String name);

  /**
   * Adds a new data-encryption key to the keyset file and makes it the one new writes use; data
   * written under older keys stays readable. Returns the new key's id.
   */
  long rotateDataKey(ConfigSource config);

  /** Checks the hash chain of audit files given oldest first. */
  AuditCheck verifyAudit(List<Path> files);

  /** An API key as listed: times are ISO-8601 instants. */
  record ApiKeyInfo(
      String name,
      List<String> scopes,
      String created,
      Optional<String> expires,
      Optional<String> revoked) {}

  /**
   * The outcome of {@link #verifyAudit}.
   *
   * @param message what was checked, or the first broken entry and how it is broken
   */
  record AuditCheck(boolean intact, long entries, String message) {}
}
