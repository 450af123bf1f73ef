package org.synthos.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.Stage;

/**
 * Shows the validation's current stage on the progress bar, and each learnability model as it
 * trains (the cascade trains beside the earlier stages, whose start replaces the label): target,
 * tier, rows, models done and the time left for the target.
 */
final class StageProgress implements ProgressListener, AutoCloseable {
  private final AtomicLong done = new AtomicLong();
  private final AtomicReference<String> label = new AtomicReference<>("validating");
  private final PrintWriter err;
  private final boolean force;
  private ProgressBar bar;

  StageProgress(PrintWriter err, boolean force) {
    this.err = err;
    this.force = force;
  }

  @Override
  public synchronized void stageStarted(Stage stage, int index, int total) {
    label.set("validating: " + stage.key());
    done.set(index);
    if (bar == null) {
      bar = ProgressBar.start(err, label::get, done::get, total, force);
    }
  }

  @Override
  public void modelTrained(ModelProgress m) {
    label.set(
        String.format(
            Locale.ROOT,
            "validating: learnability: %s (%d/%d) %s on %d rows, model %d/%d, %ds left",
            m.target(),
            m.targetIndex() + 1,
            m.targets(),
            m.tier(),
            m.trainRows(),
            m.done(),
            m.total(),
            (m.etaMillis() + 999) / 1000));
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
