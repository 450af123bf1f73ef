package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** The job store's state machine on the embedded database; JobStoreContract has the cases. */
@Tag("unit")
class JobStoreTest {
  @TempDir Path dir;

  @Test
  void h2StoreFollowsTheContract() {
    ServiceConfig.Store cfg = Harness.config(dir).store();
    JobStoreContract.check(cfg);
    // The file survives a reopen, and migrations are not run twice.
    try (JobStore again = new JobStore(cfg, Harness.CIPHER)) {
      assertThat(again.list(Optional.empty(), 100)).isNotEmpty();
    }
  }

  @Test
  void anUnreachableStoreIsAStorageError() {
    ServiceConfig.Store bad =
        new ServiceConfig.Store(
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
            "u",
            Optional.of(new ServiceConfig.Secret("pw")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JobStore(bad, Harness.CIPHER))
        .isInstanceOfSatisfying(
            SynthosException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE))
        .hasMessageNotContaining("pw");
  }

  @Test
  void redactHidesPasswordsInUrls() {
    assertThat(JobStore.redact("jdbc:postgresql://h/db?user=a&password=x1&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
    assertThat(List.of(JobStore.redact("jdbc:h2:file:/x"))).containsExactly("jdbc:h2:file:/x");
  }
}
