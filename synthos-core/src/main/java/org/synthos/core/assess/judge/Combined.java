package org.synthos.core.assess.judge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.synthos.core.assess.NullBand;
import org.synthos.core.assess.measure.AssociationLoss;

/**
 * Dataset-level statistics combined from parts that are each judged against their own re-splits,
 * with the null of the combination from the same re-splits, so that observation and null stay
 * exchangeable.
 */
final class Combined {
  private Combined() {}

  /**
   * A combined statistic: its observed value, its value on each re-split, how many parts it
   * combines and the part that decides it (null where none does).
   */
  record Statistic(double observed, double[] nulls, int parts, String worst) {}

  /**
   * The mean over parts of the standardised excess (value - band mean) / band sd. Small shifts that
   * stay inside every part's own band but move together (as after repeated generation from a fitted
   * model) add up here. Each re-split is standardised the same way: a permutation test of the mean,
   * as in the combination of dependent tests by Pesarin 2001, Permutation Tests for Complex Data.
   * Null with fewer than two parts that have a spread.
   */
  static Statistic meanExcess(List<Judging.Replicated> parts, int replicates) {
    List<double[]> z = new ArrayList<>();
    double observed = 0;
    for (Judging.Replicated r : parts) {
      NullBand band = Bands.of(r.nulls());
      double sd = (band.upper() - band.mean()) / Bands.SIGMAS;
      if (!(sd > 0)) {
        continue;
      }
      double[] zr = new double[r.nulls().length];
      for (int b = 0; b < zr.length; b++) {
        zr[b] = (r.nulls()[b] - band.mean()) / sd;
      }
      z.add(zr);
      observed += (r.observed() - band.mean()) / sd;
    }
    if (z.size() < 2) {
      return null;
    }
    int k = z.size();
    double[] nulls = new double[replicates];
    for (double[] zr : z) {
      for (int b = 0; b < nulls.length; b++) {
        nulls[b] += zr[b] / k;
      }
    }
    return new Statistic(observed / k, nulls, k, null);
  }

  /**
   * The largest standardised excess (value - band mean) / band sd over parts measured alike on
   * different subsets (max-T, Westfall and Young 1993), with the same maximum over the re-splits as
   * its null. Each re-split is standardised by the mean and sd of the other re-splits, so that it
   * stands to them as the observation stands to all of them: standardising a re-split by a band it
   * helped estimate would shrink its tails and make the null maximum too small. Parts stuck at one
   * value in most re-splits have no usable spread and are left out; null when none is left.
   */
  static Statistic maxExcess(List<String> names, List<Judging.Replicated> parts) {
    double[] nullMax = new double[parts.isEmpty() ? 0 : parts.get(0).nulls().length];
    Arrays.fill(nullMax, Double.NaN);
    double observed = Double.NaN;
    String worst = null;
    for (int g = 0; g < parts.size(); g++) {
      Judging.Replicated r = parts.get(g);
      NullBand band = Bands.of(r.nulls());
      double sd = (band.upper() - band.mean()) / Bands.SIGMAS;
      if (!(sd > 0) || !AssociationLoss.varies(r.nulls())) {
        continue;
      }
      double z = (r.observed() - band.mean()) / sd;
      if (!(z <= observed)) {
        observed = z;
        worst = names.get(g);
      }
      for (int b = 0; b < nullMax.length; b++) {
        double zb = Bands.leaveOneOutZ(r.nulls(), b);
        if (!(zb <= nullMax[b])) {
          nullMax[b] = zb;
        }
      }
    }
    return worst == null ? null : new Statistic(observed, nullMax, parts.size(), worst);
  }
}
