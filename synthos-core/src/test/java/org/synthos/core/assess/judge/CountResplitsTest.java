package org.synthos.core.assess.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synthos.api.ColumnType;
import org.synthos.core.assess.Evidence;
import org.synthos.core.assess.Measure;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.Subject;
import org.synthos.core.assess.measure.Hypergeometric;
import org.synthos.core.assess.measure.Marginals;
import org.synthos.core.assess.measure.Shuffle;
import org.synthos.core.assess.pool.Pool;

/**
 * The band of the target prior drawn as class counts ({@link Resampling#countNulls}) against the
 * band of explicit row re-splits of the same pooled rows ({@link Marginals#sides(Pool.Var,
 * boolean[])}): both are the same permutation null, so they agree within the noise of estimating
 * them, and a prior shifted beyond it is flagged.
 */
class CountResplitsTest {
  /** Three classes of 40, 25 and 10 rows and 5 nulls; 35 of the 80 rows play the candidate. */
  private static final int[] POOLED = {40, 25, 10, 5};

  private static final int N_C = 35;

  @Test
  void countDrawsGiveTheBandOfRowResplits() {
    int[][] splits = new int[Resampling.COUNT_REPLICATES][];
    SplittableRandom random = new SplittableRandom(11);
    for (int b = 0; b < splits.length; b++) {
      splits[b] = Hypergeometric.sampleCounts(POOLED, N_C, random);
    }
    NullBand counts = Bands.of(Resampling.countNulls(POOLED, N_C, splits, Marginals::tvd));

    Pool.Var label = label();
    int rowReplicates = 20_000;
    double[] rows = new double[rowReplicates];
    SplittableRandom shuffles = new SplittableRandom(12);
    for (int b = 0; b < rowReplicates; b++) {
      int[] idx = Shuffle.permutation(0, label.codes.length, shuffles);
      boolean[] cand = new boolean[idx.length];
      for (int i = 0; i < N_C; i++) {
        cand[idx[i]] = true;
      }
      rows[b] = Marginals.tvd(Marginals.sides(label, cand));
    }
    NullBand resplit = Bands.of(rows);

    assertThat(counts.replicates()).isEqualTo(Resampling.COUNT_REPLICATES);
    double sd = (resplit.upper() - resplit.mean()) / Bands.SIGMAS;
    // Standard errors with 2,000 draws: the mean's sd / 45, the sd's about sd / 40; the edge
    // moves by about 3 / 40 sd, so a tenth of an sd on the mean and a third on the edge is 4 SE.
    assertThat(counts.mean())
        .isCloseTo(resplit.mean(), org.assertj.core.data.Offset.offset(sd / 10));
    assertThat(counts.upper())
        .isCloseTo(resplit.upper(), org.assertj.core.data.Offset.offset(sd / 3));
  }

  @Test
  void aShiftedPriorIsFlaggedAndAnExpectedOneIsNot() {
    int[][] splits = new int[Resampling.COUNT_REPLICATES][];
    SplittableRandom random = new SplittableRandom(13);
    for (int b = 0; b < splits.length; b++) {
      splits[b] = Hypergeometric.sampleCounts(POOLED, N_C, random);
    }
    NullBand band = Bands.of(Resampling.countNulls(POOLED, N_C, splits, Marginals::tvd));

    // The candidate's expected counts (35/80 of each class) against a candidate that took most of
    // the first class: 30 of its 40 rows instead of 17.5.
    double expected = tvd(new int[] {17, 11, 5, 2});
    double shifted = tvd(new int[] {30, 3, 1, 1});
    Evidence inside = Evidence.of(Measure.TARGET_PRIOR_SHIFT, Subject.of("y"), expected, band, "");
    Evidence beyond = Evidence.of(Measure.TARGET_PRIOR_SHIFT, Subject.of("y"), shifted, band, "");
    assertThat(inside.score()).isEqualTo(100);
    assertThat(shifted).isGreaterThan(band.upper() + Measure.TARGET_PRIOR_SHIFT.tolerance());
    assertThat(beyond.score()).isZero();
  }

