package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * The upload store on its own: a replaced name keeps a running job's input and frees the old bytes
 * unless another name holds them; stale partials are swept; names cannot leave the namespace.
 */
@Tag("unit")
class UploadStoreTest {
  @TempDir Path dir;

  UploadStore store() {
    return new UploadStore(
        new ServiceConfig.Uploads(dir.resolve("uploads"), 1 << 20, Duration.ofHours(1)));
  }

  static UploadStore.Stored put(UploadStore s, String owner, String name, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    try (UploadStore.Session session =
        s.begin(owner, name, b.length, UploadStore.hex(UploadStore.digest().digest(b)), 0)) {
      session.write(ByteBuffer.wrap(b), null);
      return session.finish();
    }
  }

  long objects() throws Exception {
    try (Stream<Path> all = Files.walk(dir.resolve("uploads"))) {
      return all.filter(p -> p.getParent().getFileName().toString().equals("objects")).count();
    }
  }

  @Test
  void aReplacedNameKeepsAJobsInputAndFreesTheOldBytes() throws Exception {
    UploadStore s = store();
    put(s, "key:a", "d.csv", "x\n1\n");
    put(s, "key:a", "copy.csv", "x\n1\n");
    Path input = s.fetch("key:a", "upload://d.csv", dir.resolve("job"));
    put(s, "key:a", "d.csv", "x\n2\n");
    assertThat(Files.readString(input)).isEqualTo("x\n1\n");
    assertThat(Files.readString(s.fetch("key:a", "upload://d.csv", dir.resolve("job2"))))
        .isEqualTo("x\n2\n");
    // copy.csv still means the first bytes, so they stay.
    assertThat(objects()).isEqualTo(2);
    put(s, "key:a", "copy.csv", "x\n3\n");
    assertThat(objects()).isEqualTo(2);
    assertThat(s.stored("key:b", "d.csv")).isEmpty();
  }

  @Test
  void stalePartialsAreSweptAndNamesStayInTheirNamespace() throws Exception {
    UploadStore s = store();
    try (UploadStore.Session session = s.begin("key:a", "old.csv", 10, "0".repeat(64), 0)) {
      session.write(ByteBuffer.wrap(new byte[4]), null);
    }
    assertThat(s.status("key:a", "old.csv").receivedBytes()).isEqualTo(4);
    try (Stream<Path> all = Files.walk(dir.resolve("uploads"))) {
      for (Path p : all.filter(p -> p.toString().endsWith(".part")).toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
      }
    }
    put(s, "key:a", "new.csv", "x\n");
    assertThatThrownBy(() -> s.status("key:a", "old.csv"))
        .isInstanceOfSatisfying(
            SynthosException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    for (String bad : new String[] {"..", "../x", "a/b", ".hidden", ""}) {
      assertThatThrownBy(() -> s.begin("key:a", bad, 1, "0".repeat(64), 0))
          .isInstanceOfSatisfying(
              SynthosException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
  }
}
