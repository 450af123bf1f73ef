package org.synthos.core.assess.measure;

import java.util.ArrayList;
import java.util.List;
import org.synthos.core.state.CoMomentsState;

/**
 * {@link AssociationLoss}'s pooled loss over every row of both files, from the pass's per-bucket
 * pair states ({@link BucketPairs}): the same choice of pairs (associated beyond chance at {@link
 * AssociationLoss#SIGNIFICANCE_Z} standard errors over the pooled rows, at most {@link
 * AssociationLoss#MAX_PAIRS}, strongest first), the same strengths (Pearson r of two numbers from
 * their co-moments; Bergsma's bias-corrected Cramér's V otherwise, from the combination counts) and
 * the same loss {@code max(0, 1 - sum |a_c| / sum |a_r|)}, with the sides of a split of the pooled
 * buckets in place of a labelling of the held rows. On the same rows it gives the held rows' choice
 * and values up to the co-moments' rounding.
 */
public final class BucketAssociationLoss {
  private BucketAssociationLoss() {}

  /**
   * One pair's states: the co-moments of two numbers, or else the combination counts, {@code
   * binned} when one column is a number cut into bins.
   */
  public record Pair(BucketPairs.Moments moments, BucketPairs.Table table, boolean binned) {
    /** {candidate side, reference side} under a split of the buckets (null: the observed one). */
    double[] strengths(boolean[] split) {
      if (moments != null) {
        return new double[] {moments.association(split, true), moments.association(split, false)};
      }
      long[][] t = table.sides(split);
      return AssociationLoss.corrected(
          new double[][] {
            Association.contingency(t[0], table.ka(), table.kb()),
            Association.contingency(t[1], table.ka(), table.kb())
          });
    }

    /**
     * The pooled association's distance from independence in standard errors over both files, as
     * {@link AssociationLoss#zScore} measures it over held rows; NaN if undefined.
     */
    double zScore() {
      if (moments != null) {
        CoMomentsState s = CoMomentsState.EMPTY;
        for (CoMomentsState b : moments.buckets()) {
          s = s.merge(b);
        }
        return AssociationLoss.fisherZ(Association.pearson(s), s.count());
      }
      long[] pooled = new long[table.ka() * table.kb()];
      for (int i = 0; i < table.cell().length; i++) {
        pooled[table.cell()[i]] += table.pooled()[i];
      }
      return AssociationLoss.chiSquareZ(Association.contingency(pooled, table.ka(), table.kb()));
    }
  }

  /** The pairs associated beyond chance over both files, strongest first, at most the cap. */
  public static List<Pair> associated(List<Pair> all) {
    List<Pair> pairs = new ArrayList<>();
    List<Double> strength = new ArrayList<>();
    for (Pair p : all) {
      double z = p.zScore();
      if (z >= AssociationLoss.SIGNIFICANCE_Z) {
        pairs.add(p);
        strength.add(z);
      }
    }
    return AssociationLoss.strongest(pairs, strength);
  }

  /**
   * {@code max(0, 1 - sum |a_c| / sum |a_r|)} over {@code pairs} under a split of the buckets
   * (null: the observed one); NaN when no pair is defined on both sides.
   */
  public static double loss(List<Pair> pairs, boolean[] split) {
    return AssociationLoss.loss(pairs.size(), p -> pairs.get(p).strengths(split));
  }
}
