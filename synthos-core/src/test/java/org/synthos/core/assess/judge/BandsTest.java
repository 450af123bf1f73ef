package org.synthos.core.assess.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.synthos.core.assess.NullBand;

/**
 * Bands of deficits max(0, g): from re-splits of the signed gap g, a clean draw crosses the edge as
 * rarely as 3 sd of g allows; from the truncated values it crosses about ten times as often.
 */
class BandsTest {
  private static final int REPLICATES = 20_000;

  @Test
  void deficitEdgeIsThreeSdOfTheSignedGap() {
    double[] gaps = gaussian(REPLICATES, 0, 1, new Random(5));
    NullBand band = Bands.ofDeficit(gaps);
    assertThat(band.upper()).isCloseTo(3, within(0.1));
    // The mean is the deficit that noise alone gives: E max(0, Z) = 1 / sqrt(2 pi).
    assertThat(band.mean()).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(0.02));
    assertThat(band.replicates()).isEqualTo(REPLICATES);
  }

  @Test
  void cleanDrawsCrossTheGapEdgeAtTheThreeSigmaRateAndTheTruncatedEdgeFarMoreOften() {
    double[] gaps = gaussian(REPLICATES, 0, 1, new Random(7));
    double gapEdge = Bands.ofDeficit(gaps).upper();
    double truncatedEdge = Bands.of(Bands.truncated(gaps)).upper();
    assertThat(truncatedEdge).isCloseTo(2.15, within(0.1));

    double[] fresh = gaussian(400_000, 0, 1, new Random(9));
    double overGap = shareAbove(fresh, gapEdge);
    double overTruncated = shareAbove(fresh, truncatedEdge);
    assertThat(overGap).isBetween(0.0005, 0.0025);
    assertThat(overTruncated).isBetween(0.012, 0.020);
  }

  @Test
  void gapsBelowZeroGiveAZeroEdgeAndNaNsAreIgnored() {
    double[] gaps = gaussian(1_000, -5, 1, new Random(3));
    gaps[0] = Double.NaN;
    NullBand band = Bands.ofDeficit(gaps);
    assertThat(band.mean()).isZero();
    assertThat(band.upper()).isZero();
    assertThat(band.replicates()).isEqualTo(999);
    assertThat(Bands.truncated(gaps)[0]).isNaN();
    assertThat(Bands.ofDeficit(new double[] {Double.NaN}).upper()).isNaN();
  }

  private static double[] gaussian(int n, double mean, double sd, Random random) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = mean + sd * random.nextGaussian();
    }
    return x;
  }

  private static double shareAbove(double[] gaps, double edge) {
    int above = 0;
    for (double g : gaps) {
      above += Math.max(0, g) > edge ? 1 : 0;
    }
    return (double) above / gaps.length;
  }
}
