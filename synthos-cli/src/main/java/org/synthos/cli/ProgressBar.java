package org.synthos.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A one-line progress bar on stderr. It stays silent for the first second, so quick runs print
 * nothing, and it only draws when stderr is a terminal (or when forced), so logs and pipes stay
 * clean.
 */
final class ProgressBar implements AutoCloseable {
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final Supplier<String> label;
  private final LongSupplier done;
  private final long total;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile boolean drawn;

  private ProgressBar(
      PrintWriter err, Supplier<String> label, LongSupplier done, long total, boolean enabled) {
    this.err = err;
    this.label = label;
    this.done = done;
    this.total = total;
    if (enabled) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "synthos-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /**
   * Starts a bar over {@code total} units (bytes, usually); {@code done} is polled from another
   * thread and must be safe to read concurrently.
   */
  static ProgressBar start(
      PrintWriter err, String label, LongSupplier done, long total, boolean force) {
    return start(err, () -> label, done, total, force);
  }

  /** As {@link #start(PrintWriter, String, LongSupplier, long, boolean)}, with a changing label. */
  static ProgressBar start(
      PrintWriter err, Supplier<String> label, LongSupplier done, long total, boolean force) {
    boolean enabled = force || System.console() != null;
    return new ProgressBar(err, label, done, total, enabled && total > 0);
  }

  private void draw() {
    long elapsed = System.nanoTime() - start;
    if (elapsed < QUIET_NANOS) {
      return;
    }
    double fraction = Math.min(1.0, Math.max(0.0, (double) done.getAsLong() / total));
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = elapsed / 1e9;
    String eta =
        fraction > 0.01
            ? String.format(Locale.ROOT, " eta %.0fs", seconds / fraction - seconds)
            : "";
    err.print(
        String.format(
            Locale.ROOT,
            "\r%-28s [%s%s] %3.0f%% %.1fs%s   ",
            label.get(),
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            fraction * 100,
            seconds,
            eta));
    err.flush();
    drawn = true;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (drawn) {
      err.print("\r" + " ".repeat(28 + WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
