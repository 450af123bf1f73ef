package org.synthos.core.assess;

import java.util.Objects;
import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * How to assess.
 *
 * @param policy the decision thresholds
 * @param seed seeds every random choice (sampling, re-splits, injections), so equal inputs and seed
 *     give equal results
 * @param targetColumn the column a model will predict, or null
 * @param timeColumn the column that orders rows in time, or null to use the first datetime column
 *     (and row order when there is none)
 * @param maxRows rows held per dataset; larger files are reduced to a seeded uniform sample
 * @param multivariateRows rows per dataset in the nearest-neighbour analyses
 * @param replicates random re-splits behind every null band
 * @param ablations how many recommendations get their impact measured by re-scoring
 * @param learning how the proxy-model cascade runs
 */
public record ValidationOptions(
    Policy policy,
    long seed,
    String targetColumn,
    String timeColumn,
    int maxRows,
    int multivariateRows,
    int replicates,
    int ablations,
    LearningOptions learning) {
  public ValidationOptions {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(learning, "learning");
    if (maxRows < 2 || multivariateRows < 2 || replicates < 5 || ablations < 0) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT,
          "options need max rows >= 2, multivariate rows >= 2, replicates >= 5, ablations >= 0");
    }
  }

  /** With the default learning options. */
  public ValidationOptions(
      Policy policy,
      long seed,
      String targetColumn,
      String timeColumn,
      int maxRows,
      int multivariateRows,
      int replicates,
      int ablations) {
    this(
        policy,
        seed,
        targetColumn,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        LearningOptions.defaults());
  }

  /**
   * Default policy, seed 42, 200,000 rows, 1,000 rows for neighbours, 20 re-splits, 4 ablations.
   */
  public static ValidationOptions defaults() {
    return new ValidationOptions(Policy.defaults(), 42, null, null, 200_000, 1_000, 20, 4);
  }

  /**
   * What a front end (the command line, the Spark job) lets a user set; everything else is the
   * {@link #defaults()}.
   *
   * @param targetColumn null for none
   * @param timeColumn null to use the first datetime column
   * @param learnBudget the proxy-model budget as typed ({@link LearningOptions#budgetMillis})
   * @param predictAt the training size to predict performance at; 0 for ten times the candidate
   * @param learnTiers the proxy tiers as typed ({@link LearningOptions#parseTiers}), {@code auto}
   *     for the automatic choice
   */
  public static ValidationOptions of(
      Policy policy,
      long seed,
      String targetColumn,
      String timeColumn,
      int maxRows,
      String learnBudget,
      long predictAt,
      String learnTiers) {
    LearningOptions learning =
        new LearningOptions(
            LearningOptions.budgetMillis(learnBudget, "--learn-budget"),
            predictAt,
            LearningOptions.DEFAULT_MAX_ROWS,
            LearningOptions.parseTiers(learnTiers));
    ValidationOptions d = defaults();
    return new ValidationOptions(
            policy, seed, targetColumn, timeColumn, maxRows, d.multivariateRows, d.replicates, 0)
        .withAblations(d.ablations)
        .withLearning(learning);
  }

  public ValidationOptions withSeed(long newSeed) {
    return new ValidationOptions(
        policy,
        newSeed,
        targetColumn,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        learning);
  }

  public ValidationOptions withPolicy(Policy newPolicy) {
    return new ValidationOptions(
        newPolicy,
        seed,
        targetColumn,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        learning);
  }

  public ValidationOptions withTarget(String column) {
    return new ValidationOptions(
        policy,
        seed,
        column,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        learning);
  }

  public ValidationOptions withTimeColumn(String column) {
    return new ValidationOptions(
        policy,
        seed,
        targetColumn,
        column,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        learning);
  }

  public ValidationOptions withAblations(int count) {
    return new ValidationOptions(
        policy,
        seed,
        targetColumn,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        count,
        learning);
  }

  public ValidationOptions withLearning(LearningOptions newLearning) {
    return new ValidationOptions(
        policy,
        seed,
        targetColumn,
        timeColumn,
        maxRows,
        multivariateRows,
        replicates,
        ablations,
        newLearning);
  }
}
