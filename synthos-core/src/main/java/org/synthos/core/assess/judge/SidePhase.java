package org.synthos.core.assess.judge;

import java.util.function.Function;
import org.synthos.core.assess.SideTask;

/**
 * A judge run beside the others on a thread of its own, into a workspace of its own ({@link
 * Judging#phase}): what it finds is appended to the validation's workspace when it is joined, as if
 * it had run there at that moment.
 */
final class SidePhase<T> {
  private final Judging workspace;
  private final SideTask<T> task;

  private SidePhase(Judging workspace, SideTask<T> task) {
    this.workspace = workspace;
    this.task = task;
  }

  /** Starts {@code judge} on a workspace of its own beside {@code parent}'s. */
  static <T> SidePhase<T> start(Judging parent, Function<Judging, T> judge, String name) {
    Judging workspace = parent.phase();
    return new SidePhase<>(workspace, SideTask.start(() -> judge.apply(workspace), name));
  }

  /** Waits for the judge, appends what it found to {@code parent} and returns its result. */
  T join(Judging parent) {
    T result = task.join();
    parent.absorb(workspace);
    return result;
  }

  /** Waits for the judge and discards what it found, or its failure. */
  void abandon() {
    task.joinQuietly();
  }
}
