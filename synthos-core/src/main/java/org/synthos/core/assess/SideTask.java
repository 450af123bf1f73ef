package org.synthos.core.assess;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Work on a thread of its own, joined by the thread that started it: the reference's pass beside
 * the candidate's, or a judging phase beside the others. A thread rather than a pool task: it
 * starts at once, whatever a shared pool is busy with, and its own parallel work joins the common
 * pool as the starter's does.
 */
public final class SideTask<T> {
  private final String name;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private SideTask(String name) {
    this.name = name;
  }

  /** Starts {@code work} on a daemon thread called {@code name}. */
  public static <T> SideTask<T> start(Supplier<T> work, String name) {
    SideTask<T> task = new SideTask<>(name);
    Thread thread =
        new Thread(
            () -> {
              try {
                task.result.complete(work.get());
              } catch (Throwable t) {
                task.result.completeExceptionally(t);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return task;
  }

  /**
   * What the work returned, once it is done; its failure is rethrown as it was thrown. Waits
   * through interrupts and keeps the interrupt status, so that no work outlives its starter.
   */
  public T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new SynthosException(ErrorCode.INTERNAL, name + " failed", null, cause);
    }
  }

  /** Waits for the work to end, ignoring what it returned and how it failed. */
  public void joinQuietly() {
    try {
      result.join();
    } catch (CompletionException | CancellationException e) {
      // Another failure is the one reported, or none matters any more.
    }
  }
}