  /**
   * Two classes, as penguins' {@code Sex} on a clean split: the TVD is |p_c - p_r|, folded at zero.
   * Against its exact law (hypergeometric), the draws' tail quantile leaves about the 3-sd tail
   * beyond it; mean + 3 sd of the draws leaves several times as much.
   */
  @Test
  void theTailQuantileOfFoldedDistancesLeavesTheThreeSigmaTail() {
    int[] pooled = {150, 160, 0};
    int nC = 140;
    int[][] splits = new int[Resampling.COUNT_REPLICATES][];
    SplittableRandom random = new SplittableRandom(17);
    for (int b = 0; b < splits.length; b++) {
      splits[b] = Hypergeometric.sampleCounts(pooled, nC, random);
    }
    double[] draws = Resampling.countNulls(pooled, nC, splits, Marginals::tvd);
    NullBand tail = Bands.ofTail(draws);
    NullBand meanPlusThreeSd = Bands.of(draws);
    assertThat(tail.replicates()).isEqualTo(Resampling.COUNT_REPLICATES);
    assertThat(tail.mean())
        .isCloseTo(meanPlusThreeSd.mean(), org.assertj.core.data.Offset.offset(1e-12));

    assertThat(exactTail(pooled, nC, tail.upper())).isBetween(Bands.TAIL / 3, Bands.TAIL * 2);
    assertThat(exactTail(pooled, nC, meanPlusThreeSd.upper())).isGreaterThan(4 * Bands.TAIL);
  }

  /** P(TVD > edge) under the exact hypergeometric law of the candidate's first-class count. */
  private static double exactTail(int[] pooled, int nC, double edge) {
    int total = pooled[0] + pooled[1];
    int nR = total - nC;
    double p = 0;
    for (int x = Math.max(0, nC - pooled[1]); x <= Math.min(nC, pooled[0]); x++) {
      double tvd = Math.abs((double) x / nC - (double) (pooled[0] - x) / nR);
      if (tvd > edge + 1e-12) {
        p +=
            Math.exp(logChoose(pooled[0], x) + logChoose(pooled[1], nC - x) - logChoose(total, nC));
      }
    }
    return p;
  }

  private static double logChoose(int n, int k) {
    double s = 0;
    for (int i = 1; i <= k; i++) {
      s += Math.log(n - k + i) - Math.log(i);
    }
    return s;
  }

  @Test
  void countDrawsFollowTheSeed() {
    Pool.Var label = label();
    int[] pooled = new int[POOLED.length];
    for (int code : label.codes) {
      pooled[code >= 0 ? code : pooled.length - 1]++;
    }
    assertThat(pooled).containsExactly(POOLED);
    int[] a = Hypergeometric.sampleCounts(POOLED, N_C, new SplittableRandom(5));
    int[] b = Hypergeometric.sampleCounts(POOLED, N_C, new SplittableRandom(5));
    assertThat(a).containsExactly(b);
    assertThat(a[0] + a[1] + a[2] + a[3]).isEqualTo(N_C);
  }

  /** The TVD of a candidate holding {@code cand} of {@link #POOLED} (the last count its nulls). */
  private static double tvd(int[] cand) {
    return Resampling.countNulls(POOLED, N_C, new int[][] {cand}, Marginals::tvd)[0];
  }

  /** The pooled rows as a categorical column, in class order, nulls last. */
  private static Pool.Var label() {
    int n = 0;
    for (int k : POOLED) {
      n += k;
    }
    int[] codes = new int[n];
    int row = 0;
    for (int c = 0; c < POOLED.length; c++) {
      for (int i = 0; i < POOLED[c]; i++) {
        codes[row++] = c == POOLED.length - 1 ? -1 : c;
      }
    }
    return new Pool.Var(
        "y",
        ColumnType.CATEGORICAL,
        false,
        false,
        null,
        codes,
        new String[] {"a", "b", "c"},
        null,
        0);
  }
}
