package org.synthos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthos keys} and {@code synthos audit verify} as a person runs them: the key is the last
 * line of stdout and is stored only as a hash; every change is audited; the trail verifies, and
 * fails naming the entry after one byte changes.
 */
@Tag("unit")
class SecurityCommandsTest {
  @TempDir Path dir;

  private SynthosCliTest.Result keys(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("keys"));
    all.addAll(List.of(args));
    all.addAll(List.of("--set", "data_dir=" + dir));
    return SynthosCliTest.run(all.toArray(new String[0]));
  }

  @Test
  void keysAreCreatedListedRevokedAndAudited() throws Exception {
    SynthosCliTest.Result created = keys("create", "--name", "t", "--scopes", "submit,read");
    assertThat(created.exit()).as(created.err()).isZero();
    List<String> lines = created.out().strip().lines().toList();
    String key = lines.get(lines.size() - 1);
    assertThat(key).matches("syk_[A-Za-z0-9_-]{43}");
    assertThat(Files.readString(dir.resolve("auth/keys.json"))).doesNotContain(key);

    assertThat(keys("create", "--name", "t", "--scopes", "read").exit()).isEqualTo(2);
    assertThat(keys("create", "--name", "x", "--scopes", "root").err()).contains("unknown scope");
    assertThat(keys("list").out()).contains("t").contains("read,submit");
    assertThat(keys("revoke", "t").exit()).isZero();
    assertThat(keys("revoke", "t").exit()).isEqualTo(2);
    assertThat(keys("rotate-data-key").out()).contains("new primary data key");
    assertThat(
            SynthosCliTest.run(
                    "keys", "list", "--set", "data_dir=" + dir, "--set", "encryption.keyset=k")
                .err())
        .contains("must not be given on the command line");

    Path audit = dir.resolve("audit/audit.jsonl");
    assertThat(Files.readString(audit))
        .contains("key_created")
        .contains("key_revoked")
        .contains("data_key_rotated")
        .doesNotContain(key);
    SynthosCliTest.Result ok = SynthosCliTest.run("audit", "verify", audit.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("intact: 3 entries");

    byte[] bytes = Files.readAllBytes(audit);
    int at = new String(bytes, StandardCharsets.UTF_8).indexOf("key_revoked");
    bytes[at] = (byte) 'K';
    Files.write(audit, bytes);
    SynthosCliTest.Result broken = SynthosCliTest.run("audit", "verify", audit.toString());
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.err()).contains("line 2 (entry 2) was changed");
  }
}
