package org.synthos.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security part of the configuration: who may call, how often, where the audit trail and the
 * data key live, and the caps on inputs checked at submission.
 *
 * @param authRequired whether {@code /v1/*} and gRPC calls need an API key or a client certificate
 * @param protectMetrics whether {@code /metrics} needs a credential with the {@code read} scope
 * @param keysFile the API key file (hashes only)
 * @param certScopes the scopes of a caller identified by its client certificate
 * @param httpTls whether HTTP serves TLS with the {@code grpc.tls} certificate settings
 * @param perSecond token-bucket rate (and burst) per identity, by the scope a call uses
 * @param auditDir where the hash-chained audit trail is written
 * @param auditMaxBytes the size at which the audit file is rotated
 * @param keysetFile the Tink keyset file of the data key (made on first start when absent)
 * @param keyset the keyset JSON itself, from the environment; wins over the file
 * @param maxFileBytes the largest dataset accepted at submission
 */
public record SecuritySettings(
    boolean authRequired,
    boolean protectMetrics,
    Path keysFile,
    Set<Scope> certScopes,
    boolean httpTls,
    Map<Scope, Integer> perSecond,
    Path auditDir,
    long auditMaxBytes,
    Path keysetFile,
    Optional<ServiceConfig.Secret> keyset,
    long maxFileBytes) {

  /** What a credential allows. {@code admin} also sees and cancels every caller's jobs. */
  public enum Scope {
    SUBMIT,
    READ,
    ADMIN;

    /** The scope's name as written in settings and key files. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code submit,read}. */
    static Set<Scope> parseList(String text) {
      Set<Scope> out = EnumSet.noneOf(Scope.class);
      for (String s : text.split(",")) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
          continue;
        }
        try {
          out.add(Scope.valueOf(t));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown scope '" + s.trim() + "'; scopes are submit, read and admin");
        }
      }
      return out;
    }
  }

  /** The keys this record reads, with their defaults ("" = derived or unset). */
  static void defaults(Map<String, String> d) {
    d.put("auth.required", "");
    d.put("auth.protect_metrics", "false");
    d.put("auth.keys_file", "");
    d.put("auth.cert_scopes", "submit,read");
    d.put("http.tls", "false");
    d.put("rate.submit_per_second", "5");
    d.put("rate.read_per_second", "20");
    d.put("rate.admin_per_second", "100");
    d.put("audit.dir", "");
    d.put("audit.max_bytes", "10485760");
    d.put("encryption.keyset_file", "");
    d.put("encryption.keyset", "");
    d.put("limits.max_file_mb", "65536");
  }

  static SecuritySettings parse(
      ServiceConfig.Parser p, Path dataDir, String httpHost, String grpcHost) {
    String required = p.text("auth.required");
    boolean auth =
        required.isEmpty() ? !(loopback(httpHost) && loopback(grpcHost)) : p.bool("auth.required");
    Set<Scope> certScopes;
    try {
      certScopes = Scope.parseList(p.text("auth.cert_scopes"));
    } catch (IllegalArgumentException e) {
      throw p.error("auth.cert_scopes: " + e.getMessage());
    }
    Map<Scope, Integer> rates = new EnumMap<>(Scope.class);
    for (Scope s : Scope.values()) {
      rates.put(s, p.intAtLeast("rate." + s.label() + "_per_second", 1, 1_000_000));
    }
    return new SecuritySettings(
        auth,
        p.bool("auth.protect_metrics"),
        p.pathOr("auth.keys_file", dataDir.resolve("auth").resolve("keys.json")),
        certScopes,
        p.bool("http.tls"),
        Map.copyOf(rates),
        p.pathOr("audit.dir", dataDir.resolve("audit")),
        p.intAtLeast("audit.max_bytes", 4096, Integer.MAX_VALUE),
        p.pathOr("encryption.keyset_file", dataDir.resolve("secrets").resolve("data-keyset.json")),
        keyset(p.text("encryption.keyset")),
        (long) p.intAtLeast("limits.max_file_mb", 1, Integer.MAX_VALUE) << 20);
  }

  /**
   * The keyset given in the environment. Unlike other secrets it has no {@code _file} variant read
   * here: {@code encryption.keyset_file} is the keyset file itself, which rotation rewrites.
   */
  private static Optional<ServiceConfig.Secret> keyset(String json) {
    return json.isEmpty() ? Optional.empty() : Optional.of(new ServiceConfig.Secret(json));
  }

  /**
   * Whether a bind address only accepts connections from this machine. Names other than {@code
   * localhost} count as reachable from outside: they are not resolved at start-up.
   */
  static boolean loopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9A-Fa-f:.\\[\\]]*:[0-9A-Fa-f:.\\[\\]]*")) {
      return false;
    }
    try {
      // An address literal: parsed, never looked up.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
