package org.synthos.core.assess.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/** A phase on a side thread hands back its result, or its failure as it was thrown. */
@Tag("unit")
class SidePhaseTest {
  @Test
  void joinReturnsWhatThePhaseReturnedOnItsOwnThread() {
    SidePhase<String> phase =
        SidePhase.start(null, j -> Thread.currentThread().getName(), "side-test");

    assertThat(phase.join()).isEqualTo("side-test");
  }

  @Test
  void aFailureIsRethrownAsItWasThrown() {
    SynthosException failure = new SynthosException(ErrorCode.INTERNAL, "boom");
    SidePhase<String> phase =
        SidePhase.start(
            null,
            j -> {
              throw failure;
            },
            "side-test");

    assertThatThrownBy(phase::join).isSameAs(failure);
  }

  @Test
  void awaitWaitsForTheEndAndSwallowsTheFailure() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    boolean[] ended = new boolean[1];
    SidePhase<String> phase =
        SidePhase.start(
            null,
            j -> {
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

    phase.await();

    assertThat(ended[0]).isTrue();
  }
}
