package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.SynthosException;
import org.synthos.service.SecuritySettings.Scope;

/** API keys stored as hashes, data-key rotation, secrets kept off the command line and logs. */
@Tag("unit")
class SecretsTest {
  @TempDir Path dir;

  @Test
  void keysAreStoredAsHashesAndExpireOrRevoke() throws Exception {
    Path file = dir.resolve("auth/keys.json");
    ApiKeys keys = new ApiKeys(file);
    String key = keys.create("svc", Set.of(Scope.SUBMIT), Optional.empty());
    assertThat(key).startsWith(ApiKeys.PREFIX).hasSize(ApiKeys.PREFIX.length() + 43);
    String stored = Files.readString(file);
    assertThat(stored).doesNotContain(key).contains(ApiKeys.hash(key));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(keys.authenticate(key).orElseThrow().name()).isEqualTo("key:svc");
    assertThat(new ApiKeys(file).authenticate(key)).isPresent();
    assertThat(keys.authenticate(key + "x")).isEmpty();
    assertThatThrownBy(() -> keys.create("svc", Set.of(Scope.READ), Optional.empty()))
        .hasMessageContaining("revoke it first");

    String expired = keys.create("old", Set.of(Scope.READ), Optional.of(Duration.ofNanos(1)));
    Thread.sleep(5);
    assertThat(keys.authenticate(expired)).isEmpty();
    keys.revoke("svc");
    assertThat(keys.authenticate(key)).isEmpty();
    assertThat(keys.list()).extracting(ApiKeys.Entry::name).containsExactly("svc", "old");
  }

  @Test
  void aRotatedDataKeyStillOpensOlderData() {
    ServiceConfig cfg = Harness.config(dir);
    DataCipher before = DataCipher.open(cfg.security());
    byte[] old = before.encrypt("report".getBytes(StandardCharsets.UTF_8), "storage:r");
    DataCipher.rotate(cfg.security().keysetFile());
    DataCipher after = DataCipher.open(cfg.security());
    assertThat(new String(after.decrypt(old, "storage:r"), StandardCharsets.UTF_8))
        .isEqualTo("report");
    byte[] fresh = after.encrypt("report".getBytes(StandardCharsets.UTF_8), "storage:r");
    // Tink prefixes each ciphertext with its key id: the new primary key wrote this one.
    assertThat(java.util.Arrays.copyOfRange(fresh, 0, 5))
        .isNotEqualTo(java.util.Arrays.copyOfRange(old, 0, 5));
    assertThatThrownBy(() -> before.decrypt(fresh, "storage:r"))
        .isInstanceOf(SynthosException.class);
    assertThatThrownBy(() -> after.decrypt(old, "storage:other"))
        .hasMessageContaining("cannot be decrypted");
    assertThat(after.seal("x", "c")).startsWith(DataCipher.TEXT_PREFIX).doesNotContain("x\"");
    // A keyset file named in the configuration is the file rotation rewrites, not a secret value.
    ServiceConfig named =
        Harness.config(dir, "encryption.keyset_file", cfg.security().keysetFile().toString());
    assertThat(named.security().keyset()).isEmpty();
    DataCipher.rotate(named.security().keysetFile());
    assertThat(DataCipher.open(named.security()).decrypt(fresh, "storage:r")).isNotEmpty();
  }

  @Test
  void secretsAreRefusedOnTheCommandLine() {
    for (String key : ServiceConfig.SECRET_KEYS) {
      assertThatThrownBy(
              () -> ServiceConfig.load(Optional.empty(), Map.of(), Map.of(key, "hunter2")))
          .hasMessageContaining(key + " must not be given on the command line")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void credentialsAreRedactedInLogsAndErrors() {
    String key = ApiKeys.PREFIX + "Abc_def-123456789012345678901234567890123";
    assertThat(Redaction.redact("bad key " + key)).isEqualTo("bad key syk_***");
    assertThat(Redaction.redact("Authorization: Bearer abcdefghijklmnop"))
        .isEqualTo("Authorization: Bearer ***");
    assertThat(Redaction.redact("jdbc:x?password=pw&user=u"))
        .isEqualTo("jdbc:x?password=***&user=u");
    SynthosException e =
        new SynthosException(org.synthos.api.ErrorCode.INVALID_ARGUMENT, "key " + key);
    assertThat(ErrorMapping.errorInfo(e).getMessage()).doesNotContain(key);
  }
}
