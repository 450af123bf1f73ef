package org.synthos.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;
import org.synthos.api.spi.ServiceCommands.ApiKeyInfo;
import org.synthos.api.spi.ServiceCommands.AuditCheck;
import org.synthos.api.spi.ServiceCommands.ConfigSource;
import org.synthos.service.SecuritySettings.Scope;

/**
 * The work of {@code synthos keys} and {@code synthos audit verify}: the same key file, keyset and
 * audit trail as the service that the configuration describes. Key changes are audited as done by
 * the local user.
 */
final class SecurityCommands {
  private SecurityCommands() {}

  private static SecuritySettings settings(ConfigSource c) {
    return ServiceConfig.load(c.configFile(), c.environment(), c.overrides()).security();
  }

  private static AuditTrail audit(SecuritySettings s) {
    return new AuditTrail(s.auditDir(), s.auditMaxBytes());
  }

  private static String operator() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  static String create(
      ConfigSource c, String name, List<String> scopes, Optional<Duration> validity) {
    SecuritySettings s = settings(c);
    java.util.Set<Scope> parsed;
    try {
      parsed = Scope.parseList(String.join(",", scopes));
    } catch (IllegalArgumentException e) {
      throw new SynthosException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    String key = new ApiKeys(s.keysFile()).create(name, parsed, validity);
    audit(s).record(operator(), "key_created", null, null, null, "ok: " + name + " " + scopes);
    return key;
  }

  static List<ApiKeyInfo> list(ConfigSource c) {
    return new ApiKeys(settings(c).keysFile())
        .list().stream()
            .map(
                e ->
                    new ApiKeyInfo(
                        e.name(),
                        e.scopes(),
                        e.created(),
                        Optional.ofNullable(e.expires()),
                        Optional.ofNullable(e.revoked())))
            .toList();
  }

  static void revoke(ConfigSource c, String name) {
    SecuritySettings s = settings(c);
    new ApiKeys(s.keysFile()).revoke(name);
    audit(s).record(operator(), "key_revoked", null, null, null, "ok: " + name);
  }

  static long rotateDataKey(ConfigSource c) {
    SecuritySettings s = settings(c);
    if (s.keyset().isPresent()) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "the data keyset comes from SYNTHOS_ENCRYPTION_KEYSET; rotate it where that secret is"
              + " kept, or use encryption.keyset_file");
    }
    // Made first if absent, so that rotation always leaves a readable keyset.
    DataCipher.open(s);
    long id = Integer.toUnsignedLong(DataCipher.rotate(s.keysetFile()));
    audit(s).record(operator(), "data_key_rotated", null, null, null, "ok: key " + id);
    return id;
  }

  static AuditCheck verify(List<Path> files) {
    AuditVerifier.Result r = AuditVerifier.verify(files);
    return new AuditCheck(r.intact(), r.entries(), r.message());
  }
}
