package org.synthos.core.assess.judge;

import java.util.List;
import java.util.stream.IntStream;
import org.synthos.core.assess.ModelProgress;
import org.synthos.core.assess.ProgressListener;
import org.synthos.core.assess.measure.learn.Design;
import org.synthos.core.assess.measure.learn.Neural;
import org.synthos.core.assess.measure.learn.ProxyModel;
import org.synthos.core.assess.measure.learn.ProxyTier;
import org.synthos.core.assess.measure.learn.Scores;

/**
 * Trains one target's models on all cores, each result in its own slot (so the results do not
 * depend on the schedule), and tells the listener as each model finishes. A listener that throws (a
 * cancelled job) stops the training at the next model boundary: models in flight finish, no other
 * starts, and the exception ends the validation. Models past the deadline are not started and leave
 * their slot null.
 */
final class ModelTraining {
  private final Design d;
  private final List<LearnabilityJudge.Job> jobs;
  private final int targetIndex;
  private final int targets;
  private final ProgressListener listener;
  private final long plannedTotal;
  private volatile boolean stopped;
  private RuntimeException failure;
  private int done;
  private long plannedDone;
  private long started;

  ModelTraining(
      Design d,
      List<LearnabilityJudge.Job> jobs,
      int targetIndex,
      int targets,
      ProgressListener listener) {
    this.d = d;
    this.jobs = jobs;
    this.targetIndex = targetIndex;
    this.targets = targets;
    this.listener = listener;
    this.plannedTotal = jobs.stream().mapToLong(this::cost).sum();
  }

  /** Where {@code tier}'s models train. */
  static String device(ProxyTier tier) {
    return tier.neural() && Neural.learner() != null ? Neural.learner().device() : "cpu";
  }

  ProxyModel.Predictions[] run(long deadline) {
    ProxyModel.Predictions[] out = new ProxyModel.Predictions[jobs.size()];
    started = System.nanoTime();
    IntStream.range(0, jobs.size())
        .parallel()
        .forEach(
            i -> {
              if (stopped || System.nanoTime() >= deadline) {
                return;
              }
              LearnabilityJudge.Job job = jobs.get(i);
              out[i] = ProxyModel.fit(d, job.tier(), job.train(), job.test(), job.seed());
              trained(job, out[i]);
            });
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
    }
    return out;
  }

  private synchronized void trained(LearnabilityJudge.Job job, ProxyModel.Predictions p) {
    if (stopped) {
      return;
    }
    done++;
    plannedDone += cost(job);
    double loss = Scores.mean(Scores.rowLosses(d.task, p.test(), d.labels(job.test())));
    long elapsed = System.nanoTime() - started;
    double left =
        plannedDone == 0 ? 0 : (double) elapsed * (plannedTotal - plannedDone) / plannedDone;
    try {
      listener.modelTrained(
          new ModelProgress(
              d.target,
              targetIndex,
              targets,
              job.tier().key(),
              job.role(),
              job.train().length,
              job.seed(),
              loss,
              Scores.lossName(d.task),
              done,
              jobs.size(),
              elapsed / 1_000_000,
              (long) (left / 1e6),
              device(job.tier())));
    } catch (RuntimeException e) {
      failure = e;
      stopped = true;
    }
  }

  private long cost(LearnabilityJudge.Job job) {
    return LearnabilityJudge.cost(d, job.tier(), job.train().length, job.test().length);
  }
}
