package org.synthos.core.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** Work on a side thread hands back its result, or its failure as it was thrown. */
@Tag("unit")
class SideTaskTest {
  @Test
  void joinReturnsWhatTheWorkReturnedOnItsOwnThread() {
    SideTask<String> task = SideTask.start(() -> Thread.currentThread().getName(), "side-test");

    assertThat(task.join()).isEqualTo("side-test");
  }

  @Test
  void aFailureIsRethrownAsItWasThrown() {
    SynthosException failure = new SynthosException(ErrorCode.INTERNAL, "boom");
    SideTask<String> task =
        SideTask.start(
            () -> {
              throw failure;
            },
            "side-test");

    assertThatThrownBy(task::join).isSameAs(failure);
  }

  @Test
  void joinQuietlyWaitsForTheEndAndSwallowsTheFailure() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean[] ended = new boolean[1];
    SideTask<String> task =
        SideTask.start(
            () -> {
              running.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              ended[0] = true;
              throw new IllegalStateException("abandoned");
            },
            "side-test");
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();

    task.joinQuietly();

    assertThat(ended[0]).isTrue();
  }
}
