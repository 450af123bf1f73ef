package org.synthos.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** The job store's behaviour, checked the same way against H2 and PostgreSQL. */
final class JobStoreContract {
  private JobStoreContract() {}

  static JobRecord queued(String uri, long at) {
    return new JobRecord(
        UUID.randomUUID().toString(),
        JobState.QUEUED,
        ValidationRequest.of(uri),
        "v",
        "d",
        "queued",
        0,
        0,
        at,
        0,
        0,
        0,
        Optional.empty());
  }

  static void check(ServiceConfig.Store cfg) {
    try (JobStore store = new JobStore(cfg, Harness.CIPHER)) {
      store.ping();
      JobRecord a = queued("a.csv", 1);
      JobRecord b = queued("b.csv", 2);
      JobRecord c = queued("c.csv", 3);
      store.insert(a);
      store.insert(b);
      store.insert(c);
      assertThat(store.get(a.id()).orElseThrow().request().datasetUri()).isEqualTo("a.csv");
      assertThat(store.get("absent")).isEmpty();

      assertThat(store.markRunning(a.id(), 10)).isTrue();
      assertThat(store.markRunning(a.id(), 11)).isFalse();
      store.progress(a.id(), "profiling", 40, 1234);
      JobRecord running = store.get(a.id()).orElseThrow();
      assertThat(running.state()).isEqualTo(JobState.RUNNING);
      assertThat(running.rowsDone()).isEqualTo(1234);
      assertThat(running.attempts()).isEqualTo(1);

      // Cancelling b while queued wins over a later start.
      assertThat(
              store.finish(
                  b.id(),
                  JobState.CANCELLED,
                  Optional.of(new SynthosException(ErrorCode.CANCELLED, "by test")),
                  null,
                  12))
          .isTrue();
      assertThat(store.markRunning(b.id(), 13)).isFalse();
      assertThat(store.get(b.id()).orElseThrow().error().orElseThrow().code()).isEqualTo(4002);

      // A crash with a RUNNING: recovery re-queues it; c stays queued; order is by submission.
      assertThat(store.recover(2, 20)).extracting(JobRecord::id).containsExactly(a.id(), c.id());
      assertThat(store.markRunning(a.id(), 21)).isTrue();
      // Second crash: a has used its 2 attempts and is failed with a reason.
      assertThat(store.recover(2, 30)).extracting(JobRecord::id).containsExactly(c.id());
      JobRecord failed = store.get(a.id()).orElseThrow();
      assertThat(failed.state()).isEqualTo(JobState.FAILED);
      assertThat(failed.error().orElseThrow().message())
          .contains("the server stopped while this job ran");

      assertThat(store.markRunning(c.id(), 31)).isTrue();
      assertThat(store.finish(c.id(), JobState.SUCCEEDED, Optional.empty(), "{\"ok\":1}", 32))
          .isTrue();
      assertThat(store.finish(c.id(), JobState.FAILED, Optional.empty(), null, 33)).isFalse();
      assertThat(store.report(c.id())).contains("{\"ok\":1}");
      assertThat(store.get(c.id()).orElseThrow().percent()).isEqualTo(100.0);
      assertThat(store.list(Optional.of(JobState.SUCCEEDED), 10))
          .extracting(JobRecord::id)
          .contains(c.id());
      assertThat(store.list(Optional.empty(), 2)).hasSize(2);
    }
  }
}
