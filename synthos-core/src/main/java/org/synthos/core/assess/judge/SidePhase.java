package org.synthos.core.assess.judge;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A judging phase running on a thread of its own, into its own workspace ({@link Judging#phase}). A
 * thread rather than a pool task: it starts at once, whatever else a shared pool is busy with, and
 * its own parallel work joins the common pool as the caller's does.
 */
final class SidePhase<T> {
  final Judging phase;
  private final CompletableFuture<T> result;

  private SidePhase(Judging phase, CompletableFuture<T> result) {
    this.phase = phase;
    this.result = result;
  }

  static <T> SidePhase<T> start(Judging phase, Function<Judging, T> work, String name) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.apply(phase));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return new SidePhase<>(phase, result);
  }

  /** The phase's result once it is done; its failure is rethrown as it was thrown. */
  T join() {
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
      throw e;
    }
  }

  /** Waits for the phase to end, ignoring its result and any failure. */
  void await() {
    try {
      result.join();
    } catch (CompletionException | CancellationException e) {
      // Abandoned: what it found or how it failed no longer matters.
    }
  }
}
