package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

@Tag("unit")
class LocalStorageTest {
  @TempDir Path dir;

  @Test
  void putGetListDelete() {
    LocalStorage s = new LocalStorage(dir.resolve("root"));
    s.put("reports/a.json", "{}".getBytes(StandardCharsets.UTF_8));
    s.put("reports/b.json", "[]".getBytes(StandardCharsets.UTF_8));
    assertThat(s.list("reports")).containsExactly("reports/a.json", "reports/b.json");
    assertThat(new String(s.get("reports/b.json"), StandardCharsets.UTF_8)).isEqualTo("[]");
    assertThat(s.exists("reports/a.json")).isTrue();
    assertThat(s.delete("reports/a.json")).isTrue();
    assertThat(s.delete("reports/a.json")).isFalse();
    assertThat(s.fetch("reports/b.json", dir)).isEqualTo(s.root().resolve("reports/b.json"));
  }

  @Test
  void pathsOutsideTheRootAreRefused() throws Exception {
    LocalStorage s = new LocalStorage(dir.resolve("root"));
    Files.writeString(dir.resolve("secret.csv"), "a\n1\n");
    for (String escape :
        new String[] {
          "../secret.csv", "a/../../secret.csv", dir.resolve("secret.csv").toString()
        }) {
      assertThatThrownBy(() -> s.fetch(escape, dir))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
          .hasMessageContaining("outside the storage root");
    }
    Files.createSymbolicLink(s.root().resolve("link.csv"), dir.resolve("secret.csv"));
    assertThatThrownBy(() -> s.fetch("link.csv", dir))
        .hasMessageContaining("outside the storage root");
    assertThatThrownBy(() -> s.put("../x", new byte[0]))
        .hasMessageContaining("outside the storage root");
  }

  @Test
  void missingFilesAndDirectoriesHaveTheirCodes() throws Exception {
    LocalStorage s = new LocalStorage(dir.resolve("root"));
    assertThatThrownBy(() -> s.fetch("nope.csv", dir))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    Files.createDirectories(s.root().resolve("d"));
    assertThatThrownBy(() -> s.fetch("d", dir))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_A_FILE));
    assertThatThrownBy(() -> s.get("nope"))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
  }
}
