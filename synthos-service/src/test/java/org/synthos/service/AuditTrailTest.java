package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain: intact, changed, removed, reordered, and carried across rotation. */
@Tag("unit")
class AuditTrailTest {
  @TempDir Path dir;

  private AuditTrail trail(long maxBytes) {
    return new AuditTrail(dir.resolve("audit"), maxBytes);
  }

  private static void write(AuditTrail t, int n) {
    for (int i = 0; i < n; i++) {
      t.record("key:a", "submit", "job-" + i, "data/" + i + ".csv", "ab".repeat(32), "ok");
    }
  }

  private Path copy(List<String> lines) throws Exception {
    Path f = Files.createTempFile(dir, "copy", ".jsonl");
    Files.write(f, lines);
    return f;
  }

  @Test
  void anIntactChainVerifiesAndEveryKindOfEditBreaksIt() throws Exception {
    AuditTrail t = trail(1 << 20);
    write(t, 5);
    List<String> lines = Files.readAllLines(t.current());
    assertThat(AuditVerifier.verify(List.of(t.current())))
        .satisfies(r -> assertThat(r.intact()).isTrue())
        .satisfies(r -> assertThat(r.entries()).isEqualTo(5));

    List<String> changed = new ArrayList<>(lines);
    changed.set(2, changed.get(2).replace("job-2", "job-9"));
    assertThat(AuditVerifier.verify(List.of(copy(changed))).message())
        .contains("line 3")
        .contains("was changed");

    List<String> removed = new ArrayList<>(lines);
    removed.remove(3);
    assertThat(AuditVerifier.verify(List.of(copy(removed))).message())
        .contains("line 4")
        .contains("does not follow");

    List<String> swapped = new ArrayList<>(lines);
    swapped.set(1, lines.get(2));
    swapped.set(2, lines.get(1));
    assertThat(AuditVerifier.verify(List.of(copy(swapped))).intact()).isFalse();

    assertThat(AuditVerifier.verify(List.of(copy(lines.subList(1, 5)))).message())
        .contains("line 1")
        .contains("does not start a chain");
  }

  @Test
  void rotationCarriesTheChainIntoTheNextFile() throws Exception {
    AuditTrail t = trail(4096);
    write(t, 40);
    List<Path> rotated;
    try (Stream<Path> s = Files.list(dir.resolve("audit"))) {
      rotated = s.filter(p -> p.getFileName().toString().startsWith("audit-")).sorted().toList();
    }
    assertThat(rotated).isNotEmpty();
    List<Path> all = new ArrayList<>(rotated);
    all.add(t.current());
    AuditVerifier.Result r = AuditVerifier.verify(all);
    assertThat(r.intact()).as(r.message()).isTrue();
    assertThat(r.entries()).isEqualTo(40 + rotated.size());
    // The current file alone starts at its rotation entry, which anchors it.
    assertThat(AuditVerifier.verify(List.of(t.current())).intact()).isTrue();
    // Leaving out a middle file breaks the chain.
    if (rotated.size() > 1) {
      List<Path> gap = new ArrayList<>(all);
      gap.remove(1);
      assertThat(AuditVerifier.verify(gap).intact()).isFalse();
    }
  }

  @Test
  void twoWritersShareOneChain() throws Exception {
    AuditTrail a = trail(1 << 20);
    AuditTrail b = trail(1 << 20);
    Thread ta = new Thread(() -> write(a, 50));
    Thread tb = new Thread(() -> write(b, 50));
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    AuditVerifier.Result r = AuditVerifier.verify(List.of(a.current()));
    assertThat(r.intact()).as(r.message()).isTrue();
    assertThat(r.entries()).isEqualTo(100);
  }

  @Test
  void aFailedWriteIsCountedByTheServiceAndAnErrorForTheCommandLine() throws Exception {
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    AuditTrail service = new AuditTrail(dir.resolve("audit"), 1 << 20, failures::incrementAndGet);
    // A directory where the file should be: every append fails.
    Files.createDirectories(service.current());
    service.record("key:a", "submit", null, null, null, "ok");
    assertThat(failures).hasValue(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> trail(1 << 20).record("cli:root", "key_created", null, null, null, "ok"))
        .isInstanceOf(org.synthos.api.SynthosException.class)
        .hasMessageContaining("audit trail cannot be written");
  }
}
