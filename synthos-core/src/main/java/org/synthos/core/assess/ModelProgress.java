package org.synthos.core.assess;

/**
 * One trained proxy model of the learnability cascade, as progress.
 *
 * @param target the target column the model predicts
 * @param targetIndex the target's place among the targets judged, from 0
 * @param targets how many targets are judged
 * @param tier the tier's key ("linear", "gbt_small", "gbt_large", "mlp")
 * @param role what the model is for: "band" (a null-band replicate trained on reference rows),
 *     "trtr" (trained on reference rows, the yardstick), "tstr" (trained on the candidate, a point
 *     of a learning curve) or "tstr_repeat" (the same on another ordering of the candidate)
 * @param trainRows the rows it trained on
 * @param seed its seed
 * @param loss its mean loss on the held-out reference rows (log loss or squared error)
 * @param lossName "log_loss" or "squared_error"
 * @param done models of this target trained so far, this one included
 * @param total models planned for this target
 * @param elapsedMillis time since this target's models started
 * @param etaMillis the estimated time left for this target's models, from the planned cost of the
 *     models left
 * @param device where it trained ("cpu", "gpu(0)")
 */
public record ModelProgress(
    String target,
    int targetIndex,
    int targets,
    String tier,
    String role,
    int trainRows,
    long seed,
    double loss,
    String lossName,
    int done,
    int total,
    long elapsedMillis,
    long etaMillis,
    String device) {}
