package org.synthos.core.state;

import org.synthos.api.ErrorCode;
import org.synthos.api.SynthosException;

/**
 * Accuracy and memory knobs of the column and pair states. Validated on construction.
 *
 * @param kllK KLL sketch size; normalized rank error (single quantile, 99% confidence) about 0.14%
 *     at the default 2048 (deequ's default too), 1.33% at 200, shrinking roughly as 1/k (Karnin,
 *     Lang, Liberty 2016). Small k makes the sketch error dominate sampling noise in KS and binned
 *     distances above a few thousand rows
 * @param hllLgK log2 of the HLL register count; relative standard error about 1.04/sqrt(2^lgK),
 *     1.6% at the default 12
 * @param categoryCap distinct categories counted exactly per column; beyond it the column switches
 *     to a frequent-items sketch and its counts are flagged approximate
 * @param frequentItemsLgMapSize log2 of the frequent-items sketch map size; a count's error is at
 *     most about 3.5 n / 2^lgMapSize (Anderson et al. 2017)
 * @param pairCategoryCap categories per column kept for contingency tables and correlation ratios;
 *     a pair whose column exceeds it is marked overflowed and its pair metrics are not applicable
 */
public record StateConfig(
    int kllK, int hllLgK, int categoryCap, int frequentItemsLgMapSize, int pairCategoryCap) {

  public static final int DEFAULT_KLL_K = 2048;

  public StateConfig {
    require(kllK >= 8 && kllK <= 65535, "kllK", kllK, "8..65535");
    require(hllLgK >= 4 && hllLgK <= 21, "hllLgK", hllLgK, "4..21");
    require(categoryCap >= 1, "categoryCap", categoryCap, ">= 1");
    require(
        frequentItemsLgMapSize >= 3 && frequentItemsLgMapSize <= 26,
        "frequentItemsLgMapSize",
        frequentItemsLgMapSize,
        "3..26");
    require(pairCategoryCap >= 1, "pairCategoryCap", pairCategoryCap, ">= 1");
  }

  public static StateConfig defaults() {
    return new StateConfig(DEFAULT_KLL_K, 12, 10_000, 14, 100);
  }

  public StateConfig withKllK(int k) {
    return new StateConfig(k, hllLgK, categoryCap, frequentItemsLgMapSize, pairCategoryCap);
  }

  public StateConfig withCategoryCap(int cap) {
    return new StateConfig(kllK, hllLgK, cap, frequentItemsLgMapSize, pairCategoryCap);
  }

  public StateConfig withPairCategoryCap(int cap) {
    return new StateConfig(kllK, hllLgK, categoryCap, frequentItemsLgMapSize, cap);
  }

  private static void require(boolean ok, String name, int value, String range) {
    if (!ok) {
      throw new SynthosException(
          ErrorCode.INVALID_ARGUMENT, name + " must be " + range + ", got " + value);
    }
  }
}
